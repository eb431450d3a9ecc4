"""The question a new needs-assessment act with nothing filled in but its start date and
specialist is asked (Enter on the date it opens on): «Заповнити» (Enter, Esc) goes back to
the act's first area, «Зберегти» saves it as an assessment begun. A mixin of the act's
dialog (ui/dialogs/assessment_act.py); its texts keep the dialog's translation context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.act import is_blank

translate = QCoreApplication.translate


class BlankActQuestion:
    """`self` is the AssessmentActDialog."""

    def _asked_first(self, then: Callable[[], None]) -> bool:
        """A new act with nothing filled in but its start date and specialist (Enter on the
        date it opens on) is asked about: «Заповнити» (Enter, Esc) goes back to the act,
        «Зберегти» saves it as begun, to be filled in later; `then` runs after that save.
        True when the question was asked."""
        if self.record_id is not None or self._blank_confirmed:
            return False
        if self.empty_question is not None and self.empty_question.isVisible():
            return True  # asked already
        values = self.values()
        if values is None or not is_blank(values):
            return False
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("AssessmentActDialog", "Empty act"))
        box.setText(
            translate(
                "AssessmentActDialog",
                "Nothing of the act is filled in but its start date and specialist.",
            )
        )
        box.setInformativeText(
            translate(
                "AssessmentActDialog",
                "Save it as an assessment begun, to fill in later, or go back and fill it in?",
            )
        )
        save = box.addButton(
            translate("AssessmentActDialog", "&Save"), QMessageBox.ButtonRole.AcceptRole
        )
        fill_in = box.addButton(
            translate("AssessmentActDialog", "&Fill in"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(fill_in)
        box.setEscapeButton(fill_in)
        self.empty_question = box
        self.save_anyway_button, self.fill_in_button = save, fill_in

        def answered() -> None:
            if box.clickedButton() is save:
                self._blank_confirmed = True
                then()
            else:
                self._first_area().setFocus()

        box.finished.connect(lambda _result: answered())
        box.open()
        return True

    def _first_area(self) -> QWidget:
        """Where filling in an act begins: the first child's first area, else the first
        adult's, else the family's."""
        for people in (self.children, self.adults):
            if people:
                return next(iter(people[0][2].values()))
        return next(iter(self.family_fields.values()))
