"""Attendance grid as a table: one row per participant (names in the frozen row header),
one column per session (dd.MM), a totals column and a totals row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ui.models.attendance_grid import ABSENT, EXCUSED, PRESENT, AttendanceGrid
from ui.models.roles import ID_ROLE, MARK_ROLE
from ui.text import count_text, short_date_text

_Index = QModelIndex | QPersistentModelIndex
_BACKGROUND = {PRESENT: QColor("#e3f1e3"), ABSENT: QColor("#f7e1e1"), EXCUSED: QColor("#fdf3d8")}
_TOTALS = QColor("#eeeeee")


class AttendanceModel(QAbstractTableModel):
    """Edits marks in an AttendanceGrid and announces each change for saving."""

    mark_changed = Signal(str, str, object)  # participant id, session id, mark or None

    def __init__(self, grid: AttendanceGrid | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = grid or AttendanceGrid()

    @property
    def grid(self) -> AttendanceGrid:
        return self._grid

    def set_grid(self, grid: AttendanceGrid) -> None:
        self.beginResetModel()
        self._grid = grid
        self.endResetModel()

    def mark_symbols(self) -> dict[str, str]:
        return {PRESENT: self.tr("✓"), ABSENT: self.tr("✗"), EXCUSED: self.tr("E", "excused")}

    def mark_names(self) -> dict[str, str]:
        return {
            PRESENT: self.tr("present"),
            ABSENT: self.tr("absent"),
            EXCUSED: self.tr("absent for a good reason"),
        }

    # shape
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.participants) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.sessions) + 1

    def is_mark_cell(self, index: _Index) -> bool:
        return (
            index.isValid()
            and index.row() < len(self._grid.participants)
            and index.column() < len(self._grid.sessions)
        )

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.is_mark_cell(index) else base

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        grid = self._grid
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section < len(grid.sessions):
                session = grid.sessions[section]
                if role == Qt.ItemDataRole.ToolTipRole:
                    return session.topic or short_date_text(session.date)
                return short_date_text(session.date)
            return self.tr("Total")
        if section < len(grid.participants):
            return grid.participants[section].name
        return self.tr("Present at the session")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        grid = self._grid
        row, column = index.row(), index.column()
        rows, columns = len(grid.participants), len(grid.sessions)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if row < rows and column < columns:
            mark = grid.mark(row, column)
            if role == Qt.ItemDataRole.DisplayRole:
                return self.mark_symbols().get(mark or "", "")
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                name = self.mark_names().get(mark or "", self.tr("not marked"))
                day = short_date_text(grid.sessions[column].date)
                return f"{grid.participants[row].name}, {day}: {name}"
            if role == Qt.ItemDataRole.BackgroundRole and mark:
                return QBrush(_BACKGROUND[mark])
            if role == MARK_ROLE:
                return mark
            if role == ID_ROLE:
                return (grid.participants[row].id, grid.sessions[column].id)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_TOTALS)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if row < rows:  # totals column: «18 з 22»
            return self.tr("{present} of {total}").format(
                present=grid.row_present(row), total=columns
            )
        if column < columns:  # totals row
            return str(grid.column_present(column))
        return count_text(grid.total_present(), self.tr("{n} visit|{n} visits|{n} visits"))

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role not in (Qt.ItemDataRole.EditRole, MARK_ROLE) or not self.is_mark_cell(index):
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
        self.dataChanged.emit(index, index)
        last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
        self.dataChanged.emit(self.index(row, last_column), self.index(row, last_column))
        self.dataChanged.emit(self.index(last_row, column), self.index(last_row, last_column))
        participant = self._grid.participants[row].id
        session = self._grid.sessions[column].id
        self.mark_changed.emit(participant, session, self._grid.mark(row, column))
