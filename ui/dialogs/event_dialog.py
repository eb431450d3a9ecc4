"""Recording (or changing) a home visit, a notification, a needs assessment or a referral
(скерування) from the family card."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.models import PARENTAL_CAPACITY
from app.errors import ValidationError
from app.services.family_form import load_family
from app.services.records import RecordService
from ui.context import AppContext
from ui.labels import Words, sentence
from ui.widgets.code_list import CodeList
from ui.widgets.date_field import DateField
from ui.widgets.dialog_buttons import save_buttons
from ui.widgets.field_errors import FieldErrors, read_fields
from ui.widgets.script_hint import add_script_hints
from ui.widgets.unsaved import UnsavedGuard

KINDS = ("visit", "notification", "assessment", "referral")
# What the form refuses to save empty (a visit without a purpose is an empty visit).
REQUIRED = {
    "visit": ("date", "purpose"),
    "notification": ("date", "summary"),
    "assessment": ("started",),
    "referral": ("date", "to_whom"),
}
REFERRAL_OUTCOMES = ("unknown", "accepted", "refused")


class EventDialog(QDialog):
    """One dialog, four record types; `saved_id` holds the record's id after accept. With
    `record_id` it opens that record filled in and saving changes it."""

    def __init__(
        self,
        context: AppContext,
        family_id: str,
        kind: str,
        parent: QWidget | None = None,
        record_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.context = context
        self.family_id = family_id
        self.kind = kind
        self.record_id = record_id
        self.saved_id: str | None = None
        self.words = Words(self)
        self.errors = FieldErrors()
        self.fields: dict[str, QWidget] = {}
        titles = {
            "visit": self.tr("Home visit"),
            "notification": self.tr("Notification"),
            "assessment": self.tr("Needs assessment"),
            "referral": self.tr("Referral"),
        }
        self.setWindowTitle(titles[kind])
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def add(name: str, label: str, widget: QWidget) -> None:
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.fields[name] = widget
            form.addRow(label, widget)
            form.addRow("", self.errors.label_for(name, widget))

        def text_box() -> QPlainTextEdit:
            box = QPlainTextEdit()
            box.setTabChangesFocus(True)
            box.setMaximumHeight(box.fontMetrics().lineSpacing() * 5)
            return box

        today = DateField()
        today.set_value(dt.date.today())
        if kind == "visit":
            add("date", self.tr("&Date:"), today)
            add("purpose", self.tr("&Purpose:"), QLineEdit())
            add("result", self.tr("&Result:"), text_box())
        elif kind == "notification":
            add("date", self.tr("&Date:"), today)
            add("source", self.tr("&Who reported:"), QLineEdit())
            add("summary", self.tr("&Summary:"), text_box())
            # the number is given when the notification is first saved (records.py)
            self.number = QLabel()
            self.number.setAccessibleName(self.tr("Notification number"))
            self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.insertRow(0, self.tr("Number:"), self.number)
            self.number.setText(self.tr("given when saved"))
        elif kind == "referral":
            add("date", self.tr("&Date:"), today)
            whom = QComboBox()
            whom.addItem(self.tr("the whole family"), None)
            family = load_family(context.db, family_id)
            for member in family.members if family else []:
                whom.addItem(member.name, member.id)
            add("person_id", self.tr("&For whom:"), whom)
            where = QLineEdit()
            where.setPlaceholderText(self.tr("e.g. ЦНАП, legal aid, a psychologist"))
            add("to_whom", self.tr("&Where to:"), where)
            add("reason", self.tr("W&hy:"), text_box())
            outcome = QComboBox()
            for code in REFERRAL_OUTCOMES:
                outcome.addItem(self.words.referral_outcome(code), code)
            add("outcome", self.tr("&Outcome:"), outcome)
            add("outcome_date", self.tr("Outcome &known on:"), DateField())
        else:
            add("started", self.tr("&Started:"), today)
            add("finished", self.tr("&Finished:"), DateField())
            present = QCheckBox(self.tr("Difficult life circumstances are present"))
            add("sjo_present", "", present)
            capacity = QComboBox()
            capacity.addItem("—", None)
            for code in PARENTAL_CAPACITY:
                capacity.addItem(self.words.parental_capacity(code), str(code))
            add("parental_capacity", self.tr("&Parental capacity:"), capacity)
            needed = CodeList(context.labels("service"), retired=context.retired("service"))
            needed.setMaximumHeight(needed.fontMetrics().lineSpacing() * 8)
            add("needed_services", self.tr("&Services needed:"), needed)
            add("conclusion", self.tr("&Conclusion:"), text_box())
        buttons = save_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        if record_id is not None:
            stored = RecordService(context.db).get(kind, record_id)
            if stored is not None:
                self.fill(stored)
                if kind == "notification" and stored.get("number"):
                    self.number.setText(str(stored["number"]))
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self.unsaved = UnsavedGuard(self)
        self.fields[self.first_field()].setFocus()

    def first_field(self) -> str:
        """Typing starts here: the first field that is not already filled (the date is)."""
        for name in REQUIRED[self.kind]:
            if self._is_empty(self.fields[name]):
                return name
        return next(name for name in self.fields if name not in ("date", "started"))

    @staticmethod
    def _is_empty(widget: QWidget) -> bool:
        if isinstance(widget, DateField):
            return widget.is_empty()
        if isinstance(widget, QLineEdit):
            return not widget.text().strip()
        if isinstance(widget, QPlainTextEdit):
            return not widget.toPlainText().strip()
        return False

    def fill(self, values: dict[str, Any]) -> None:
        """Show a stored record's values in the fields."""
        for name, widget in self.fields.items():
            value = values.get(name)
            if isinstance(widget, DateField):
                widget.set_value(value if isinstance(value, dt.date) else None)
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value or ""))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, CodeList):
                widget.set_codes(list(value or []))
            elif isinstance(widget, QComboBox):
                found = widget.findData(value) if value is not None else -1
                widget.setCurrentIndex(max(0, found))

    def values(self) -> dict[str, Any] | None:
        """The record's fields, or None after showing a date error."""
        result: dict[str, Any] = {"family_id": self.family_id}
        for name in REQUIRED[self.kind]:
            if self._is_empty(self.fields[name]):
                message = (
                    self.tr("Enter the date.")
                    if isinstance(self.fields[name], DateField)
                    else self.tr("Fill this in: a record without it cannot be saved.")
                )
                self.errors.show(name, message)
                return None
        read = read_fields(self.fields, self.errors, self.tr("Not a date. Type it as 12.03.2024."))
        if read is None:
            return None
        result.update(read)
        return result

    def reject(self) -> None:
        """Esc, Cancel, ✕: what is typed is asked about first (ui/widgets/unsaved.py)."""
        if self.unsaved.may_close():
            super().reject()

    def accept(self) -> None:
        self.errors.clear()
        values = self.values()
        if values is None:
            return
        try:
            self.saved_id = RecordService(self.context.db).save(self.kind, self.record_id, values)
        except ValidationError as error:
            if not self.errors.show(error.field, sentence(error.message)):
                first = next(iter(self.fields))
                self.errors.show(first, sentence(str(error)))
            return
        super().accept()
