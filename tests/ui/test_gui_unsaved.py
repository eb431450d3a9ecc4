"""Esc (or Cancel, or ✕) on a visit, an act or a family member with something typed in it
asks first: «Зберегти» saves, «Не зберігати» closes, «Повернутися» (Esc) stays."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import Assessment, Family, Visit
from ui.context import AppContext
from ui.dialogs.assessment_act import AssessmentActDialog
from ui.dialogs.event_dialog import EventDialog
from ui.dialogs.member_dialog import MemberDialog

Typist = Callable[[QWidget, str], None]


def a_family(context: AppContext) -> str:
    with context.db.session() as session:
        return str(session.scalars(select(Family.id).order_by(Family.id)).first())


def count(context: AppContext, table: type) -> int:
    with context.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


def act(qtbot: QtBot, context: AppContext, typist: Typist) -> AssessmentActDialog:
    dialog = AssessmentActDialog(context, a_family(context))
    shown(qtbot, dialog)
    area = dialog.findChildren(QPlainTextEdit)[0]
    area.setFocus()
    typist(area, "Дитина здорова, відвідує школу")
    return dialog


def test_an_act_typed_in_is_marked_and_esc_asks_and_going_back_keeps_it(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    dialog = act(qtbot, context, typist)
    assert dialog.windowTitle().startswith("• ")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    question = dialog.unsaved.question
    assert question is not None and question.isVisible()
    assert dialog.isVisible()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # «Повернутися»
    assert dialog.isVisible()
    assert "Дитина здорова" in dialog.findChildren(QPlainTextEdit)[0].toPlainText()


def test_save_from_the_question_saves_the_act(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    before = count(context, Assessment)
    dialog = act(qtbot, context, typist)
    dialog.reject()  # the Cancel button
    question = dialog.unsaved.question
    assert question is not None
    qtbot.mouseClick(dialog.unsaved.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert count(context, Assessment) == before + 1


def test_do_not_save_closes_without_saving(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    before = count(context, Assessment)
    dialog = act(qtbot, context, typist)
    dialog.close()  # the window's ✕
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.unsaved.discard_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert count(context, Assessment) == before


def test_an_untouched_act_closes_at_once(qtbot: QtBot, context: AppContext) -> None:
    dialog = shown(qtbot, AssessmentActDialog(context, a_family(context)))
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.unsaved.question is None


@pytest.mark.parametrize("kind", ["visit", "member"])
def test_a_visit_or_a_member_typed_in_asks_on_esc(
    qtbot: QtBot, context: AppContext, typist: Typist, kind: str
) -> None:
    before = count(context, Visit)
    if kind == "visit":
        dialog: QDialog = shown(qtbot, EventDialog(context, a_family(context), "visit"))
        field = dialog.fields["purpose"]
    else:
        dialog = shown(qtbot, MemberDialog(context))
        field = dialog.surname
    field.setFocus()
    typist(field, "Оцінка умов")
    assert dialog.windowTitle().startswith("• ")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.unsaved.question.isVisible()
    qtbot.mouseClick(dialog.unsaved.discard_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert count(context, Visit) == before


@pytest.mark.parametrize("kind", ["intake", "notification"])
def test_a_walk_in_visitor_or_a_new_notification_typed_in_asks_on_esc(
    qtbot: QtBot, context: AppContext, typist: Typist, kind: str
) -> None:
    from ui.dialogs.intake_dialog import IntakeDialog
    from ui.dialogs.notifications_dialog import NewNotificationDialog

    if kind == "intake":
        dialog: QDialog = shown(qtbot, IntakeDialog(context))
        field: QWidget = dialog.summary
    else:
        dialog = shown(qtbot, NewNotificationDialog(context))
        field = dialog.fields["summary"]
    field.setFocus()
    typist(field, "Просить допомогти з документами")
    assert dialog.windowTitle().startswith("• ")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.unsaved.question.isVisible()
    qtbot.keyClick(dialog.unsaved.question, Qt.Key.Key_Escape)
    assert dialog.isVisible()
