"""Marking attendance stays fast on a loaded laptop: after a Space, painting the grid runs
no Python at all (each call into the interpreter from the paint waited for the lock a
background write held; a thousand of them made a mark take 66 ms at p95)."""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.pages.groups_page import GroupsPage


def _python_calls_during(action: Any) -> list[str]:
    calls: list[str] = []

    def seen(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call":
            calls.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")

    sys.setprofile(seen)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


def test_painting_the_grid_after_a_mark_runs_no_python(qtbot: QtBot, context: AppContext) -> None:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitExposed(page):
        page.show()
    page.open_group(max(page.model.rows(), key=lambda r: r.participants).id)
    grid, model = page.grid, page.grid_model
    assert model.rowCount() > 2 and model.columnCount() > 2
    grid.setFocus()
    grid.setCurrentIndex(model.index(1, 1))
    before = model.index(1, 1).data()
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    calls = _python_calls_during(grid.viewport().repaint)
    assert model.index(1, 1).data() != before
    assert [c for c in calls if "/ui/" in c] == []
    page.wait_for_marks()
