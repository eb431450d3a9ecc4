"""The attendance grid: marks entered by keyboard land in the database; totals follow."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Attendance
from ui.context import AppContext
from ui.pages.groups_page import GroupsPage


def test_attendance_by_keyboard_is_saved(qtbot: QtBot, context: AppContext) -> None:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.model.total() == 4
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 1
    assert page.sheet is not None
    before = {s.id for s in page.sheet.sessions}
    qtbot.mouseClick(page.add_session_button, Qt.MouseButton.LeftButton)
    adding = page.session_dialog
    assert adding is not None and adding.isVisible()
    assert adding.date.value() == dt.date.today()
    qtbot.keyClick(adding.topic, Qt.Key.Key_Return)  # Enter adds the session for today
    if adding.save_anyway_button is not None:  # today is after the demo group's end
        qtbot.mouseClick(adding.save_anyway_button, Qt.MouseButton.LeftButton)
    assert not adding.isVisible()
    assert len(page.sheet.sessions) == len(before) + 1
    column, new_session = next(
        (i, s) for i, s in enumerate(page.sheet.sessions) if s.id not in before
    )
    assert new_session.id not in {sid for _pid, sid in page.sheet.marks}

    grid = page.grid
    grid.setFocus()
    grid.setCurrentIndex(page.grid_model.index(0, 0))
    for _ in range(column):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Space)  # present
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    qtbot.keyClick(grid, Qt.Key.Key_Space)  # absent
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    for _ in range(3):
        qtbot.keyClick(grid, Qt.Key.Key_Space)  # excused
    assert grid.currentIndex().row() == 2 and grid.currentIndex().column() == column

    people = [p.id for p in page.sheet.participants[:3]]
    page.wait_for_marks()  # marks are written after they show, in the order typed
    with context.db.session() as session:
        stored = dict(
            session.execute(
                select(Attendance.participant_id, Attendance.mark).where(
                    Attendance.session_id == new_session.id, Attendance.deleted.is_(False)
                )
            ).all()
        )
    assert stored == {people[0]: "present", people[1]: "absent", people[2]: "excused"}
    totals_row = page.grid_model.rowCount() - 1
    assert page.grid_model.index(totals_row, column).data() == "1"
    assert page.grid_model.index(2, column).data() == "П"

    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    page.wait_for_marks()
    with context.db.session() as session:
        live = session.scalars(
            select(Attendance.participant_id).where(
                Attendance.session_id == new_session.id, Attendance.deleted.is_(False)
            )
        ).all()
    assert sorted(live) == sorted(people[:2])


def test_new_group_with_an_outside_participant(
    qtbot: QtBot, context: AppContext, typist: object
) -> None:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.new_item()
    dialog = page.group_dialog
    assert dialog is not None
    dialog.accept()
    assert dialog.errors.text("name") == "Введіть назву групи."
    typist(dialog.name, "Батьківський клуб")  # type: ignore[operator]
    dialog.category.setCurrentIndex(dialog.category.findData("large_family"))
    dialog.accept()
    assert page.model.total() == 5
    assert page.stack.currentIndex() == 1
    assert page.card_title.text() == "Батьківський клуб"

    page.add_participant()
    adding = page.participant_dialog
    assert adding is not None
    adding.outside.setChecked(True)
    typist(adding.name, "Ковальчук Ніна")  # type: ignore[operator]
    typist(adding.phone, "050 111 22 33")  # type: ignore[operator]
    adding.accept()
    assert [p.name for p in page.sheet.participants] == ["Ковальчук Ніна"]  # type: ignore[union-attr]
    assert page.sheet.participants[0].phone == "+380501112233"  # type: ignore[union-attr]


def test_a_mark_shows_before_it_is_written_and_is_written_off_the_gui_thread(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import ui.pages.group_card as groups_module  # the card writes the marks

    writers: list[int] = []
    real = groups_module.set_mark
    gate = threading.Event()

    def slow_mark(*args: object) -> None:
        gate.wait(5)  # the disk is slow: the cell must not wait for it
        writers.append(threading.get_ident())
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(groups_module, "set_mark", slow_mark)
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.open_group(page.model.row_at(0).id)
    grid = page.grid
    grid.setFocus()
    grid.setCurrentIndex(page.grid_model.index(0, 0))
    before = page.grid_model.index(0, 0).data()
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert page.grid_model.index(0, 0).data() != before  # shown while the write waits
    assert writers == []
    gate.set()
    page.wait_for_marks()
    assert writers and threading.get_ident() not in writers


def test_ctrl_p_prints_the_journal_of_the_group_open_or_chosen(
    qtbot: QtBot, context: AppContext
) -> None:
    """Файл → Друк (Ctrl+P) was greyed out on the groups page: printing took the card's own
    buttons. It prints the attendance journal of the group open, or of the one chosen."""
    from ui.shell import Shell

    shell = Shell(context)
    qtbot.addWidget(shell.window)
    shell.window.show()
    page = shell.window.show_page("groups")
    assert isinstance(page, GroupsPage)
    assert shell.window.print_action.isEnabled()
    page.table.setCurrentIndex(page.model.index(0, 0))
    shell.window.print_action.trigger()
    assert page.stack.currentIndex() == 1  # the chosen group opened, its journal printing
    job = page.print_job
    qtbot.waitUntil(lambda: job.preview is not None, timeout=20_000)
    assert job.preview is not None and job.preview.isVisible()
    job.preview.close()


def test_a_group_for_no_one_in_particular_says_so_with_a_dash(
    qtbot: QtBot, context: AppContext
) -> None:
    """«Для кого:» was left blank for a group without a target category; the place and the
    facilitator beside it show «—» when empty, and so does it now."""
    from app.services.records import RecordService

    group_id = RecordService(context.db).save("group", None, {"name": "Клуб вихідного дня"})
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.open_group(group_id)
    info = page.card_info.text()
    assert info.startswith("Для кого: — · Місце: — · Ведучий: —"), info


def test_an_empty_groups_list_says_how_to_start(qtbot: QtBot, new_centre: AppContext) -> None:
    """A new centre's «Групи» page showed an empty table and a bare «Ще немає жодної групи.»;
    like the family card's empty tabs, it now says which button (and key) starts a group."""
    page = GroupsPage(new_centre)
    qtbot.addWidget(page)
    page.show()
    assert page.empty.isVisible()
    assert "«Нова група…» (Ctrl+N)" in page.empty.text()
    assert page.empty.text().endswith(".")


def test_the_hint_of_an_empty_groups_list_is_gone_when_there_are_groups(
    qtbot: QtBot, context: AppContext
) -> None:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.model.total() and not page.empty.isVisible()
