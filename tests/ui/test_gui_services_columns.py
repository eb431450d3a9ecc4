"""The services list at 1366×768 and 100 %: the recipient and the form are read whole, the
service's name (which has room to spare) gives way first."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.pages.services_page import ServicesPage

RECIPIENT, FORM = 2, 4


def test_recipient_and_form_are_whole(qtbot: QtBot, context: AppContext) -> None:
    page = ServicesPage(context)
    qtbot.addWidget(page)
    page.resize(1366 - 180, 700)
    page.show()
    qtbot.waitExposed(page)
    page.date_from.set_value(dt.date(2026, 2, 1))
    page.date_to.set_value(dt.date(2026, 3, 2))
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 10, timeout=10_000)
    header = page.table.horizontalHeader()
    for column in (RECIPIENT, FORM):
        assert header.sectionSize(column) >= page.table.sizeHintForColumn(column), column
    assert page.table.horizontalScrollBar().maximum() == 0
