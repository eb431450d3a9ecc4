"""Referrals (скерування) recorded and changed from the family card by keyboard, errors shown
next to their fields; the notification number shown in the card — real windows, real database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Family, Notification, Referral
from app.services.family_form import family_events, load_family
from app.services.records import RecordService
from ui.context import AppContext
from ui.dialogs.event_dialog import EventDialog
from ui.dialogs.family_card import FamilyCard

Typist = Callable[[QWidget, str], None]


def family_with_members_and_notification(context: AppContext) -> str:
    with context.db.reading() as session:
        ids = session.scalars(
            select(Family.id)
            .join(Notification, Notification.family_id == Family.id)
            .where(Family.deleted.is_(False), Notification.deleted.is_(False))
        ).all()
    for family_id in ids:
        family = load_family(context.db, family_id)
        if family is not None and len(family.members) >= 2:
            return family_id
    raise AssertionError("the demo has no family with members and a notification")


def open_card(qtbot: QtBot, context: AppContext, family_id: str) -> FamilyCard:
    card = FamilyCard(context, family_id)
    qtbot.addWidget(card)
    card.open()
    qtbot.waitExposed(card)
    return card


def referrals_of(context: AppContext, family_id: str) -> list[Referral]:
    with context.db.reading() as session:
        rows = session.scalars(
            select(Referral).where(Referral.family_id == family_id, Referral.deleted.is_(False))
        ).all()
        session.expunge_all()
        return list(rows)


def referral_dialog(card: FamilyCard) -> EventDialog:
    dialog = card.event_dialog
    assert isinstance(dialog, EventDialog) and dialog.isVisible()
    assert dialog.kind == "referral"
    return dialog


def test_referral_added_by_keyboard_with_errors_beside_the_fields(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    family_id = family_with_members_and_notification(context)
    before = len(referrals_of(context, family_id))
    card = open_card(qtbot, context, family_id)
    view = card.event_views["referral"]
    card.tabs.setCurrentWidget(view.parentWidget())
    assert card.tabs.tabText(card.tabs.currentIndex()) == "Скерування"
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=5000)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=5000)

    qtbot.keyClick(view, Qt.Key.Key_Insert)  # Insert opens a new referral
    dialog = referral_dialog(card)
    assert dialog.windowTitle() == "Скерування"
    where = dialog.fields["to_whom"]
    qtbot.waitUntil(where.hasFocus, timeout=5000)  # the date is filled: typing starts here
    assert dialog.fields["date"].value() == dt.date.today()  # type: ignore[attr-defined]
    whom = dialog.fields["person_id"]
    assert isinstance(whom, QComboBox)
    assert whom.itemText(0) == "уся сім'я" and whom.count() >= 3  # and each member
    outcome = dialog.fields["outcome"]
    assert isinstance(outcome, QComboBox)
    assert [outcome.itemText(i) for i in range(3)] == ["ще невідомо", "прийнято", "відмовлено"]

    # nothing typed where to: the error stands beside that field, nothing is saved
    qtbot.keyClick(where, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors.text("to_whom") == "Заповніть це поле: без нього запис не зберегти."
    assert len(referrals_of(context, family_id)) == before

    typist(where, "ЦНАП громади")
    member_index = 1
    whom.setFocus()
    qtbot.keyClick(whom, Qt.Key.Key_Down)  # the first member
    assert whom.currentIndex() == member_index
    member_id = whom.currentData()
    typist(dialog.fields["reason"], "Оформлення допомоги")
    qtbot.keyClick(outcome, Qt.Key.Key_Down)  # accepted
    assert outcome.currentData() == "accepted"
    # an outcome known before the referral was made is refused beside its own field
    known = dialog.fields["outcome_date"]
    yesterday = dt.date.today() - dt.timedelta(days=1)
    typist(known.edit, yesterday.strftime("%d.%m.%Y"))  # type: ignore[attr-defined]
    qtbot.keyClick(where, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors.text("outcome_date")
    assert not dialog.errors.text("to_whom")
    assert len(referrals_of(context, family_id)) == before

    known.edit.clear()  # type: ignore[attr-defined]
    typist(known.edit, dt.date.today().strftime("%d.%m.%Y"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(card.events_changed, timeout=2000):
        qtbot.keyClick(where, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    saved = [r for r in referrals_of(context, family_id) if r.id == dialog.saved_id]
    assert len(saved) == 1
    stored = saved[0]
    assert stored.to_whom == "ЦНАП громади" and stored.reason == "Оформлення допомоги"
    assert stored.person_id == member_id and stored.outcome == "accepted"
    assert stored.date == dt.date.today() and stored.outcome_date == dt.date.today()
    shown = {row.id: row for row in card.referrals_model.rows()}
    assert shown[stored.id].title == "ЦНАП громади"
    row = next(i for i, r in enumerate(card.referrals_model.rows()) if r.id == stored.id)
    assert card.referrals_model.index(row, 2).data() == "прийнято"
    assert not card.empty_hints["referral"].isVisible()
    card.reject()


def test_referral_changed_and_deleted_from_the_card(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    family_id = family_with_members_and_notification(context)
    referral_id = RecordService(context.db).save(
        "referral",
        None,
        {"date": dt.date(2025, 3, 3), "family_id": family_id, "to_whom": "Психолог"},
    )
    card = open_card(qtbot, context, family_id)
    view = card.event_views["referral"]
    card.tabs.setCurrentWidget(view.parentWidget())
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=5000)
    view.setFocus()
    row = next(i for i, r in enumerate(card.referrals_model.rows()) if r.id == referral_id)
    view.setCurrentIndex(card.referrals_model.index(row, 0))
    qtbot.waitUntil(view.hasFocus, timeout=5000)
    assert card.referrals_model.index(row, 2).data() == "ще невідомо"  # none stored yet

    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter opens the line filled in
    dialog = referral_dialog(card)
    assert dialog.fields["to_whom"].text() == "Психолог"  # type: ignore[attr-defined]
    assert dialog.fields["date"].value() == dt.date(2025, 3, 3)  # type: ignore[attr-defined]
    assert dialog.fields["person_id"].currentData() is None  # type: ignore[attr-defined]
    outcome = dialog.fields["outcome"]
    assert isinstance(outcome, QComboBox)
    outcome.setCurrentIndex(outcome.findData("refused"))
    dialog.accept()
    assert not dialog.isVisible()
    changed = RecordService(context.db).get("referral", referral_id)
    assert changed is not None
    assert changed["outcome"] == "refused" and changed["to_whom"] == "Психолог"
    assert changed["family_id"] == family_id
    row = next(i for i, r in enumerate(card.referrals_model.rows()) if r.id == referral_id)
    assert card.referrals_model.index(row, 2).data() == "відмовлено"

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    view.setCurrentIndex(card.referrals_model.index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert RecordService(context.db).get("referral", referral_id) is None
    assert referral_id not in {r.id for r in card.referrals_model.rows()}
    card.reject()


def test_notification_number_shows_in_the_card(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    family_id = family_with_members_and_notification(context)
    for event in family_events(context.db, family_id).notifications:  # as if never numbered
        RecordService(context.db).save("notification", event.id, {"number": None})
    assert family_events(context.db, family_id).origin is None
    card = open_card(qtbot, context, family_id)
    assert not card.origin_label.isVisible()

    card.add_event("notification")
    dialog = card.event_dialog
    assert isinstance(dialog, EventDialog) and dialog.kind == "notification"
    assert dialog.number.text() == "буде надано під час збереження"
    day = dt.date(2025, 1, 6)
    dialog.fields["date"].edit.clear()  # type: ignore[attr-defined]
    typist(dialog.fields["date"].edit, day.strftime("%d.%m.%Y"))  # type: ignore[attr-defined]
    typist(dialog.fields["source"], "Школа")
    typist(dialog.fields["summary"], "Дитина пропускає заняття")
    dialog.accept()
    assert not dialog.isVisible() and dialog.saved_id is not None
    stored = RecordService(context.db).get("notification", dialog.saved_id)
    assert stored is not None and stored["number"]
    number = stored["number"]

    assert card.origin_label.isVisible()
    assert card.origin_label.text() == f"за повідомленням № {number} від 06.01.2025"
    model = card.notifications_model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Номер"
    row = next(i for i, r in enumerate(model.rows()) if r.id == dialog.saved_id)
    assert model.index(row, 1).data() == number

    view = card.event_views["notification"]
    card.tabs.setCurrentWidget(view.parentWidget())
    view.setCurrentIndex(model.index(row, 0))
    card.edit_event("notification")
    again = card.event_dialog
    assert isinstance(again, EventDialog) and again is not dialog
    assert again.number.text() == number
    again.reject()
    card.reject()


def test_card_badge_follows_the_one_on_record_rule(qtbot: QtBot, context: AppContext) -> None:
    """The badge says «на обліку» exactly when app/db/on_record.py says so, at every edge
    (taken on or off record today, yesterday, tomorrow, never)."""
    from app.db.on_record import RecordStatus, record_status

    family_id = family_with_members_and_notification(context)
    card = open_card(qtbot, context, family_id)
    today = dt.date.today()
    edges = (None, *(today + dt.timedelta(days=n) for n in (-1, 0, 1)))
    words = {
        RecordStatus.ON: "на обліку",
        RecordStatus.OFF: "знято з обліку",
        RecordStatus.NOT: "не на обліку",
    }
    seen = set()
    for start in edges:
        for end in edges:
            card.on_record_from.set_value(start)
            card.on_record_to.set_value(end)
            card._update_header()
            status = record_status(start, end, today)
            seen.add(status)
            assert card.status_badge.text() == words[status], (start, end)
    assert seen == set(RecordStatus)
    card.dirty = False
    card.reject()
