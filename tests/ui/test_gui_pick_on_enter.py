"""Typing part of a name and pressing Enter takes what the list below shows: the one match
at once, or, of several, the first highlighted for a second Enter (or the arrows)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Family, ServiceRecord
from ui.context import AppContext
from ui.dialogs.service_dialog import ServiceDialog

Typist = Callable[[QWidget, str], None]


def a_family(context: AppContext) -> str:
    with context.db.session() as session:
        return str(session.scalars(select(Family.id).order_by(Family.id)).first())


def shown_dialog(qtbot: QtBot, context: AppContext, family_id: str | None) -> ServiceDialog:
    dialog = ServiceDialog(context, family_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_service_typed_in_part_is_taken_by_enter_and_saved_by_the_next(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    dialog = shown_dialog(qtbot, context, a_family(context))
    field = dialog.service.lineEdit()
    field.setFocus()
    field.selectAll()
    typist(field, "консульт")
    popup = dialog.service.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert dialog.service.completer().completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.service.currentText() == dialog.service.itemText(dialog.service.currentIndex())
    code = dialog.service.currentData()
    assert "Консультування" in dialog.service.currentText()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    with context.db.session() as session:
        record = session.get(ServiceRecord, saved.args[0])
    assert record is not None and record.service_code == code


def test_of_several_people_enter_highlights_the_first_and_the_next_enter_takes_it(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    dialog = shown_dialog(qtbot, context, None)
    dialog.recipient.setFocus()
    typist(dialog.recipient, "мар")
    popup = dialog.recipient.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() > 1, timeout=3000)
    first = dialog.recipient._found[0]
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert popup.isVisible() and popup.currentIndex().row() == 0
    assert dialog.recipient.chosen is None
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.recipient.chosen == first
    assert not dialog.result_label.text()  # nothing saved yet
