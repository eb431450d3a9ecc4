"""A group session (заняття): date, time, topic, format. Adds a new one or changes one; a
session being changed can also be deleted (with its attendance marks) after a question. A date
set outside the group's period is asked about before it is saved (a group may be extended)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.group_queries import GroupInfo, delete_session, save_session
from app.services.rosters import SessionRow
from ui.context import AppContext
from ui.icons import icon
from ui.labels import sentence
from ui.text import date_text, period_text
from ui.widgets.date_field import DateField
from ui.widgets.dialog_buttons import save_buttons
from ui.widgets.field_errors import FieldErrors
from ui.widgets.question import ask
from ui.widgets.script_hint import add_script_hints

_LOOSE_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def _time_text(text: str) -> str:
    """Time as typed («9:30», «9.30») in the HH:MM form; anything else unchanged."""
    found = _LOOSE_TIME.match(text.strip())
    return f"{int(found[1]):02d}:{found[2]}" if found else text.strip()


class SessionDialog(QDialog):
    """`saved_id` holds the session's id after a save; `deleted` is True after a delete."""

    def __init__(
        self,
        context: AppContext,
        group_id: str,
        session: SessionRow | None = None,
        parent: QWidget | None = None,
        *,
        group: GroupInfo | None = None,
        sessions: Sequence[SessionRow] = (),
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.group_id = group_id
        self.group = group
        self.session_id = session.id if session is not None else None
        self.stored_date = session.date if session is not None else None
        self.period_question: QMessageBox | None = None
        self.save_anyway_button: QPushButton | None = None
        self.correct_date_button: QPushButton | None = None
        self._confirmed_date: dt.date | None = None
        # the group's other sessions: a second one the same day is asked about
        self.others = [s for s in sessions if s.id != self.session_id]
        self.same_day_question: QMessageBox | None = None
        self.add_anyway_button: QPushButton | None = None
        self._confirmed_same_day: dt.date | None = None
        self.saved_id: str | None = None
        self.deleted = False
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Change session") if session else self.tr("New session"))

        self.date = DateField()
        self.date.setAccessibleName(self.tr("Date"))
        self.time = QLineEdit()
        self.time.setAccessibleName(self.tr("Time"))
        self.time.setPlaceholderText(self.tr("HH:MM"))
        self.time.setMaxLength(5)
        self.time.setFixedWidth(self.time.fontMetrics().horizontalAdvance("00:000") + 16)
        self.topic = QLineEdit()
        self.topic.setAccessibleName(self.tr("Topic"))
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        self.format.addItem("—", None)
        for code, label in context.labels("session_format"):
            self.format.addItem(label, code)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, widget in (
            ("date", self.tr("&Date:"), self.date),
            ("time", self.tr("&Time:"), self.time),
            ("topic", self.tr("T&opic:"), self.topic),
            ("format", self.tr("&Format:"), self.format),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors.label_for(name, widget))

        self.buttons = save_buttons(self)
        self.delete_button: QPushButton | None = None
        if session is not None:
            self.delete_button = QPushButton(icon("trash-2"), self.tr("Delete session"))
            self.delete_button.setAutoDefault(False)
            self.delete_button.clicked.connect(self.delete)
            self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        if session is not None:
            self.date.set_value(session.date)
            self.time.setText(session.time)
            self.topic.setText(session.topic)
            self.format.setCurrentIndex(max(0, self.format.findData(session.format or None)))
        else:
            self.date.set_value(dt.date.today())
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self.date.setFocus()

    def accept(self) -> None:
        """Enter / Save: check the date here (asking about one outside the group's period),
        everything else in the core."""
        self.errors.clear()
        day = self.date.value()
        if self.date.is_empty():
            self.errors.show("date", self.tr("Enter the date of the session."))
            return
        if not self.date.is_valid() or day is None:
            self.errors.show("date", self.tr("Not a date. Type it as 12.03.2024."))
            return
        if day not in (self.stored_date, self._confirmed_date) and self._outside_period(day):
            self._ask_about_period(day)
            return
        same_day = self._same_day(day)
        if same_day and day not in (self.stored_date, self._confirmed_same_day):
            self._ask_about_same_day(day, same_day)
            return
        self._save(day)

    def _same_day(self, day: dt.date) -> list[SessionRow]:
        """The group's other sessions that day, unless a time typed tells this one apart."""
        that_day = [s for s in self.others if s.date == day]
        time = _time_text(self.time.text())
        if time and all(s.time and s.time != time for s in that_day):
            return []
        return that_day

    def _ask_about_same_day(self, day: dt.date, that_day: list[SessionRow]) -> None:
        """A second «+ Заняття» and Enter the same day: «Повернутися» (Enter, Esc) goes back
        to the date, «Додати ще одне» saves it, as two sessions a day may be meant."""
        times = ", ".join(s.time for s in that_day if s.time)

        def add() -> None:
            self._confirmed_same_day = day
            self.accept()

        question = ask(
            self,
            title=self.tr("Another session the same day"),
            text=self.tr("The group has a session on {date} already{times}.").format(
                date=date_text(day), times=f" ({times})" if times else ""
            ),
            detail=self.tr("Add one more session that day, or go back?"),
            go_on=self.tr("&Add one more"),
            back=self.tr("&Go back"),
            on_go_on=add,
            on_back=self._back_to_date,
        )
        self.same_day_question, self.add_anyway_button = question.box, question.go_on

    def _back_to_date(self) -> None:
        self.date.edit.setFocus()
        self.date.edit.selectAll()

    def _outside_period(self, day: dt.date) -> bool:
        return self.group is not None and (
            self.group.before_start(day) or self.group.after_end(day)
        )

    def _ask_about_period(self, day: dt.date) -> None:
        """Say the group's period; «Виправити дату» (Enter, Esc) goes back to the date,
        «Зберегти» saves it as it is."""
        assert self.group is not None
        if self.group.before_start(day):
            where = self.tr("The session's date, {date}, is before the group starts.")
        else:
            where = self.tr("The session's date, {date}, is after the group ends.")
        period = self.tr("The group's period: {period}.").format(
            period=period_text(self.group.start_date, self.group.end_date)
        )

        def save() -> None:
            self._confirmed_date = day
            self.accept()  # then the other checks, a second session that day

        question = ask(
            self,
            title=self.tr("Date outside the group's period"),
            text=where.format(date=date_text(day)) + " " + period,
            detail=self.tr(
                "Save the session with this date (when the group has been extended, for "
                "example), or go back and correct the date?"
            ),
            go_on=self.tr("&Save"),
            back=self.tr("&Correct the date"),
            on_go_on=save,
            on_back=self._back_to_date,
            icon=QMessageBox.Icon.Warning,
        )
        self.period_question = question.box
        self.save_anyway_button, self.correct_date_button = question.go_on, question.back

    def _save(self, day: dt.date) -> None:
        try:
            self.saved_id = save_session(
                self.context.db,
                self.group_id,
                self.session_id,
                day,
                time=_time_text(self.time.text()),
                topic=self.topic.text().strip(),
                format_code=self.format.currentData(),
            )
        except ValidationError as error:
            if not self.errors.show(error.field, sentence(error.message)):
                self.errors.show("date", sentence(str(error)))
            return
        super().accept()

    def delete(self) -> None:
        """«Видалити заняття»: after a question, with the session's attendance marks."""
        if self.session_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete session"),
            self.tr("Delete the session of {date} together with its attendance marks?").format(
                date=self.date.edit.text() or date_text(None)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_session(self.context.db, self.session_id)
        except ValidationError as error:
            self.errors.show("date", sentence(error.message))
            return
        self.deleted = True
        super().accept()
