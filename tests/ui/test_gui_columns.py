"""Columns at 1366×768 and 100 %: names whole, no title cut, a new member's name whole
before saving."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.services.family_form import Member
from ui.context import AppContext
from ui.models.families_model import COL_NAME
from ui.pages.families_page import FamiliesPage
from ui.pages.groups_page import GroupsPage

Typist = Callable[[QWidget, str], None]


def titles_fit(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    cut = []
    for column in range(header.count()):
        title = str(view.model().headerData(column, Qt.Orientation.Horizontal))
        if header.sectionSize(column) < header.fontMetrics().horizontalAdvance(title) + 12:
            cut.append(title)
    return cut


def test_family_names_are_whole_and_no_title_is_cut(qtbot: QtBot, context: AppContext) -> None:
    page = FamiliesPage(context)
    qtbot.addWidget(page)
    page.resize(1366 - 180, 700)
    page.show()
    qtbot.waitUntil(lambda: page.index is not None, timeout=10_000)
    header = page.table.horizontalHeader()
    assert titles_fit(page.table) == []
    assert page.table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(COL_NAME) >= page.table.sizeHintForColumn(COL_NAME)
    last = header.count() - 1
    assert header.sectionSize(last) < header.sectionSize(COL_NAME)


def test_groups_titles_whole(qtbot: QtBot, context: AppContext) -> None:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.resize(1366 - 180, 700)
    page.show()
    qtbot.waitExposed(page)
    assert titles_fit(page.table) == []
    assert page.table.horizontalScrollBar().maximum() == 0


def test_a_new_member_shows_whole_before_saving(qtbot: QtBot, context: AppContext) -> None:
    from ui.dialogs.family_card import FamilyCard

    card = FamilyCard(context, None)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    card.tabs.setCurrentIndex(1)
    card.members_model.add(Member(surname="Ткаченко-Костюкевич", given_name="Олександра"))
    view = card.members_view
    assert view.horizontalHeader().sectionSize(0) >= view.sizeHintForColumn(0)
    card.dirty = False
    card.reject()


def test_at_150_percent_the_name_keeps_room_for_a_name(qtbot: QtBot, context: AppContext) -> None:
    """At 150 % on 1366×768 (about 730 logical pixels for the list) every column shrank in
    proportion and the family's name, the column that says which row is which, read
    «Андріє…» while «Населений пункт» kept its whole title's width and more."""
    from ui.widgets.columns import NAME_CHARS

    page = FamiliesPage(context)
    qtbot.addWidget(page)
    page.resize(730, 480)
    page.show()
    qtbot.waitUntil(lambda: page.index is not None, timeout=10_000)
    header = page.table.horizontalHeader()
    char = page.table.fontMetrics().averageCharWidth()
    assert header.sectionSize(COL_NAME) >= NAME_CHARS * char
    assert page.table.horizontalScrollBar().maximum() == 0
