"""A family member's details (ПІБ, sex, date of birth, relation, phone, РНОКПП, …)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.family_form import Member
from app.services.validation import check_rnokpp
from ui.context import AppContext
from ui.labels import sentence
from ui.widgets.date_field import DateField
from ui.widgets.field_errors import FieldErrors
from ui.widgets.script_hint import add_script_hints
from ui.widgets.unsaved import UnsavedGuard


class _Fields(QScrollArea):
    """Asks for the room its fields need (so the dialog grows when a note appears), at most
    what the screen has; scrolls beyond that."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def sizeHint(self) -> QSize:
        inner = self.widget()
        wanted = inner.sizeHint() if inner is not None else super().sizeHint()
        wanted += QSize(self.verticalScrollBar().sizeHint().width(), 0)
        screen = self.screen().availableGeometry() if self.screen() else None
        return wanted.boundedTo(screen.size() - QSize(40, 120)) if screen else wanted


class MemberDialog(QDialog):
    """Checks what it can locally (required names, a real date); the core checks the rest
    when the family is saved."""

    def __init__(
        self, context: AppContext, member: Member | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.member = member or Member()
        self.setWindowTitle(self.tr("Family member"))
        self.errors = FieldErrors()
        self.surname = QLineEdit(self.member.surname)
        self.given_name = QLineEdit(self.member.given_name)
        self.patronymic = QLineEdit(self.member.patronymic)
        self.sex = QComboBox()
        self.sex.addItem("—", None)
        self.sex.addItem(self.tr("female"), "F")
        self.sex.addItem(self.tr("male"), "M")
        self.sex.setCurrentIndex(max(0, self.sex.findData(self.member.sex)))
        self.birth_date = DateField()
        self.birth_date.set_value(self.member.birth_date)
        self.relation = QComboBox()
        self.relation.addItem("—", None)
        for code, label in context.labels("relation"):
            self.relation.addItem(label, code)
        self.relation.setCurrentIndex(max(0, self.relation.findData(self.member.relation)))
        self.phone = QLineEdit(self.member.phone)
        self.phone.setPlaceholderText("067 123 45 67")
        self.rnokpp = QLineEdit(self.member.rnokpp)
        self.rnokpp.setMaxLength(10)
        self.rnokpp.editingFinished.connect(lambda: self._check_rnokpp(focus=False))
        self.disability = QCheckBox(self.tr("Has a disability"))
        self.disability.setChecked(self.member.disability)
        self.notes = QLineEdit(self.member.notes)
        self.registered_address = QLineEdit(self.member.registered_address)
        self.actual_address = QLineEdit(self.member.actual_address)
        self.legal_capacity = QComboBox()
        self.legal_capacity.addItem("—", None)
        for code, label in (
            ("full", self.tr("full")),
            ("limited", self.tr("limited")),
            ("none", self.tr("legally incapable")),
        ):
            self.legal_capacity.addItem(label, code)
        self.legal_capacity.setCurrentIndex(
            max(0, self.legal_capacity.findData(self.member.legal_capacity))
        )
        self.work_study = QLineEdit(self.member.work_study)

        form = QFormLayout()
        rows = [
            ("surname", self.tr("&Surname:"), self.surname),
            ("given_name", self.tr("&Given name:"), self.given_name),
            ("patronymic", self.tr("&Patronymic:"), self.patronymic),
            ("sex", self.tr("S&ex:"), self.sex),
            ("birth_date", self.tr("Date of &birth:"), self.birth_date),
            ("relation", self.tr("&Relation:"), self.relation),
            ("phone", self.tr("P&hone:"), self.phone),
            ("rnokpp", self.tr("&Tax number (РНОКПП):"), self.rnokpp),
            ("disability", "", self.disability),
            ("notes", self.tr("&Notes:"), self.notes),
            ("registered_address", self.tr("Re&gistered address:"), self.registered_address),
            ("actual_address", self.tr("&Actual address:"), self.actual_address),
            ("legal_capacity", self.tr("&Legal capacity:"), self.legal_capacity),
            ("work_study", self.tr("&Work or study:"), self.work_study),
        ]
        for name, label, widget in rows:
            widget.setAccessibleName(label.replace("&", "").rstrip(":") or self.tr("Disability"))
            form.addRow(label, widget)
            form.addRow("", self.errors.label_for(name, widget))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # the fields scroll when the screen is short (1366×768 at 150 %): a note shown under a
        # field then has the room it needs
        fields = QWidget()
        fields.setLayout(form)
        scroll = _Fields()
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self.unsaved = UnsavedGuard(self)
        self.surname.setFocus()

    def _check_rnokpp(self, *, focus: bool) -> bool:
        """The core's check of a РНОКПП typed (an empty one is fine), said under the field:
        as soon as the field is left, and again on OK."""
        self.errors.hide("rnokpp")
        text = self.rnokpp.text().strip()
        if not text:
            return True
        try:
            check_rnokpp(text)
        except ValidationError as error:
            self.errors.show("rnokpp", sentence(error.message), focus=focus)
            return False
        return True

    def reject(self) -> None:
        """Esc, Cancel, ✕: what is typed is asked about first (ui/widgets/unsaved.py)."""
        if self.unsaved.may_close():
            super().reject()

    def accept(self) -> None:
        self.errors.clear()
        if not self.surname.text().strip():
            self.errors.show("surname", self.tr("Enter the surname."))
            return
        if not self.given_name.text().strip():
            self.errors.show("given_name", self.tr("Enter the given name."))
            return
        if not self.birth_date.is_valid():
            self.errors.show("birth_date", self.tr("Not a date. Type it as 12.03.2024."))
            return
        born = self.birth_date.value()
        if born is not None and born > dt.date.today():
            self.errors.show("birth_date", self.tr("The date of birth cannot be after today."))
            return
        if not self._check_rnokpp(focus=True):
            return
        self.member = Member(
            id=self.member.id,
            surname=self.surname.text().strip(),
            given_name=self.given_name.text().strip(),
            patronymic=self.patronymic.text().strip(),
            sex=self.sex.currentData(),
            birth_date=born,
            relation=self.relation.currentData(),
            phone=self.phone.text().strip(),
            rnokpp=self.rnokpp.text().strip(),
            disability=self.disability.isChecked(),
            notes=self.notes.text().strip(),
            registered_address=self.registered_address.text().strip(),
            actual_address=self.actual_address.text().strip(),
            legal_capacity=self.legal_capacity.currentData(),
            work_study=self.work_study.text().strip(),
        )
        super().accept()
