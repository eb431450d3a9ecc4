"""A list of starosta districts to tick (a laptop's, a specialist's account's)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.services.queries import Choice


class DistrictList(QListWidget):
    """Checkable districts; `fill` keeps what was ticked, `chosen` gives the ticked ids."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Starosta districts"))

    def fill(self, choices: Iterable[Choice]) -> None:
        ticked = set(self.chosen())
        self.clear()
        for choice in choices:
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.addItem(item)

    def chosen(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if (item := self.item(row)).checkState() == Qt.CheckState.Checked
        ]

    def untick(self) -> None:
        for row in range(self.count()):
            self.item(row).setCheckState(Qt.CheckState.Unchecked)
