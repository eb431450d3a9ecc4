"""Add a participant to a group: a person from the records, or an outside person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.group_queries import add_participant
from ui.context import AppContext
from ui.labels import sentence
from ui.widgets.field_errors import FieldErrors
from ui.widgets.person_picker import PersonPicker
from ui.widgets.script_hint import add_script_hints


class ParticipantDialog(QDialog):
    def __init__(self, context: AppContext, group_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.group_id = group_id
        self.setWindowTitle(self.tr("Add participant"))
        self.errors = FieldErrors()
        self.from_records = QRadioButton(self.tr("A person from the records"))
        self.outside = QRadioButton(self.tr("An outside person"))
        self.from_records.setChecked(True)
        self.person = PersonPicker(context.db)
        self.person.setAccessibleName(self.tr("Person"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Phone"))
        self.phone.setPlaceholderText("067 123 45 67")
        form = QFormLayout()
        form.addRow(self.from_records)
        form.addRow(self.tr("&Person:"), self.person)
        form.addRow("", self.errors.label_for("person_id", self.person))
        form.addRow(self.outside)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.errors.label_for("name", self.name))
        form.addRow(self.tr("P&hone:"), self.phone)
        form.addRow("", self.errors.label_for("phone", self.phone))
        self.from_records.toggled.connect(self._switch)
        self.person.picked.connect(lambda _c: self.from_records.setChecked(True))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who joins the group?")))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self.setMinimumWidth(480)
        self._switch()
        self.person.setFocus()  # typing a name starts the search at once

    def _switch(self) -> None:
        records = self.from_records.isChecked()
        self.person.setEnabled(records)
        self.name.setEnabled(not records)
        self.phone.setEnabled(not records)

    def accept(self) -> None:
        self.errors.clear()
        try:
            if self.from_records.isChecked():
                if self.person.chosen is None:
                    self.errors.show("person_id", self.tr("Find and choose the person."))
                    return
                add_participant(self.context.db, self.group_id, person_id=self.person.chosen.id)
            else:
                if not self.name.text().strip():
                    self.errors.show("name", self.tr("Enter the name."))
                    return
                add_participant(
                    self.context.db,
                    self.group_id,
                    name=self.name.text().strip(),
                    phone=self.phone.text().strip(),
                )
        except ValidationError as error:
            if not self.errors.show(error.field, sentence(error.message)):
                self.errors.show("name", sentence(error.message))
            return
        super().accept()
