"""A new support group: name, for whom, district, place, facilitator, dates."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.queries import districts
from app.services.records import RecordService
from ui.context import AppContext
from ui.labels import sentence
from ui.widgets.date_field import DateField
from ui.widgets.dialog_buttons import save_buttons
from ui.widgets.field_errors import FieldErrors
from ui.widgets.script_hint import add_script_hints


class GroupDialog(QDialog):
    """`saved_id` holds the new group's id after accept."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("New support group"))
        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.category = QComboBox()
        self.category.addItem("—", None)
        for code, label in context.choices("category"):
            self.category.addItem(label, code)
        self.district = QComboBox()
        self.district.addItem("—", None)
        for choice in districts(context.db):
            self.district.addItem(choice.label, choice.id)
        self.place = QLineEdit()
        self.facilitator = QLineEdit(context.person_name)
        self.start = DateField()
        self.end = DateField()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, widget in (
            ("name", self.tr("&Name:"), self.name),
            ("target_category", self.tr("&For whom:"), self.category),
            ("district_id", self.tr("Starosta &district:"), self.district),
            ("place", self.tr("&Place:"), self.place),
            ("facilitator", self.tr("F&acilitator:"), self.facilitator),
            ("start_date", self.tr("&Starts:"), self.start),
            ("end_date", self.tr("&Ends:"), self.end),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
            form.addRow("", self.errors.label_for(name, widget))
        buttons = save_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self.setMinimumWidth(520)

    def accept(self) -> None:
        self.errors.clear()
        if not self.name.text().strip():
            self.errors.show("name", self.tr("Enter the group's name."))
            return
        for field, widget in (("start_date", self.start), ("end_date", self.end)):
            if not widget.is_valid():
                self.errors.show(field, self.tr("Not a date. Type it as 12.03.2024."))
                return
        fields = {
            "name": self.name.text().strip(),
            "target_category": self.category.currentData(),
            "district_id": self.district.currentData(),
            "place": self.place.text().strip() or None,
            "facilitator": self.facilitator.text().strip() or None,
            "start_date": self.start.value(),
            "end_date": self.end.value(),
        }
        try:
            self.saved_id = RecordService(self.context.db).save("group", None, fields)
        except ValidationError as error:
            if not self.errors.show(error.field, sentence(error.message)):
                self.errors.show("name", sentence(str(error)))
            return
        super().accept()
