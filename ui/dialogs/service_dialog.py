"""Quick entry of a provided service: recipient, service type, date, minutes, form.
Enter saves and keeps the dialog open for the next one. Opened on a saved service, it changes
that one and closes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.queries import family_names_of, same_services
from app.services.records import RecordService
from ui.context import AppContext
from ui.labels import Words, sentence
from ui.widgets.date_field import DateField
from ui.widgets.dialog_buttons import save_buttons
from ui.widgets.field_errors import FieldErrors
from ui.widgets.person_picker import PersonPicker
from ui.widgets.pick_on_enter import pick_on_enter
from ui.widgets.question import ask
from ui.widgets.script_hint import add_script_hints
from ui.widgets.unsaved import UnsavedGuard


class ServiceDialog(QDialog):
    """`saved(service id)` after each save; the dialog stays open for the next entry, except
    when it changes an existing service (`service_id`): then Enter saves and closes."""

    saved = Signal(str)

    def __init__(
        self,
        context: AppContext,
        family_id: str | None = None,
        person_id: str | None = None,
        parent: QWidget | None = None,
        service_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.words = Words(self)
        self.family_id = family_id
        self.service_id = service_id
        stored = RecordService(context.db).get("service", service_id) if service_id else None
        if stored is not None:
            family_id = stored.get("family_id") or family_id
            person_id = stored.get("person_id")
            self.family_id = family_id
        self.setWindowTitle(
            self.tr("Change a provided service") if stored else self.tr("Provide a service")
        )
        self.errors = FieldErrors()
        self.count = 0
        self.repeat_question: QMessageBox | None = None
        self.skip_button: QPushButton | None = None
        self.record_again_button: QPushButton | None = None
        self._confirmed: tuple[Any, ...] | None = None  # the repeat the user chose to record
        self._stored_key: tuple[Any, ...] | None = None

        self.recipient = PersonPicker(context.db)
        self.recipient.setAccessibleName(self.tr("Recipient"))
        self.recipient.picked.connect(self._picked)
        self.family_label = QLabel()
        self.to_family = QRadioButton(self.tr("to the whole family"))
        self.to_person = QRadioButton(self.tr("to this person only"))
        self.to_family.setChecked(True)
        scope = QHBoxLayout()
        scope.addWidget(self.to_family)
        scope.addWidget(self.to_person)
        scope.addStretch(1)

        self.service = QComboBox()
        self.service.setEditable(True)
        self.service.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.service.setAccessibleName(self.tr("Service"))
        recent = context.settings.recent_service_codes()
        entries = context.choices("service")
        ordered = [e for c in recent for e in entries if e[0] == c]
        ordered += [e for e in entries if e[0] not in recent]
        for code, label in ordered:
            self.service.addItem(f"{code} {label}", code)
        completer = self.service.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        pick_on_enter(completer)  # «консульт», Enter: the one service that matches
        self.service.setCurrentIndex(0)

        self.date = DateField()
        self.date.set_value(dt.date.today())
        self.date.setAccessibleName(self.tr("Date"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes"))
        self.form = QComboBox()
        self.form.addItem(self.words.service_form("individual"), "individual")
        self.form.addItem(self.words.service_form("group"), "group")
        self.form.setAccessibleName(self.tr("Form"))
        self.notes = QLineEdit()
        self.notes.setAccessibleName(self.tr("Notes"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Recipient:"), self.recipient)
        form.addRow("", self.family_label)
        form.addRow("", scope)
        form.addRow("", self.errors.label_for("family_id", self.recipient))
        form.addRow(self.tr("&Service:"), self.service)
        form.addRow("", self.errors.label_for("service_code", self.service))
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow("", self.errors.label_for("date", self.date))
        form.addRow(self.tr("D&uration:"), self.minutes)
        form.addRow("", self.errors.label_for("minutes", self.minutes))
        form.addRow(self.tr("&Form:"), self.form)
        form.addRow(self.tr("&Notes:"), self.notes)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        buttons = save_buttons(self, close=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        if person_id:
            self.recipient.choose_id(person_id)
            self.to_person.setChecked(True)
        elif family_id:
            self._show_family(family_id)
            self.to_person.setEnabled(False)
        if stored is not None:
            self._fill(stored)
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self.unsaved = UnsavedGuard(self, save=self._save_and_close)
        self.recipient.setFocus()

    def _fill(self, stored: dict[str, object]) -> None:
        """A saved service in the fields."""
        code = stored.get("service_code")
        found = self.service.findData(code)
        if found < 0 and isinstance(code, str):  # retired, or no longer in the classifier
            self.service.addItem(f"{code} {self.context.label('service', code)}".strip(), code)
            found = self.service.count() - 1
        self.service.setCurrentIndex(found)
        day = stored.get("date")
        self.date.set_value(day if isinstance(day, dt.date) else None)
        minutes = stored.get("minutes")
        self.minutes.setValue(minutes if isinstance(minutes, int) else 0)
        self.form.setCurrentIndex(max(0, self.form.findData(stored.get("form"))))
        self.notes.setText(str(stored.get("notes") or ""))
        # a change that keeps who, what and when is not asked about a repeat it already was
        self._stored_key = (
            stored.get("family_id"),
            stored.get("person_id"),
            code,
            stored.get("date"),
        )

    def _show_family(self, family_id: str | None) -> None:
        self.family_id = family_id
        name = family_names_of(self.context.db, [family_id]).get(family_id, "") if family_id else ""
        self.family_label.setText(self.tr("Family: {name}").format(name=name) if name else "")

    def _picked(self, choice: object) -> None:
        family_id = getattr(choice, "family_id", None)
        self.to_person.setEnabled(True)
        self._show_family(family_id)
        self.to_family.setEnabled(family_id is not None)
        # a person picked is the one who received it; «to the whole family» stays a click away
        self.to_person.setChecked(choice is not None or family_id is None)

    def save(self) -> bool:
        """Enter / Save: write the service and clear for the next one."""
        self.errors.clear()
        person = self.recipient.chosen
        if person is None and self.family_id is None:
            self.errors.show("family_id", self.tr("Choose who received the service."))
            return False
        if not self.date.is_valid() or self.date.value() is None:
            self.errors.show("date", self.tr("Not a date. Type it as 12.03.2024."))
            return False
        code = self.service.currentData()
        if code is None or self.service.currentText() != self.service.itemText(
            self.service.currentIndex()
        ):
            self.errors.show("service_code", self.tr("Choose a service from the list."))
            return False
        if person is not None:
            family_id = person.family_id
            person_id = person.id if self.to_person.isChecked() or family_id is None else None
        else:
            family_id, person_id = self.family_id, None
        fields = {
            "family_id": family_id,
            "person_id": person_id,
            "service_code": code,
            "date": self.date.value(),
            "minutes": self.minutes.value() or None,
            "form": self.form.currentData(),
            "notes": self.notes.text().strip() or None,
        }
        key = (family_id, person_id, code, fields["date"])
        if key not in (self._confirmed, self._stored_key) and same_services(
            self.context.db, *key, other_than=self.service_id
        ):
            self._ask_about_repeat(key)
            return False
        try:
            service_id = RecordService(self.context.db).save("service", self.service_id, fields)
        except ValidationError as error:
            if not self.errors.show(error.field, sentence(error.message)):
                self.result_label.setText(str(error))
            return False
        self._confirmed = None  # a repeat is agreed to once: the next one is asked again
        self.context.settings.remember_service_code(code)
        self.count += 1
        self.result_label.setText(
            self.tr("Saved: {service}, {date}. Enter the next one or close.").format(
                service=self.service.currentText(), date=self.date.edit.text()
            )
        )
        self.notes.clear()
        self.unsaved.saved()
        self.saved.emit(service_id)
        return True

    def _ask_about_repeat(self, key: tuple[Any, ...]) -> None:
        """The same service for the same recipient on the same day is recorded already (a
        second Enter in the quick entry): «Не записувати» (Enter, Esc) goes back, «Записати
        ще одну» records it again, as two the same day may be meant."""
        if self.repeat_question is not None and self.repeat_question.isVisible():
            return  # asked already
        person = self.recipient.chosen
        # the person by name; a service to the whole family as the dialog names the family
        recipient = person.name if key[1] is not None and person else self.family_label.text()

        def again() -> None:
            self._confirmed = key
            self.accept()

        question = ask(
            self,
            title=self.tr("The same service again"),
            text=self.tr("{recipient}, {date}: «{service}» is recorded already.").format(
                recipient=recipient, date=self.date.edit.text(), service=self.service.currentText()
            ),
            detail=self.tr("Record the same service once more?"),
            go_on=self.tr("Record &once more"),
            back=self.tr("&Do not record"),
            on_go_on=again,
            on_back=self.service.setFocus,
        )
        self.repeat_question = question.box
        self.record_again_button, self.skip_button = question.go_on, question.back

    def accept(self) -> None:
        """Enter saves; a new entry stays open for the next one, a change closes."""
        if self.save() and self.service_id is not None:
            super().accept()

    def _save_and_close(self) -> None:
        """«Зберегти» when closing with something typed: save, then close."""
        if self.save():
            super().accept()

    def reject(self) -> None:
        """Esc, Close, ✕: what is typed and not saved is asked about first."""
        if self.unsaved.may_close():
            super().reject()
