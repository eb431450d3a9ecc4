"""The community in the centre's settings: its starosta districts and their settlements.

A new centre starts with none, and a family cannot be registered without its settlement:
the administrator adds them here (reference data is written at the centre only, CONTRACT.md);
the laptops receive them with the next exchange."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.errors import OporaError
from app.services.queries import districts, settlements
from app.services.records import RecordService
from ui import style
from ui.labels import sentence


class CommunityBox(QGroupBox):
    """Districts with their settlements, and a form to add either. `changed` after an add."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Community: starosta districts and settlements"))
        self.db = db
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Starosta districts and settlements"))
        self.tree.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)

        self.district_edit = QLineEdit()
        self.district_edit.setAccessibleName(self.tr("New starosta district"))
        self.district_edit.returnPressed.connect(self.add_district)
        add_district = QPushButton(self.tr("Add district"))
        add_district.clicked.connect(self.add_district)
        self.settlement_edit = QLineEdit()
        self.settlement_edit.setAccessibleName(self.tr("New settlement"))
        self.settlement_edit.returnPressed.connect(self.add_settlement)
        self.district_box = QComboBox()
        self.district_box.setAccessibleName(self.tr("Its starosta district"))
        add_settlement = QPushButton(self.tr("Add settlement"))
        add_settlement.clicked.connect(self.add_settlement)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        district_row = QHBoxLayout()
        district_row.addWidget(self.district_edit, 1)
        district_row.addWidget(add_district)
        settlement_row = QHBoxLayout()
        settlement_row.addWidget(self.settlement_edit, 1)
        settlement_row.addWidget(QLabel(self.tr("in")))
        settlement_row.addWidget(self.district_box)
        settlement_row.addWidget(add_settlement)
        form = QFormLayout()
        district_label = QLabel(self.tr("New &district:"))
        district_label.setBuddy(self.district_edit)
        form.addRow(district_label, district_row)
        settlement_label = QLabel(self.tr("New s&ettlement:"))
        settlement_label.setBuddy(self.settlement_edit)
        form.addRow(settlement_label, settlement_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        chosen = self.district_box.currentData()
        self.district_box.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for choice in districts(self.db):
            item = QTreeWidgetItem([choice.label])
            items[choice.id] = item
            self.tree.addTopLevelItem(item)
            self.district_box.addItem(choice.label, choice.id)
        for place in settlements(self.db):
            parent = items.get(place.district_id or "")
            if parent is not None:
                parent.addChild(QTreeWidgetItem([place.name]))
        self.tree.expandAll()
        if chosen is not None and self.district_box.findData(chosen) >= 0:
            self.district_box.setCurrentIndex(self.district_box.findData(chosen))

    def add_district(self) -> None:
        name = self.district_edit.text().strip()
        if not name:
            self._say(self.tr("Type the district's name."), error=True)
            self.district_edit.setFocus()
            return
        if self._save("district", {"name": name}):
            self.district_edit.clear()
            self.district_box.setCurrentIndex(self.district_box.findText(name))
            self._say(self.tr("District «{name}» added.").format(name=name))

    def add_settlement(self) -> None:
        name = self.settlement_edit.text().strip()
        district = self.district_box.currentData()
        if district is None:
            self._say(self.tr("Add a starosta district first."), error=True)
            self.district_edit.setFocus()
            return
        if not name:
            self._say(self.tr("Type the settlement's name."), error=True)
            self.settlement_edit.setFocus()
            return
        if self._save("settlement", {"name": name, "district_id": district}):
            self.settlement_edit.clear()
            self._say(self.tr("Settlement «{name}» added.").format(name=name))

    def _save(self, kind: str, fields: dict[str, str]) -> bool:
        try:
            RecordService(self.db).save(kind, None, fields)
        except OporaError as error:
            self._say(sentence(error.message), error=True)
            return False
        self.refresh()
        self.changed.emit()
        return True

    def _say(self, text: str, error: bool = False) -> None:
        style.message(self.message, text, error)
