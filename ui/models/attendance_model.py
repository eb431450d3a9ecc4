"""Attendance grid as a table: one row per participant (names in the frozen row header),
one column per session (dd.MM), a totals column and a totals row.

The cells are Qt's own items (a QStandardItemModel): painting the grid asks the model for
every visible cell and role, and answering those questions in Python cost each mark a
thousand calls into the interpreter — each waiting for the lock a background write holds.
Here a mark changes four items (the cell and three totals) and painting stays in C++."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from app.services.rosters import same_day_tags
from ui import style
from ui.models.attendance_grid import ABSENT, EXCUSED, PRESENT, AttendanceGrid
from ui.models.roles import ID_ROLE, MARK_ROLE
from ui.text import count_text, date_text, short_date_text

_Index = QModelIndex | QPersistentModelIndex
_BACKGROUND = {
    PRESENT: QColor(style.GOOD[0]),
    ABSENT: QColor(style.BAD[0]),
    EXCUSED: QColor(style.WARNING[0]),
}
_TOTALS = QBrush(QColor(style.NEUTRAL[0]))
_ROLE = Qt.ItemDataRole
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_MARK_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_TOTAL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class AttendanceModel(QStandardItemModel):
    """Edits marks in an AttendanceGrid and announces each change for saving."""

    mark_changed = Signal(str, str, object)  # participant id, session id, mark or None

    def __init__(self, grid: AttendanceGrid | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = AttendanceGrid()
        self.set_grid(grid or AttendanceGrid())

    @property
    def grid(self) -> AttendanceGrid:
        return self._grid

    def set_grid(self, grid: AttendanceGrid) -> None:
        """Build every item once (a load); marks then change single items."""
        self._grid = grid
        self._symbols, self._names = self.mark_symbols(), self.mark_names()
        self._not_marked = self.tr("not marked")
        self._row_total = self.tr("{present} of {total}")
        # a day's several sessions: the start time (or the order) under the date
        self._days = [
            short_date_text(session.date) + (f"\n{tag}" if tag else "")
            for session, tag in zip(
                grid.sessions, same_day_tags(grid.sessions, self.tr("No. {n}")), strict=True
            )
        ]
        rows, columns = len(grid.participants), len(grid.sessions)
        self.blockSignals(True)  # one reset below instead of a signal per item
        try:
            self.clear()
            self.setRowCount(rows + 1)
            self.setColumnCount(columns + 1)
            for column, session in enumerate(grid.sessions):
                header = QStandardItem(self._days[column])
                when = ", ".join(part for part in (date_text(session.date), session.time) if part)
                header.setToolTip(f"{when} — {session.topic}" if session.topic else when)
                self.setHorizontalHeaderItem(column, header)
            self.setHorizontalHeaderItem(columns, QStandardItem(self.tr("Total")))
            for row, participant in enumerate(grid.participants):
                self.setVerticalHeaderItem(row, QStandardItem(participant.name))
            self.setVerticalHeaderItem(rows, QStandardItem(self.tr("Present at the session")))
            for row in range(rows):
                for column in range(columns):
                    item = QStandardItem()
                    item.setFlags(_MARK_FLAGS)
                    item.setData(_CENTRE, _ROLE.TextAlignmentRole)
                    item.setData((grid.participants[row].id, grid.sessions[column].id), ID_ROLE)
                    self._show_mark(item, row, column)
                    self.setItem(row, column, item)
            for row, column in [(r, columns) for r in range(rows + 1)] + [
                (rows, c) for c in range(columns)
            ]:
                item = QStandardItem()
                item.setFlags(_TOTAL_FLAGS)
                item.setData(_CENTRE, _ROLE.TextAlignmentRole)
                item.setData(_TOTALS, _ROLE.BackgroundRole)
                self.setItem(row, column, item)
            self._show_totals(range(rows), range(columns))
        finally:
            self.blockSignals(False)
        self.beginResetModel()
        self.endResetModel()

    def mark_symbols(self) -> dict[str, str]:
        return {PRESENT: self.tr("✓"), ABSENT: self.tr("✗"), EXCUSED: self.tr("E", "excused")}

    def mark_names(self) -> dict[str, str]:
        return {
            PRESENT: self.tr("present"),
            ABSENT: self.tr("absent"),
            EXCUSED: self.tr("absent for a good reason"),
        }

    # what the items show
    def _show_mark(self, item: QStandardItem, row: int, column: int) -> None:
        grid = self._grid
        mark = grid.mark(row, column)
        name = self._names.get(mark or "", self._not_marked)
        day = self._days[column].replace("\n", " ")
        tip = f"{grid.participants[row].name}, {day}: {name}"
        item.setData(self._symbols.get(mark or "", ""), _ROLE.DisplayRole)
        item.setData(tip, _ROLE.ToolTipRole)
        item.setData(tip, _ROLE.AccessibleTextRole)
        item.setData(QBrush(_BACKGROUND[mark]) if mark else None, _ROLE.BackgroundRole)
        item.setData(mark, MARK_ROLE)

    def _set_text(self, row: int, column: int, text: str) -> None:
        item = self.item(row, column)
        if item is not None and item.text() != text:
            item.setData(text, _ROLE.DisplayRole)
            item.setData(text, _ROLE.AccessibleTextRole)

    def _show_totals(self, rows: range | list[int], columns: range | list[int]) -> None:
        grid = self._grid
        last_row, last_column = len(grid.participants), len(grid.sessions)
        for row in rows:  # «18 з 22»
            text = self._row_total.format(present=grid.row_present(row), total=last_column)
            self._set_text(row, last_column, text)
        for column in columns:
            self._set_text(last_row, column, str(grid.column_present(column)))
        visits = self.tr("{n} visit|{n} visits|{n} visits")
        self._set_text(last_row, last_column, count_text(grid.total_present(), visits))

    # marking
    def is_mark_cell(self, index: _Index) -> bool:
        return (
            index.isValid()
            and index.row() < len(self._grid.participants)
            and index.column() < len(self._grid.sessions)
        )

    def setData(self, index: _Index, value: Any, role: int = _ROLE.EditRole) -> bool:
        if role not in (_ROLE.EditRole, MARK_ROLE) or not self.is_mark_cell(index):
            return False
        mark = value or None
        if self._grid.mark(index.row(), index.column()) == mark:
            return True
        self._grid.set_mark(index.row(), index.column(), mark)
        self._announce(index)
        return True

    def cycle(self, index: _Index) -> str | None:
        """Space / click: the next mark in the cycle; None when the cell is not a mark cell."""
        if not self.is_mark_cell(index):
            return None
        mark = self._grid.cycle(index.row(), index.column())
        self._announce(index)
        return mark

    def _announce(self, index: _Index) -> None:
        row, column = index.row(), index.column()
        item = self.item(row, column)
        if item is not None:
            self._show_mark(item, row, column)
        self._show_totals([row], [column])
        participant = self._grid.participants[row].id
        session = self._grid.sessions[column].id
        self.mark_changed.emit(participant, session, self._grid.mark(row, column))
