"""The attendance grid view: arrows move, Space cycles the mark, Delete clears it, a click
cycles too, F2 changes the session. Participant names are the row header, so they stay when
scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.attendance_model import AttendanceModel


class AttendanceView(QTableView):
    """F2 asks to change the selected session (`edit_session_requested(column)`)."""

    edit_session_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # sized once per load (fit_to_contents), not on every mark: ResizeToContents asked
        # the model for every cell after each Space, a fifth of a second on a big group
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.clicked.connect(self._clicked)

    def fit_to_contents(self) -> None:
        """Columns and rows as wide and tall as what they show (after a load)."""
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        header = self.horizontalHeader()
        if header.count():  # room for the totals to grow («9 з 22» → «10 з 22»)
            last = header.count() - 1
            header.resizeSection(
                last, header.sectionSize(last) + self.fontMetrics().horizontalAdvance("00")
            )
        self.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def attendance(self) -> AttendanceModel | None:
        model = self.model()
        return model if isinstance(model, AttendanceModel) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.attendance()
        index = self.currentIndex()
        if model is not None and index.isValid():
            if event.key() == Qt.Key.Key_Space:
                model.cycle(index)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                model.setData(index, None)
                return
            if event.key() == Qt.Key.Key_F2:
                self.edit_session_requested.emit(index.column())
                return
        super().keyPressEvent(event)

    def _clicked(self, index: QModelIndex) -> None:
        model = self.attendance()
        if model is not None:
            model.cycle(index)
