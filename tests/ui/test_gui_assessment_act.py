"""The needs-assessment act filled in by keyboard from the family card, saved, read back and
printed; retired codes in the pickers; the new summary figures on the Reports page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.ages import child_cutoff
from app.db.models import Family, Person, RefEntry
from app.db.reference import entry_id
from app.reports.loaders import load_assessment_act
from app.reports.pdf.assessment_act import render_assessment_act
from app.services.records import RecordService
from ui.context import AppContext
from ui.dialogs.assessment_act import AssessmentActDialog
from ui.dialogs.family_card import FamilyCard

Typist = Callable[[QWidget, str], None]


def family_with_child_and_adult(context: AppContext) -> str:
    cutoff = child_cutoff(dt.date.today())
    with context.db.session() as session:
        for family_id in session.scalars(select(Family.id).where(Family.deleted.is_(False))):
            births = session.scalars(
                select(Person.birth_date).where(
                    Person.family_id == family_id, Person.deleted.is_(False)
                )
            ).all()
            if any(b and b > cutoff for b in births) and any(b and b <= cutoff for b in births):
                return family_id
    raise AssertionError("the demo has no family with a child and an adult")


def press_tab(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def new_act_from_the_card(
    qtbot: QtBot, context: AppContext
) -> tuple[FamilyCard, AssessmentActDialog, int]:
    """A family's card open, and a new act opened from it and active; with how many
    assessments the card listed before."""
    card = FamilyCard(context, family_with_child_and_adult(context))
    qtbot.addWidget(card)
    card.open()
    qtbot.waitExposed(card)
    before = len(card.assessments_model.rows())
    card.add_event("assessment")
    dialog = card.event_dialog
    assert isinstance(dialog, AssessmentActDialog) and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    return card, dialog, before


def test_act_filled_by_keyboard_saved_and_printed(
    qtbot: QtBot, context: AppContext, typist: Typist, tmp_path: Path
) -> None:
    card, dialog, before = new_act_from_the_card(qtbot, context)
    family_id = dialog.family_id
    assert dialog.windowTitle() == "Акт оцінки потреб"
    assert dialog.children and dialog.adults
    # the first child's first area is reached by Tab from the specialist's field
    specialist = dialog.fields["specialist"]
    specialist.setFocus()
    qtbot.waitUntil(specialist.hasFocus, timeout=5000)
    press_tab(qtbot)
    first_child_health = dialog.children[0][2]["health"]
    assert QApplication.focusWidget() is first_child_health
    typist(first_child_health, "Часті застуди")
    press_tab(qtbot)  # a text box passes Tab on to the next area
    assert QApplication.focusWidget() is dialog.children[0][2]["development"]
    impact = dialog.children[0][2]["impact"]
    assert isinstance(impact, QComboBox)
    impact.setFocus()
    qtbot.keyClick(impact, Qt.Key.Key_Down)
    qtbot.keyClick(impact, Qt.Key.Key_Down)  # «помірний»
    typist(dialog.adults[0][2]["employment"], "Безробітна з січня")
    typist(dialog.family_fields["housing"], "Пічне опалення")
    capacity = dialog.fields["parental_capacity"]
    assert isinstance(capacity, QComboBox)
    capacity.setFocus()
    for _ in range(3):
        qtbot.keyClick(capacity, Qt.Key.Key_Down)  # —, високий, середній, низький
    causes = dialog.fields["sjo_causes"]
    assert isinstance(causes, QPlainTextEdit)
    typist(causes, "Втрата роботи")
    typist(dialog.fields["approved_by"], "Коваль О. М.")
    dialog.accept()
    assert not dialog.isVisible()
    assert len(card.assessments_model.rows()) == before + 1
    stored = RecordService(context.db).get("assessment", dialog.saved_id or "")
    assert stored is not None
    assert stored["parental_capacity"] == "low"
    assert stored["sjo_causes"] == "Втрата роботи"
    assert stored["approved_by"] == "Коваль О. М."
    child_id = dialog.children[0][0]
    assert stored["act"]["children"] == [
        {"health": "Часті застуди", "impact": "moderate", "person_id": child_id}
    ]
    assert stored["act"]["adults"][0]["employment"] == "Безробітна з січня"
    assert stored["act"]["family"] == {"housing": "Пічне опалення"}

    # opened again: the same answers are in their fields
    again = AssessmentActDialog(context, family_id, card, record_id=dialog.saved_id)
    qtbot.addWidget(again)
    assert again.children[0][2]["health"].toPlainText() == "Часті застуди"  # type: ignore[attr-defined]
    assert again.children[0][2]["impact"].currentData() == "moderate"  # type: ignore[attr-defined]
    assert again.fields["parental_capacity"].currentData() == "low"  # type: ignore[attr-defined]

    # and the act prints for signatures
    data = load_assessment_act(context.db, dialog.saved_id or "")
    out = tmp_path / "act.pdf"
    render_assessment_act(data, out)
    from tests.reports.helpers import pdf_pages

    text = " ".join(" ".join(p.split()) for p in pdf_pages(out.read_bytes()))
    assert "АКТ ОЦІНКИ ПОТРЕБ СІМ'Ї/ОСОБИ" in text
    assert "Часті застуди" in text and "☒ помірний" in text and "☒ низький" in text
    assert "ЗАТВЕРДЖУЮ: керівник Коваль О. М." in text
    card.reject()


def test_retired_service_is_not_offered_but_stays_on_its_record(
    qtbot: QtBot, context: AppContext
) -> None:
    family_id = family_with_child_and_adult(context)
    with context.db.session() as session:
        session.get(RefEntry, entry_id("service", "011.0")).retired = True
    fresh = AssessmentActDialog(context, family_id)
    qtbot.addWidget(fresh)
    needed = fresh.fields["needed_services"]
    hidden = {
        needed.item(i).data(Qt.ItemDataRole.UserRole)  # type: ignore[attr-defined]
        for i in range(needed.count())  # type: ignore[attr-defined]
        if needed.item(i).isHidden()  # type: ignore[attr-defined]
    }
    assert hidden == {"011.0"}
    saved = RecordService(context.db).save(
        "assessment",
        None,
        {"family_id": family_id, "started": dt.date.today(), "needed_services": ["002.0"]},
    )
    with context.db.session() as session:  # recorded before the code was retired
        session.execute(
            RefEntry.__table__.update()
            .where(RefEntry.id == entry_id("service", "011.0"))
            .values(retired=False)
        )
    RecordService(context.db).save("assessment", saved, {"needed_services": ["002.0", "011.0"]})
    with context.db.session() as session:
        session.get(RefEntry, entry_id("service", "011.0")).retired = True
    old = AssessmentActDialog(context, family_id, record_id=saved)
    qtbot.addWidget(old)
    assert old.fields["needed_services"].codes() == ["002.0", "011.0"]  # type: ignore[attr-defined]
    old.accept()  # saving keeps the retired code the record already had
    assert RecordService(context.db).get("assessment", saved)["needed_services"] == [
        "002.0",
        "011.0",
    ]


def test_reports_page_shows_the_new_figures(qtbot: QtBot, context: AppContext) -> None:
    from app.reports.summary import compute_summary
    from ui.pages.reports_page import ReportsPage

    page = ReportsPage(context)
    qtbot.addWidget(page)
    summary = compute_summary(context.db, dt.date(2000, 1, 1), dt.date.today())
    page._show(summary)
    rows = {
        page.figures.item(i, 0).text(): page.figures.item(i, 1).text()
        for i in range(page.figures.rowCount())
    }
    assert rows["Охоплено осіб (члени сімей та особи без сім'ї)"] == str(summary.persons.total)
    assert rows["…з інвалідністю"] == str(summary.persons.with_disability)
    events = [k for k in rows if k.startswith("Надано послуг: ")]
    assert len(events) == sum(1 for n in summary.service_events.values() if n)
    assert any(k.startswith("Занять для: ") for k in rows) == bool(
        sum(summary.sessions_by_target.values())
    )


def test_notification_before_a_family_is_numbered_and_overdue_shown_in_red(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    from ui.dialogs.notifications_dialog import NewNotificationDialog, NotificationsDialog
    from ui.pages.families_page import FamiliesPage

    page = FamiliesPage(context)
    qtbot.addWidget(page)
    page.show_notifications()
    dialog = page.notifications
    assert isinstance(dialog, NotificationsDialog)
    dialog.new_notification()
    entry = dialog.entry
    assert isinstance(entry, NewNotificationDialog)
    entry.accept()  # nobody and nowhere: refused, with the message by the name field
    assert entry.isVisible()
    assert "особи" in entry.errors.text("person_name")
    date = entry.fields["date"]
    date.edit.clear()  # type: ignore[attr-defined]
    typist(date.edit, "20.08.2021")  # type: ignore[attr-defined]
    typist(entry.fields["person_name"], "Ткачук Ганна")
    typist(entry.fields["address"], "вул. Лісова, 4")
    entry.accept()
    assert not entry.isVisible()
    stored = RecordService(context.db).get("notification", entry.saved_id or "")
    assert stored is not None and stored["number"] == "2021-0001"
    row = next(
        i
        for i in range(dialog.table.rowCount())
        if dialog.table.item(i, 0).data(Qt.ItemDataRole.UserRole) == entry.saved_id
    )
    assert dialog.table.item(row, 2).text() == "Ткачук Ганна — вул. Лісова, 4"
    assert dialog.table.item(row, 4).text() == "30.08.2021"
    assert dialog.table.item(row, 5).text() == "прострочено"
    assert dialog.table.item(row, 0).foreground().color().name() == "#b00020"
    dialog.only_overdue.setCurrentIndex(1)
    shown = {
        dialog.table.item(i, 0).data(Qt.ItemDataRole.UserRole)
        for i in range(dialog.table.rowCount())
    }
    assert entry.saved_id in shown


def test_walk_in_visitor_with_a_referral(qtbot: QtBot, context: AppContext, typist: Typist) -> None:
    from ui.dialogs.intake_dialog import IntakeDialog
    from ui.pages.families_page import FamiliesPage

    page = FamiliesPage(context)
    qtbot.addWidget(page)
    page.new_intake()
    dialog = page.intake
    assert isinstance(dialog, IntakeDialog)
    typist(dialog.summary, "Питання щодо довідки ВПО")
    dialog.refer.setChecked(True)
    dialog.accept()  # referred, but nowhere: refused by the field
    assert dialog.isVisible() and dialog.errors.text("to_whom")
    typist(dialog.to_whom, "ЦНАП")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("accepted"))
    dialog.accept()
    assert not dialog.isVisible()
    intake = RecordService(context.db).get("intake", dialog.intake_id or "")
    assert intake is not None and intake["visitor_name"] is None  # anonymous
    referral = RecordService(context.db).get("referral", dialog.referral_id or "")
    assert referral is not None
    assert (referral["intake_id"], referral["to_whom"], referral["outcome"]) == (
        dialog.intake_id,
        "ЦНАП",
        "accepted",
    )
    from app.reports.summary import compute_summary

    today = dt.date.today()
    summary = compute_summary(context.db, today, today)
    assert summary.intake_consultations >= 1 and summary.referrals["accepted"] >= 1


def test_an_empty_act_is_asked_about_before_it_is_saved(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    # The act opens on its start date; Enter there saved an act with nothing in it, which
    # then counted among the period's assessments.
    card, dialog, before = new_act_from_the_card(qtbot, context)
    started = QApplication.focusWidget()
    qtbot.keyClick(started, Qt.Key.Key_Return)
    question = dialog.empty_question
    assert question is not None
    qtbot.waitUntil(question.isVisible, timeout=5000)
    assert question.text() == "В акті нічого не заповнено, крім дати початку й фахівця."
    assert dialog.fill_in_button is question.defaultButton()
    assert dialog.fill_in_button is question.escapeButton()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # «Заповнити»: back to the act, nothing saved
    qtbot.waitUntil(lambda: not question.isVisible(), timeout=5000)
    assert dialog.isVisible() and dialog.saved_id is None
    assert len(card.assessments_model.rows()) == before
    assert dialog.children[0][2]["health"].hasFocus()

    # typed into, it saves without a question
    typist(dialog.children[0][2]["health"], "Часті застуди")
    dialog.accept()
    assert not dialog.isVisible() and dialog.saved_id is not None
    assert len(card.assessments_model.rows()) == before + 1
    card.reject()


def test_an_empty_act_can_be_saved_as_started(qtbot: QtBot, context: AppContext) -> None:
    family_id = family_with_child_and_adult(context)
    dialog = AssessmentActDialog(context, family_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    question = dialog.empty_question
    assert question is not None and dialog.save_anyway_button is not None
    qtbot.waitUntil(question.isVisible, timeout=5000)
    dialog.save_anyway_button.click()  # «Зберегти»: an act begun, to be filled in later
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    stored = RecordService(context.db).get("assessment", dialog.saved_id or "")
    assert stored is not None and stored["started"] == dt.date.today()
    assert stored["conclusion"] is None
