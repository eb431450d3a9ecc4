"""Table columns sized to the width there is: wanted widths in characters of the font in
use, shrunk towards their titles when the view is narrow (150 %), the rest given to the
column that needs it most (names), never a sideways scroll when it can be avoided."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

NAME_CHARS = 20  # a surname and a given name, the least a list's name column keeps
SHORT_CHARS = 14  # a column this narrow (a date, a form) is never shrunk below what it wants


def title_width(view: QTableView, column: int) -> int:
    header = view.horizontalHeader()
    title = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    # room for the sort arrow and the section's padding
    return header.fontMetrics().horizontalAdvance(title) + 28


def fit_columns(
    view: QTableView, chars: Sequence[int], grow: int = 0, optional: Sequence[int] = ()
) -> None:
    """Columns get `chars[i]` average characters (0: just their title); when the viewport
    is wider, column `grow` takes the rest; when narrower, every column shrinks in
    proportion down to its title's width. Column `grow` (the row's name) keeps room for a
    name: when the titles alone leave it less, the `optional` columns are hidden, in that
    order, until it has it (at 150 % on a laptop's screen)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    char = view.fontMetrics().averageCharWidth()
    count = min(len(chars), header.count())
    least = [title_width(view, c) for c in range(count)]
    wants = [max(least[c], chars[c] * char) for c in range(count)]
    # a short column (a date, a number) keeps its width: cut, it says nothing
    least = [wants[c] if 0 < chars[c] <= SHORT_CHARS else least[c] for c in range(count)]
    available = view.viewport().width() - 2
    if available <= 0:
        return
    hidden: set[int] = set()
    if grow < count:  # the column that names the row keeps room for a name when others shrink
        named = max(least[grow], min(wants[grow], NAME_CHARS * char))
        for column in [None, *optional]:
            if column is not None:
                hidden.add(column)
            shown = [c for c in range(count) if c not in hidden]
            if sum(least[c] for c in shown) - least[grow] + named < available:
                least[grow] = named
                break
        else:
            hidden.clear()  # no room even so: every column, each at its title's width
    for column in optional:
        if column < count:
            header.setSectionHidden(column, column in hidden)
    shown = [c for c in range(count) if c not in hidden]
    total, floor = sum(wants[c] for c in shown), sum(least[c] for c in shown)
    widths = dict.fromkeys(shown, 0)
    if total <= available:
        widths = {c: wants[c] for c in shown}
        widths[grow] += available - total
    elif floor < available:
        share = (available - floor) / (total - floor)
        widths = {c: least[c] + int((wants[c] - least[c]) * share) for c in shown}
        widths[grow] += available - sum(widths.values())
    else:
        widths = {c: least[c] for c in shown}
    for column, width in widths.items():
        header.resizeSection(column, width)


class ColumnFitter(QObject):
    """Keeps a view's columns fitted as it is resized (and its font changes)."""

    def __init__(
        self, view: QTableView, chars: Sequence[int], grow: int = 0, optional: Sequence[int] = ()
    ) -> None:
        super().__init__(view)
        self._view = view
        self._chars = list(chars)
        self._grow = grow
        self._optional = list(optional)
        self._width = -1
        view.setProperty("fit_width", True)
        view.viewport().installEventFilter(self)
        model = view.model()
        model.modelReset.connect(self.fit)
        model.layoutChanged.connect(self.fit)

    def fit(self) -> None:
        fit_columns(self._view, self._chars, self._grow, self._optional)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize and self._view.viewport().width() != self._width:
            self._width = self._view.viewport().width()
            self.fit()
        return False
