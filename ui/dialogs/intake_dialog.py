"""An intake consultation (первинна консультація) of a walk-in visitor — by name or anonymous —
with an optional referral (скерування) to another service or organisation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.queries import settlements
from app.services.records import RecordService
from ui.context import AppContext
from ui.dialogs.event_dialog import REFERRAL_OUTCOMES
from ui.labels import Words, sentence
from ui.widgets.date_field import DateField
from ui.widgets.dialog_buttons import save_buttons
from ui.widgets.field_errors import FieldErrors
from ui.widgets.script_hint import add_script_hints
from ui.widgets.unsaved import UnsavedGuard


class IntakeDialog(QDialog):
    """`intake_id` and `referral_id` hold what was saved after accept."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.intake_id: str | None = None
        self.referral_id: str | None = None
        self.setWindowTitle(self.tr("Intake consultation"))
        self.errors = FieldErrors()
        self.date = DateField()
        self.date.set_value(dt.date.today())
        self.visitor = QLineEdit()
        self.visitor.setPlaceholderText(self.tr("leave empty for an anonymous visitor"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("067 123 45 67")
        self.settlement = QComboBox()
        self.settlement.addItem("—", None)
        for choice in settlements(context.db):
            self.settlement.addItem(choice.label, choice.id)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(self.summary.fontMetrics().lineSpacing() * 4)
        self.specialist = QLineEdit(context.person_name)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, widget in (
            ("date", self.tr("&Date:"), self.date),
            ("visitor_name", self.tr("&Visitor:"), self.visitor),
            ("phone", self.tr("&Phone:"), self.phone),
            ("settlement_id", self.tr("Se&ttlement:"), self.settlement),
            ("summary", self.tr("&What about:"), self.summary),
            ("specialist", self.tr("Speciali&st:"), self.specialist),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
            form.addRow("", self.errors.label_for(name, widget))

        self.refer = QCheckBox(self.tr("&Referred to another service or organisation"))
        self.to_whom = QLineEdit()
        self.to_whom.setPlaceholderText(self.tr("e.g. ЦНАП, legal aid, a psychologist"))
        self.reason = QLineEdit()
        self.outcome = QComboBox()
        words = Words(self)
        for code in REFERRAL_OUTCOMES:
            self.outcome.addItem(words.referral_outcome(code), code)
        referral = QGroupBox(self.tr("Referral"))
        referral_form = QFormLayout(referral)
        for name, label, widget in (
            ("to_whom", self.tr("&Where to:"), self.to_whom),
            ("reason", self.tr("&Why:"), self.reason),
            ("outcome", self.tr("&Outcome:"), self.outcome),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            referral_form.addRow(label, widget)
            referral_form.addRow("", self.errors.label_for(name, widget))
        referral.setEnabled(False)
        self.refer.toggled.connect(referral.setEnabled)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refer)
        layout.addWidget(referral)
        layout.addWidget(save_buttons(self))
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self.setMinimumWidth(520)
        self.unsaved = UnsavedGuard(self)

    def reject(self) -> None:
        """Esc, Cancel, ✕: what is typed is asked about first (ui/widgets/unsaved.py)."""
        if self.unsaved.may_close():
            super().reject()

    def accept(self) -> None:
        self.errors.clear()
        if not self.date.is_valid() or self.date.value() is None:
            self.errors.show("date", self.tr("Not a date. Type it as 12.03.2024."))
            return
        day = self.date.value()
        intake = {
            "date": day,
            "visitor_name": self.visitor.text().strip() or None,
            "phone": self.phone.text().strip() or None,
            "settlement_id": self.settlement.currentData(),
            "summary": self.summary.toPlainText().strip() or None,
            "specialist": self.specialist.text().strip() or None,
        }
        if self.refer.isChecked() and not self.to_whom.text().strip():
            self.errors.show("to_whom", self.tr("Say where the visitor is referred to."))
            return
        service = RecordService(self.context.db)
        try:
            self.intake_id = service.save("intake", self.intake_id, intake)
        except ValidationError as error:
            self.errors.show(error.field, sentence(error.message))
            return
        if self.refer.isChecked():
            referral = {
                "date": day,
                "intake_id": self.intake_id,
                "to_whom": self.to_whom.text().strip(),
                "reason": self.reason.text().strip() or None,
                "outcome": self.outcome.currentData(),
            }
            try:
                self.referral_id = service.save("referral", self.referral_id, referral)
            except ValidationError as error:
                self.errors.show(error.field, sentence(error.message))
                return
        super().accept()
