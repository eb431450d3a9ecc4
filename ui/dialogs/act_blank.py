"""The question a new needs-assessment act with nothing filled in but its start date and
specialist is asked (Enter on the date it opens on): «Заповнити» (Enter, Esc) goes back to
the act's first area, «Зберегти» saves it as an assessment begun. A mixin of the act's
dialog (ui/dialogs/assessment_act.py); its texts keep the dialog's translation context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.services.act import is_blank
from ui.widgets.question import ask

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

        def save() -> None:
            self._blank_confirmed = True
            then()

        question = ask(
            self,
            title=translate("AssessmentActDialog", "Empty act"),
            text=translate(
                "AssessmentActDialog",
                "Nothing of the act is filled in but its start date and specialist.",
            ),
            detail=translate(
                "AssessmentActDialog",
                "Save it as an assessment begun, to fill in later, or go back and fill it in?",
            ),
            go_on=translate("AssessmentActDialog", "&Save"),
            back=translate("AssessmentActDialog", "&Fill in"),
            on_go_on=save,
            on_back=lambda: self._first_area().setFocus(),
        )
        self.empty_question = question.box
        self.save_anyway_button, self.fill_in_button = question.go_on, question.back
        return True

    def _first_area(self) -> QWidget:
        """Where filling in an act begins: the first child's first area, else the first
        adult's, else the family's."""
        for people in (self.children, self.adults):
            if people:
                return next(iter(people[0][2].values()))
        return next(iter(self.family_fields.values()))
