"""What a first working day showed: focus, required fields, one card per record, errors
shown whole, closing cleanly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import Visit
from ui.context import AppContext
from ui.dialogs.event_dialog import EventDialog
from ui.dialogs.participant_dialog import ParticipantDialog

Typist = Callable[[QWidget, str], None]


def first_family(context: AppContext) -> str:
    from app.db.models import Family

    with context.db.session() as session:
        return str(session.scalars(select(Family.id).order_by(Family.id)).first())


def visits(context: AppContext) -> int:
    with context.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Visit)) or 0)


def shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()


@pytest.mark.parametrize(
    ("kind", "first"),
    [("visit", "purpose"), ("notification", "summary"), ("assessment", "finished")],
)
def test_event_dialog_opens_in_its_first_empty_field(
    qtbot: QtBot, context: AppContext, kind: str, first: str
) -> None:
    dialog = EventDialog(context, first_family(context), kind)
    shown(qtbot, dialog)
    focused = dialog.focusWidget()
    field = dialog.fields[first]
    assert focused is field or (focused is not None and field.isAncestorOf(focused))
    assert not isinstance(focused, QPushButton)


def test_enter_on_an_empty_visit_saves_nothing_and_says_why_next_to_the_field(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    before = visits(context)
    dialog = EventDialog(context, first_family(context), "visit")
    shown(qtbot, dialog)
    target = dialog.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert visits(context) == before
    assert dialog.errors.text("purpose")
    assert dialog.focusWidget() is dialog.fields["purpose"]
    purpose = dialog.fields["purpose"]
    assert isinstance(purpose, QLineEdit)
    typist(purpose, "Оцінка умов проживання")
    qtbot.keyClick(purpose, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert visits(context) == before + 1


def test_empty_notification_refused_at_its_summary(qtbot: QtBot, context: AppContext) -> None:
    dialog = EventDialog(context, first_family(context), "notification")
    shown(qtbot, dialog)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.text("summary")
    assert isinstance(dialog.focusWidget(), QPlainTextEdit)


def test_participant_dialog_starts_in_the_person_search(qtbot: QtBot, context: AppContext) -> None:
    from app.db.models import SupportGroup

    with context.db.session() as session:
        group = str(session.scalars(select(SupportGroup.id)).first())
    dialog = ParticipantDialog(context, group)
    shown(qtbot, dialog)
    assert dialog.focusWidget() is dialog.person


def test_double_click_opens_one_card_and_a_second_open_raises_it(
    qtbot: QtBot, context: AppContext
) -> None:
    from PySide6.QtCore import QPoint

    from ui.shell import Shell

    shell = Shell(context)
    qtbot.addWidget(shell.window)
    shell.window.show()
    page = shell.families_page()
    qtbot.waitUntil(lambda: page.index is not None, timeout=10_000)
    table = page.table
    rect = table.visualRect(page.model.index(0, 0))
    spot = QPoint(rect.center())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert len(shell.cards) == 1
    card = shell.cards[0]
    assert shell.open_family(card.data.id) is card
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert shell.cards == [card]
    card.reject()


def fully_shown(label: QWidget) -> bool:
    """A word-wrapped label has the height its text needs at its width."""
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


def test_a_long_error_is_shown_whole_in_a_small_dialog(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    import datetime as dt

    dialog = EventDialog(context, first_family(context), "visit")
    shown(qtbot, dialog)
    dialog.resize(dialog.minimumWidth(), dialog.minimumSizeHint().height())
    QApplication.processEvents()
    date = dialog.fields["date"]
    date.edit.clear()  # type: ignore[attr-defined]
    typist(date.edit, (dt.date.today() + dt.timedelta(days=3)).strftime("%d.%m.%Y"))  # type: ignore[attr-defined]
    typist(dialog.fields["purpose"], "Оцінка")
    dialog.accept()
    QApplication.processEvents()
    label = dialog.errors._labels["date"]
    assert "сьогодн" in label.text()
    qtbot.waitUntil(lambda: fully_shown(label), timeout=2000)


def test_member_dialog_shows_the_whole_birth_date_error(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    import datetime as dt

    from ui.dialogs.member_dialog import MemberDialog

    dialog = MemberDialog(context)
    shown(qtbot, dialog)
    typist(dialog.surname, "Ткач")
    typist(dialog.given_name, "Марія")
    typist(dialog.birth_date.edit, (dt.date.today() + dt.timedelta(days=3)).strftime("%d.%m.%Y"))
    dialog.accept()
    QApplication.processEvents()
    label = dialog.errors._labels["birth_date"]
    assert label.text().endswith("сьогоднішньої.")
    qtbot.waitUntil(lambda: fully_shown(label), timeout=2000)
    assert label.width() >= min(label.sizeHint().width(), dialog.width() // 2)
