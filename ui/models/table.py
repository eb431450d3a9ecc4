"""A table model over a list of row objects, loaded into the view in chunks, sorted in
Python by real keys (dates as dates, names by the Ukrainian alphabet) over all its rows,
loaded or not.

Views sit on the model itself, with no QSortFilterProxyModel between: a view's header click
calls the model's `sort`, and a proxy would only add, to every value a painted cell asks
for, a call back into Python for the source's index (a third of a list's repaint)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from ui.models.roles import ID_ROLE, OBJECT_ROLE, SORT_ROLE

Row = TypeVar("Row")
_Index = QModelIndex | QPersistentModelIndex
CHUNK = 200
# roles as plain numbers: Qt passes them so, and an enum member's lookup costs per call
_TEXT_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
    )
)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[Row]):
    """A column: header, how a row shows in it, and what it sorts by."""

    title: str
    text: Callable[[Row], str]
    key: Callable[[Row], Any]
    align_right: bool = False
    icon: Callable[[Row], QIcon | None] | None = None


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows in memory, shown `CHUNK` at a time as the view scrolls (fetchMore)."""

    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Row] = []
        self._loaded = 0
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # the order rows arrive in from their query; no need to sort them into it again
        self.natural_order: tuple[int, Qt.SortOrder] | None = None

    # content
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None and self._sort != self.natural_order:
            self._sort_rows(*self._sort)
        self._loaded = min(CHUNK, len(self._rows))
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def total(self) -> int:
        """All rows, loaded into the view or not."""
        return len(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_object(self, index: _Index) -> Row | None:
        """The row object at a view's index (None for no row)."""
        if not index.isValid() or index.row() >= self._loaded:
            return None
        return self._rows[index.row()]

    def row_of(self, record_id: str) -> int:
        """Position of a row by its id (loading up to it); -1 when absent."""
        for position, row in enumerate(self._rows):
            if getattr(row, "id", None) == record_id:
                while self._loaded <= position:
                    self.fetchMore(QModelIndex())
                return position
        return -1

    def refresh_column(self, column: int) -> None:
        """Values of a column changed in the row objects themselves."""
        if self._loaded:
            self.dataChanged.emit(self.index(0, column), self.index(self._loaded - 1, column))

    # shape
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(CHUNK, len(self._rows) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in _TEXT_ROLES:
            return column.text(row)
        if role == SORT_ROLE:
            return column.key(row)
        if role == OBJECT_ROLE:
            return row
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == _DECORATION:
            return column.icon(row) if column.icon is not None else None
        if role == _ALIGNMENT and column.align_right:
            return _RIGHT
        return None

    # sorting
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:  # no column chosen: rows stay in the order they come in
            self._sort = None
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        key = self.columns[column].key
        # rows without a value (None dates) go last either way
        keyed = [(key(r), r) for r in self._rows]  # each key computed once
        present = [pair for pair in keyed if pair[0] is not None]
        missing = [r for k, r in keyed if k is None]
        present.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [r for _, r in present] + missing
