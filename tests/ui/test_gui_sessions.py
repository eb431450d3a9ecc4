"""A group's sessions in its card: a date outside the group's period is asked about before
it is saved (never refused: a group may be extended)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.records import RecordService
from tests.ui.groups import first_group_card
from ui.context import AppContext
from ui.dialogs.session_dialog import SessionDialog
from ui.pages.groups_page import GroupsPage

Typist = Callable[[QWidget, str], None]


def new_session(qtbot: QtBot, page: GroupsPage, typist: Typist, day: str) -> SessionDialog:
    qtbot.mouseClick(page.add_session_button, Qt.MouseButton.LeftButton)
    dialog = page.session_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.date.edit.clear()
    typist(dialog.date.edit, day)
    typist(dialog.topic, "Підсумкова зустріч")
    qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)
    return dialog


def dotted(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def test_a_session_after_the_group_ended_is_asked_about_and_the_date_can_be_corrected(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    """A session dated after the group's end was saved without a word. The user is now told
    the group's period and chooses: correct the date (Enter, the default) or save it."""
    page = first_group_card(qtbot, context)
    assert page.sheet is not None
    group = page.sheet.group
    assert group.start_date is not None and group.end_date is not None
    sessions = len(page.sheet.sessions)
    late = group.end_date + dt.timedelta(days=30)

    dialog = new_session(qtbot, page, typist, dotted(late))
    box = dialog.period_question
    assert box is not None and box.isVisible()
    assert dialog.isVisible() and len(page.sheet.sessions) == sessions  # nothing saved yet
    text = box.text()
    assert dotted(late) in text and "пізніша за завершення групи" in text
    assert f"Період групи: {dotted(group.start_date)} – {dotted(group.end_date)}." in text
    assert box.defaultButton() is dialog.correct_date_button
    assert dialog.correct_date_button is not None
    assert dialog.correct_date_button.text().replace("&", "") == "Виправити дату"

    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: back to the date
    assert not box.isVisible() and dialog.isVisible()
    qtbot.waitUntil(dialog.date.edit.hasFocus, timeout=5000)
    assert len(page.sheet.sessions) == sessions

    inside = group.end_date - dt.timedelta(days=1)
    dialog.date.edit.clear()
    typist(dialog.date.edit, dotted(inside))
    qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)  # within the period: no question
    assert not dialog.isVisible() and dialog.saved_id is not None
    stored = RecordService(context.db).get("session", dialog.saved_id)
    assert stored is not None and stored["date"] == inside
    assert len(page.sheet.sessions) == sessions + 1


def test_a_session_before_the_group_starts_is_saved_when_the_user_says_so(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    page = first_group_card(qtbot, context)
    assert page.sheet is not None
    group = page.sheet.group
    assert group.start_date is not None
    early = group.start_date - dt.timedelta(days=3)

    dialog = new_session(qtbot, page, typist, dotted(early))
    box = dialog.period_question
    assert box is not None and box.isVisible()
    assert dotted(early) in box.text() and "раніша за початок групи" in box.text()
    assert dialog.save_anyway_button is not None
    assert dialog.save_anyway_button.text().replace("&", "") == "Зберегти"
    qtbot.mouseClick(dialog.save_anyway_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.saved_id is not None
    stored = RecordService(context.db).get("session", dialog.saved_id)
    assert stored is not None and stored["date"] == early  # kept as typed, not refused
    assert page.sheet.sessions[0].id == dialog.saved_id  # the earliest column


def test_a_session_already_outside_the_period_is_not_asked_about_again(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    """Only a date the user has just set is asked about: changing the topic of a session
    saved outside the period earlier saves at once."""
    page = first_group_card(qtbot, context)
    assert page.sheet is not None and page.group_id is not None
    group = page.sheet.group
    assert group.end_date is not None
    late = group.end_date + dt.timedelta(days=7)
    session_id = RecordService(context.db).save(
        "session", None, {"group_id": page.group_id, "date": late}
    )
    page.open_group(page.group_id, session_id)
    page.edit_session()
    dialog = page.session_dialog
    assert dialog is not None and dialog.session_id == session_id
    typist(dialog.topic, "Перенесене заняття")
    qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)
    assert dialog.period_question is None
    assert not dialog.isVisible()
    stored = RecordService(context.db).get("session", session_id)
    assert stored is not None and stored["topic"] == "Перенесене заняття"


def test_sessions_on_the_same_day_are_told_apart_in_the_grid(
    qtbot: QtBot, context: AppContext
) -> None:
    """Two sessions of a day had the same «dd.MM» column title and tooltip: which was the
    morning one could not be seen. A day's sessions now show their start time under the
    date, or their order that day when they have none; the topic is in the tooltip."""
    page = first_group_card(qtbot, context)
    assert page.sheet is not None and page.group_id is not None
    group = page.sheet.group
    assert group.start_date is not None
    taken = {s.date for s in page.sheet.sessions}
    busy, quiet = (group.start_date + dt.timedelta(days=n) for n in (1, 2))
    assert not {busy, quiet} & taken
    records = RecordService(context.db)
    ids = {}
    for name, day, time, topic in (
        ("evening", busy, "17:30", "Батьківські збори"),
        ("morning", busy, "09:00", "Ранкова зустріч"),
        ("first", quiet, None, None),
        ("second", quiet, None, None),
    ):
        fields = {"group_id": page.group_id, "date": day, "time": time, "topic": topic}
        ids[name] = records.save("session", None, fields)
    page.open_group(page.group_id)
    assert page.sheet is not None
    column = {s.id: i for i, s in enumerate(page.sheet.sessions)}

    def title(name: str) -> str:
        return str(page.grid_model.headerData(column[ids[name]], Qt.Orientation.Horizontal))

    def tip(name: str) -> str:
        role = Qt.ItemDataRole.ToolTipRole
        return str(page.grid_model.headerData(column[ids[name]], Qt.Orientation.Horizontal, role))

    day = f"{busy:%d.%m}"
    assert (title("morning"), title("evening")) == (f"{day}\n09:00", f"{day}\n17:30")
    assert column[ids["morning"]] < column[ids["evening"]]
    assert "09:00" in tip("morning") and "Ранкова зустріч" in tip("morning")
    assert f"{busy:%d.%m.%Y}" in tip("morning")
    day = f"{quiet:%d.%m}"
    assert {title("first"), title("second")} == {f"{day}\n№ 1", f"{day}\n№ 2"}
    alone = next(s for s in page.sheet.sessions if s.date not in (busy, quiet))
    assert "\n" not in str(page.grid_model.headerData(column[alone.id], Qt.Orientation.Horizontal))
    # a mark's tooltip names the session by its time too
    cell = page.grid_model.index(0, column[ids["morning"]])
    assert "09:00" in str(cell.data(Qt.ItemDataRole.ToolTipRole))
