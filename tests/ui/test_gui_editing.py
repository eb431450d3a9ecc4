"""Changing and deleting what was entered: a group's sessions and participants, and a
family's services, visits, assessments and notifications — through the real widgets, checked
in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import Attendance, Family, Participant
from app.services.family_form import family_events
from app.services.records import RecordService
from tests.ui.groups import shown_groups_page
from ui.context import AppContext
from ui.dialogs.family_card import FamilyCard
from ui.pages.groups_page import GroupsPage

Typist = Callable[[QWidget, str], None]


def answer(monkeypatch: pytest.MonkeyPatch, reply: QMessageBox.StandardButton) -> list[str]:
    """Every question is answered with `reply`; the list collects the questions asked."""
    asked: list[str] = []

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return reply

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def live_marks(context: AppContext, **where: str) -> int:
    column = {"session_id": Attendance.session_id, "participant_id": Attendance.participant_id}
    with context.db.session() as session:
        query = select(func.count()).select_from(Attendance).where(Attendance.deleted.is_(False))
        for name, value in where.items():
            query = query.where(column[name] == value)
        return int(session.scalar(query) or 0)


def open_group_card(qtbot: QtBot, context: AppContext) -> GroupsPage:
    page = shown_groups_page(qtbot, context)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 1 and page.sheet is not None
    return page


def test_session_changed_from_its_date_header(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    page = open_group_card(qtbot, context)
    assert page.sheet is not None
    sessions = len(page.sheet.sessions)
    first = page.sheet.sessions[0]
    header = page.grid.horizontalHeader()
    spot = QPoint(header.sectionViewportPosition(0) + header.sectionSize(0) // 2, 5)
    qtbot.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    dialog = page.session_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Змінити заняття"
    assert dialog.date.value() == first.date
    assert dialog.time.text() == first.time
    assert dialog.topic.text() == first.topic
    assert dialog.format.currentData() == (first.format or None)
    assert dialog.format.count() == 7  # «—» and the six formats

    dialog.date.edit.clear()
    typist(dialog.date.edit, "05.01.2026")
    dialog.time.clear()
    typist(dialog.time, "25:70")
    qtbot.keyClick(dialog.time, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors.text("time") == "Час має бути у форматі ГГ:ХХ."
    dialog.time.clear()
    typist(dialog.time, "10:30")
    dialog.topic.clear()
    typist(dialog.topic, "Права дитини")
    dialog.format.setCurrentIndex(dialog.format.findData("training"))
    qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    stored = RecordService(context.db).get("session", first.id)
    assert stored is not None
    assert (stored["date"], stored["time"], stored["topic"], stored["format"]) == (
        dt.date(2026, 1, 5),
        "10:30",
        "Права дитини",
        "training",
    )
    assert len(page.sheet.sessions) == sessions
    column = page.grid.currentIndex().column()
    assert page.sheet.sessions[column].id == first.id  # the changed session stays selected


def test_session_deleted_with_its_marks_after_a_question(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_group_card(qtbot, context)
    assert page.sheet is not None
    marked = {sid for _pid, sid in page.sheet.marks}
    column, target = next((i, s) for i, s in enumerate(page.sheet.sessions) if s.id in marked)
    assert live_marks(context, session_id=target.id) > 0
    sessions = len(page.sheet.sessions)
    page.grid.setFocus()
    page.grid.setCurrentIndex(page.grid_model.index(0, column))
    qtbot.keyClick(page.grid, Qt.Key.Key_F2)
    dialog = page.session_dialog
    assert dialog is not None and dialog.isVisible() and dialog.delete_button is not None

    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and len(asked) == 1
    assert RecordService(context.db).get("session", target.id) is not None

    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert asked and "разом із позначками відвідування" in asked[0]
    assert not dialog.isVisible()
    assert RecordService(context.db).get("session", target.id) is None
    assert live_marks(context, session_id=target.id) == 0
    assert len(page.sheet.sessions) == sessions - 1
    assert page.grid_model.columnCount() == sessions  # the sessions and the totals column


def test_new_session_from_the_plus_button(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    page = open_group_card(qtbot, context)
    assert page.sheet is not None
    sessions = len(page.sheet.sessions)
    page.add_session_today()
    dialog = page.session_dialog
    assert dialog is not None and dialog.delete_button is None
    assert dialog.windowTitle() == "Нове заняття"
    qtbot.keyClick(dialog.topic, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert len(page.sheet.sessions) == sessions

    qtbot.mouseClick(page.add_session_button, Qt.MouseButton.LeftButton)
    dialog = page.session_dialog
    assert dialog is not None and dialog.isVisible()
    typist(dialog.time, "9.05")
    typist(dialog.topic, "Зустріч батьків")
    qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)
    if dialog.save_anyway_button is not None:  # today is after the demo group's end
        qtbot.mouseClick(dialog.save_anyway_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.saved_id is not None
    assert len(page.sheet.sessions) == sessions + 1
    stored = RecordService(context.db).get("session", dialog.saved_id)
    assert stored is not None
    assert (stored["date"], stored["time"], stored["topic"]) == (
        dt.date.today(),
        "09:05",
        "Зустріч батьків",
    )
    assert page.sheet.sessions[page.grid.currentIndex().column()].id == dialog.saved_id


def test_participant_removed_from_the_group(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_group_card(qtbot, context)
    assert page.sheet is not None
    people = len(page.sheet.participants)
    marked = {pid for pid, _sid in page.sheet.marks}
    row, leaving = next((i, p) for i, p in enumerate(page.sheet.participants) if p.id in marked)
    page.grid.setCurrentIndex(page.grid_model.index(row, 0))

    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.remove_participant_button, Qt.MouseButton.LeftButton)
    assert asked and leaving.name in asked[0]
    assert len(page.sheet.participants) == people

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.remove_participant_button, Qt.MouseButton.LeftButton)
    assert [p.id for p in page.sheet.participants if p.id == leaving.id] == []
    assert len(page.sheet.participants) == people - 1
    with context.db.session() as session:
        assert session.get(Participant, leaving.id).deleted  # type: ignore[union-attr]
    assert live_marks(context, participant_id=leaving.id) == 0

    # the same from the context menu of a name
    other = page.sheet.participants[0]
    names = page.grid.verticalHeader()
    point = QPoint(5, names.sectionViewportPosition(0) + names.sectionSize(0) // 2)
    names.customContextMenuRequested.emit(point)
    assert page.menu is not None
    action = next(a for a in page.menu.actions() if a.text() == "Вилучити учасника…")
    page.menu.close()
    action.trigger()
    assert other.id not in {p.id for p in page.sheet.participants}


# the family card's tabs


def family_with_everything(context: AppContext) -> str:
    with context.db.session() as session:
        ids = session.scalars(select(Family.id).where(Family.deleted.is_(False))).all()
    for family_id in ids:
        events = family_events(context.db, family_id)
        if events.services and events.visits and events.assessments and events.notifications:
            return family_id
    raise AssertionError("the demo has no family with every kind of record")


def open_card(qtbot: QtBot, context: AppContext) -> FamilyCard:
    card = FamilyCard(context, family_with_everything(context))
    qtbot.addWidget(card)
    card.open()
    qtbot.waitExposed(card)
    return card


def focus_row(qtbot: QtBot, card: FamilyCard, view: QTableView, row: int = 0) -> None:
    card.tabs.setCurrentWidget(view.parentWidget())
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=5000)
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, 0))
    qtbot.waitUntil(view.hasFocus, timeout=5000)


def test_visit_changed_and_deleted_from_the_card(
    qtbot: QtBot, context: AppContext, typist: Typist, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = open_card(qtbot, context)
    view = card.event_views["visit"]
    visits = card.visits_model.total()
    focus_row(qtbot, card, view)
    visit_id = card.selected_event_id("visit")
    assert visit_id is not None
    stored = RecordService(context.db).get("visit", visit_id)
    assert stored is not None

    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter opens the line
    dialog = card.event_dialog
    assert dialog is not None and dialog.isVisible()
    purpose = dialog.fields["purpose"]
    assert purpose.text() == (stored["purpose"] or "")  # type: ignore[attr-defined]
    assert dialog.fields["date"].value() == stored["date"]  # type: ignore[attr-defined]
    purpose.clear()  # type: ignore[attr-defined]
    typist(purpose, "Повторний візит")
    qtbot.keyClick(purpose, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    changed = RecordService(context.db).get("visit", visit_id)
    assert changed is not None and changed["purpose"] == "Повторний візит"
    assert changed["result"] == stored["result"]
    assert card.visits_model.total() == visits  # changed, not added

    row = next(i for i, r in enumerate(card.visits_model.rows()) if r.id == visit_id)
    source = card.visits_model.index(row, 0)
    focus_row(qtbot, card, view, source.row())
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(card.events_changed, timeout=1000):  # the status bar and lists follow
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert asked and "Повторний візит" in asked[0]
    assert RecordService(context.db).get("visit", visit_id) is None
    assert card.visits_model.total() == visits - 1
    card.reject()


def test_assessment_changed_by_double_click(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    card = open_card(qtbot, context)
    view = card.event_views["assessment"]
    focus_row(qtbot, card, view)
    assessment_id = card.selected_event_id("assessment")
    assert assessment_id is not None
    stored = RecordService(context.db).get("assessment", assessment_id)
    assert stored is not None
    rect = view.visualRect(view.currentIndex())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = card.event_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Акт оцінки потреб"
    needed = dialog.fields["needed_services"]
    assert needed.codes() == list(stored["needed_services"] or [])  # type: ignore[attr-defined]
    assert dialog.fields["parental_capacity"].currentData() == stored["parental_capacity"]  # type: ignore[attr-defined]
    finished = dialog.fields["finished"]
    finished.edit.clear()  # type: ignore[attr-defined]
    typist(finished.edit, "31.02.2025")  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.text("finished") == "Неправильна дата. Введіть її як 12.03.2024."
    finished.edit.clear()  # type: ignore[attr-defined]
    typist(finished.edit, stored["started"].strftime("%d.%m.%Y"))  # type: ignore[attr-defined]
    dialog.fields["parental_capacity"].setCurrentIndex(  # type: ignore[attr-defined]
        dialog.fields["parental_capacity"].findData("high")  # type: ignore[attr-defined]
    )
    qtbot.keyClick(dialog.fields["conclusion"], Qt.Key.Key_Tab)
    dialog.accept()
    assert not dialog.isVisible()
    changed = RecordService(context.db).get("assessment", assessment_id)
    assert changed is not None
    assert changed["parental_capacity"] == "high"
    assert changed["finished"] == stored["started"]
    assert changed["needed_services"] == stored["needed_services"]
    card.reject()


def test_notification_deleted_only_after_yes(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = open_card(qtbot, context)
    view = card.event_views["notification"]
    count = card.notifications_model.total()
    focus_row(qtbot, card, view)
    notification_id = card.selected_event_id("notification")
    assert notification_id is not None
    answer(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert RecordService(context.db).get("notification", notification_id) is not None
    assert card.notifications_model.total() == count
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert RecordService(context.db).get("notification", notification_id) is None
    assert card.notifications_model.total() == count - 1
    card.reject()


def test_service_changed_and_deleted_from_the_card(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = open_card(qtbot, context)
    view = card.event_views["service"]
    count = card.services_model.total()
    focus_row(qtbot, card, view)
    service_id = card.selected_event_id("service")
    assert service_id is not None
    stored = RecordService(context.db).get("service", service_id)
    assert stored is not None
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = card.service_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Змінити надану послугу"
    assert dialog.service.currentData() == stored["service_code"]
    assert dialog.date.value() == stored["date"]
    assert dialog.form.currentData() == stored["form"]
    dialog.minutes.setValue(45)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # Enter saves the change and closes
    assert not dialog.isVisible()
    changed = RecordService(context.db).get("service", service_id)
    assert changed is not None
    assert changed["minutes"] == 45
    assert changed["service_code"] == stored["service_code"]
    assert (changed["family_id"], changed["person_id"]) == (
        stored["family_id"],
        stored["person_id"],
    )
    assert card.services_model.total() == count

    row = next(i for i, r in enumerate(card.services_model.rows()) if r.id == service_id)
    source = card.services_model.index(row, 0)
    focus_row(qtbot, card, view, source.row())
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    delete = next(
        b
        for b in view.parentWidget().findChildren(QWidget)
        if getattr(b, "text", lambda: "")() == "Видалити…"
    )
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert RecordService(context.db).get("service", service_id) is None
    assert card.services_model.total() == count - 1
    card.reject()


def test_delete_without_a_selection_says_what_to_do(qtbot: QtBot, context: AppContext) -> None:
    card = open_card(qtbot, context)
    view = card.event_views["visit"]
    card.tabs.setCurrentWidget(view.parentWidget())
    view.setCurrentIndex(view.model().index(-1, -1))
    view.clearSelection()
    card.delete_event("visit")
    assert card.event_errors["visit"].text() == "Спочатку виберіть рядок у таблиці."
    card.reject()
