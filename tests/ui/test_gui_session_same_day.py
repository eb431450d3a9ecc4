"""«+ Заняття» and Enter a second time the same day: asked before a second session that day
is added (an empty one lowers every participant's total and prints as a column)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.groups import first_group_card
from ui.context import AppContext
from ui.dialogs.session_dialog import SessionDialog

Typist = Callable[[QWidget, str], None]


def enter(qtbot: QtBot, dialog: SessionDialog) -> None:
    qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)
    if dialog.period_question is not None and dialog.period_question.isVisible():
        qtbot.mouseClick(dialog.save_anyway_button, Qt.MouseButton.LeftButton)


def test_a_second_session_today_is_asked_about(qtbot: QtBot, context: AppContext) -> None:
    page = first_group_card(qtbot, context)
    assert page.sheet is not None
    page.add_session_today()
    enter(qtbot, page.session_dialog)
    count = len(page.sheet.sessions)

    page.add_session_today()
    second = page.session_dialog
    enter(qtbot, second)
    question = second.same_day_question
    assert question is not None and question.isVisible()
    assert "вже є заняття" in question.text()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # «Повернутися»: nothing added
    assert second.isVisible()
    assert len(page.sheet.sessions) == count

    enter(qtbot, second)
    qtbot.mouseClick(second.add_anyway_button, Qt.MouseButton.LeftButton)
    assert not second.isVisible()
    assert len(page.sheet.sessions) == count + 1


def test_a_second_session_at_another_time_is_not_asked_about(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    page = first_group_card(qtbot, context)
    assert page.sheet is not None
    page.add_session_today()
    first = page.session_dialog
    typist(first.time, "10:00")
    enter(qtbot, first)
    count = len(page.sheet.sessions)
    page.add_session_today()
    second = page.session_dialog
    typist(second.time, "15:00")
    enter(qtbot, second)
    assert second.same_day_question is None
    assert not second.isVisible()
    assert len(page.sheet.sessions) == count + 1
