"""«Реєстраційний лист» prints the selected session's sheet; with the cursor on the totals
it says to choose a session instead of doing nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.groups import first_group_card
from ui.context import AppContext


def test_registration_sheet_without_a_session_chosen_says_so(
    qtbot: QtBot, context: AppContext
) -> None:
    page = first_group_card(qtbot, context)
    model = page.grid_model
    page.grid.setCurrentIndex(model.index(0, model.columnCount() - 1))  # «Разом»
    assert page.current_session_column() == -1
    qtbot.mouseClick(page.registration_button, Qt.MouseButton.LeftButton)
    assert getattr(page, "print_job", None) is None
    assert page.grid_error.isVisible()
    assert "оберіть заняття" in page.grid_error.text()
