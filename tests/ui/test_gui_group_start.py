"""A group just made: its empty card says what to do first (participants, then sessions)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.groups import first_group_card, shown_groups_page
from ui.context import AppContext

Typist = Callable[[QWidget, str], None]


def test_a_new_groups_card_says_what_to_do_first(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    page = shown_groups_page(qtbot, context)
    page.new_item()
    dialog = page.group_dialog
    typist(dialog.name, "Батьківський клуб")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 1
    assert page.sheet is not None and not page.sheet.participants
    assert page.grid_hint.isVisible()
    assert "«Додати учасника…»" in page.grid_hint.text()

    page.add_participant()
    dialog = page.participant_dialog
    dialog.outside.setChecked(True)
    typist(dialog.name, "Гнатюк Ірина")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert page.sheet.participants and not page.sheet.sessions
    assert page.grid_hint.isVisible()
    assert "«+ Заняття»" in page.grid_hint.text()

    page.add_session_today()
    session = page.session_dialog
    qtbot.keyClick(session.topic, Qt.Key.Key_Return)
    assert page.sheet.sessions
    assert not page.grid_hint.isVisible()


def test_a_group_with_participants_and_sessions_shows_no_hint(
    qtbot: QtBot, context: AppContext
) -> None:
    page = first_group_card(qtbot, context)
    assert page.sheet is not None and page.sheet.participants and page.sheet.sessions
    assert not page.grid_hint.isVisible()
