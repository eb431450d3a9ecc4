"""A checkable list of reference codes (categories, СЖО factors)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget


class CodeList(QListWidget):
    """Space toggles the current entry; `codes()` returns the checked ones."""

    changed = Signal()

    def __init__(
        self,
        entries: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        retired: Iterable[str] = (),
    ):
        super().__init__(parent)
        self._retired = set(retired)  # listed only while checked (a record that has them)
        for code, label in entries:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
            item.setHidden(code in self._retired)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def codes(self) -> list[str]:
        return [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setHidden(not checked and item.data(Qt.ItemDataRole.UserRole) in self._retired)
        self.blockSignals(False)
