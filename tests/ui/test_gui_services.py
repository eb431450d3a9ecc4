"""Quick entry of a service: pick a person by typing, Enter saves and keeps the dialog open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import ServiceRecord
from ui.context import AppContext
from ui.dialogs.service_dialog import ServiceDialog
from ui.pages.services_page import ServicesPage


def quick_entry(
    qtbot: QtBot, context: AppContext, typist: Callable[[QWidget, str], None]
) -> ServiceDialog:
    """The quick entry with a person of the demo chosen (typed «мар») and service 002.0."""
    dialog = ServiceDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.recipient, "мар")
    qtbot.waitUntil(lambda: bool(dialog.recipient._found), timeout=5000)
    dialog.recipient.choose(dialog.recipient._found[0])
    dialog.service.setCurrentIndex(dialog.service.findData("002.0"))
    return dialog


def services(context: AppContext) -> int:
    """Services recorded and not deleted."""
    with context.db.session() as session:
        query = select(func.count()).select_from(ServiceRecord)
        return int(session.scalar(query.where(ServiceRecord.deleted.is_(False))) or 0)


def test_service_is_entered_and_listed(
    qtbot: QtBot, context: AppContext, typist: Callable[[QWidget, str], None]
) -> None:
    dialog = quick_entry(qtbot, context, typist)
    person = dialog.recipient.chosen
    assert person is not None
    dialog.to_person.setChecked(True)
    dialog.minutes.setValue(45)
    typist(dialog.notes, "Консультація щодо виплат")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result_label.text().startswith("Збережено")
    assert dialog.notes.text() == ""
    with context.db.session() as session:
        record = session.get(ServiceRecord, saved.args[0])
    assert record is not None
    assert (record.service_code, record.minutes, record.person_id, record.date) == (
        "002.0",
        45,
        person.id,
        dt.date.today(),
    )
    assert record.family_id == person.family_id
    assert context.settings.recent_service_codes()[0] == "002.0"

    page = ServicesPage(context)
    qtbot.addWidget(page)
    ids = [r.id for r in page.model.rows()]
    assert saved.args[0] in ids


def test_service_needs_a_recipient(qtbot: QtBot, context: AppContext) -> None:
    dialog = ServiceDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save()
    assert dialog.errors.text("family_id") == "Оберіть, хто отримав послугу."


def test_the_total_time_keeps_its_minutes(qtbot: QtBot, context: AppContext) -> None:
    """Two services of 40 minutes were counted «1 година»: the minutes are said too."""
    import uuid

    from app.db.models import Family
    from app.services.records import RecordService

    with context.db.reading() as session:  # a family of the demo, any
        family_id = session.scalar(select(Family.id).where(Family.deleted.is_(False)))
    long_ago = dt.date(2003, 3, 3)
    service = RecordService(context.db)
    for _ in range(2):
        service.save(
            "service",
            str(uuid.uuid4()),
            {"family_id": family_id, "service_code": "002.0", "date": long_ago, "minutes": 40},
        )
    page = ServicesPage(context)
    qtbot.addWidget(page)
    page.date_from.set_value(long_ago)
    page.date_to.set_value(long_ago)
    page.reload()
    assert page.count_label.text() == "2 послуги · 1 година 20 хвилин"


def test_an_empty_services_list_says_how_to_start(qtbot: QtBot, new_centre: AppContext) -> None:
    """«Послуги» with nothing in the period showed an empty table and «0 послуг» only; it now
    says which button (and key) records a service, or that the dates can be changed."""
    page = ServicesPage(new_centre)
    qtbot.addWidget(page)
    page.show()
    assert page.empty.isVisible()
    assert "«Надати послугу…» (Ctrl+N)" in page.empty.text()
    assert page.empty.text().endswith(".")


def test_the_hint_of_an_empty_services_list_goes_and_comes_with_the_period(
    qtbot: QtBot, context: AppContext
) -> None:
    page = ServicesPage(context)
    qtbot.addWidget(page)
    page.show()
    page.date_from.set_value(dt.date(2025, 1, 1))
    page.reload()
    assert page.model.rowCount() and not page.empty.isVisible()
    page.date_from.set_value(dt.date(1990, 1, 1))
    page.date_to.set_value(dt.date(1990, 12, 31))
    page.reload()
    assert page.model.rowCount() == 0 and page.empty.isVisible()


def test_the_same_service_twice_is_asked_about(
    qtbot: QtBot, context: AppContext, typist: Callable[[QWidget, str], None]
) -> None:
    # Enter saves and keeps the dialog open with the same recipient, service and date: a
    # second Enter recorded the same service again, and the reports counted it twice.
    dialog = quick_entry(qtbot, context, typist)
    dialog.to_person.setChecked(True)
    dialog.date.set_value(dt.date.today() - dt.timedelta(days=400))  # no service of it yet
    before = services(context)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    assert services(context) == before + 1
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # the same again
    question = dialog.repeat_question
    assert question is not None
    qtbot.waitUntil(question.isVisible, timeout=5000)
    assert "уже записано" in question.text()
    assert dialog.skip_button is question.defaultButton() is question.escapeButton()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # «Не записувати»
    qtbot.waitUntil(lambda: not question.isVisible(), timeout=5000)
    assert services(context) == before + 1 and dialog.isVisible()

    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    question = dialog.repeat_question
    assert question is not None and dialog.record_again_button is not None
    qtbot.waitUntil(question.isVisible, timeout=5000)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.record_again_button.click()  # two the same day, on purpose
    assert services(context) == before + 2
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # a third: asked again, not let through
    assert dialog.repeat_question is not question and dialog.repeat_question is not None
    qtbot.waitUntil(dialog.repeat_question.isVisible, timeout=5000)
    qtbot.keyClick(dialog.repeat_question, Qt.Key.Key_Escape)
    assert services(context) == before + 2

    dialog.date.set_value(dt.date.today() - dt.timedelta(days=401))  # another day: no question
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    assert services(context) == before + 3


def _typed_in(
    qtbot: QtBot, context: AppContext, typist: Callable[[QWidget, str], None]
) -> ServiceDialog:
    dialog = quick_entry(qtbot, context, typist)
    dialog.date.set_value(dt.date(2004, 4, 4))  # a day with no such service yet
    dialog.notes.setFocus()
    typist(dialog.notes, "Консультація щодо пільг")
    return dialog


def test_esc_in_the_quick_entry_asks_and_save_saves_and_closes(
    qtbot: QtBot, context: AppContext, typist: Callable[[QWidget, str], None]
) -> None:
    """What was typed in the quick entry went with one Esc; now it is asked about, and
    «Зберегти» records the service and closes (the dialog's own Save stays open)."""
    before = services(context)
    dialog = _typed_in(qtbot, context, typist)
    assert dialog.windowTitle().startswith("• ")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.unsaved.question.isVisible()
    qtbot.mouseClick(dialog.unsaved.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert services(context) == before + 1


def test_after_a_save_the_quick_entry_closes_at_once(
    qtbot: QtBot, context: AppContext, typist: Callable[[QWidget, str], None]
) -> None:
    """What stays in the form after Enter is what was just saved: nothing to ask about."""
    before = services(context)
    dialog = _typed_in(qtbot, context, typist)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    assert not dialog.windowTitle().startswith("•")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.unsaved.question is None
    assert services(context) == before + 1
