"""The groups page as the group tests open it: shown at 1300×700, and with the card of the
demo's first group open."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.pages.groups_page import GroupsPage


def shown_groups_page(qtbot: QtBot, context: AppContext) -> GroupsPage:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def first_group_card(qtbot: QtBot, context: AppContext) -> GroupsPage:
    page = shown_groups_page(qtbot, context)
    page.open_group(page.model.row_at(0).id)
    assert page.sheet is not None
    return page
