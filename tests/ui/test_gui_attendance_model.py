"""The attendance grid and its table model, without any widget."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.services.rosters import ParticipantRow, SessionRow
from ui.models.attendance_grid import (
    ABSENT,
    EXCUSED,
    PRESENT,
    AttendanceGrid,
    next_mark,
)
from ui.models.attendance_model import AttendanceModel
from ui.models.roles import MARK_ROLE


def make_grid() -> AttendanceGrid:
    return AttendanceGrid(
        participants=[ParticipantRow("p1", "Бондар Ольга"), ParticipantRow("p2", "Ґут Ірина")],
        sessions=[SessionRow("s1", dt.date(2026, 3, 2)), SessionRow("s2", dt.date(2026, 3, 9))],
        marks={("p1", "s1"): PRESENT, ("p2", "s1"): ABSENT, ("p1", "s2"): PRESENT},
    )


def test_cycle_order_starts_with_present() -> None:
    assert next_mark(None) == PRESENT
    assert next_mark(PRESENT) == ABSENT
    assert next_mark(ABSENT) == EXCUSED
    assert next_mark(EXCUSED) == PRESENT


def test_totals_count_present_only() -> None:
    grid = make_grid()
    assert grid.row_present(0) == 2
    assert grid.row_present(1) == 0
    assert grid.column_present(0) == 1
    assert grid.total_present() == 2


def test_model_shape_has_totals_row_and_column() -> None:
    model = AttendanceModel(make_grid())
    assert model.rowCount() == 3
    assert model.columnCount() == 3
    assert model.headerData(0, Qt.Orientation.Horizontal) == "02.03"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Ґут Ірина"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Разом"


def test_model_symbols_and_totals_in_ukrainian() -> None:
    model = AttendanceModel(make_grid())
    assert model.data(model.index(0, 0)) == "✓"
    assert model.data(model.index(1, 0)) == "✗"
    assert model.data(model.index(1, 1)) == ""
    assert model.data(model.index(0, 2)) == "2 з 2"
    assert model.data(model.index(2, 0)) == "1"
    assert model.data(model.index(0, 0), MARK_ROLE) == PRESENT
    assert "присутній" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)


def test_cycle_updates_totals_and_announces_change() -> None:
    model = AttendanceModel(make_grid())
    seen: list[tuple[str, str, object]] = []
    model.mark_changed.connect(lambda p, s, m: seen.append((p, s, m)))
    assert model.cycle(model.index(1, 1)) == PRESENT
    assert seen == [("p2", "s2", PRESENT)]
    assert model.data(model.index(1, 2)) == "1 з 2"
    assert model.data(model.index(2, 1)) == "2"
    assert model.data(model.index(1, 1)) == "✓"


def test_totals_cells_are_not_editable() -> None:
    model = AttendanceModel(make_grid())
    assert model.cycle(model.index(2, 0)) is None
    assert not model.setData(model.index(0, 2), PRESENT)
    assert not model.flags(model.index(2, 2)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(1, 0), EXCUSED)
    assert model.data(model.index(1, 0)) == "П"
