"""Групи: the list of support groups, and a group's card with its attendance grid."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.group_queries import GroupSheet, add_session, group_rows, group_sheet, set_mark
from ui.context import AppContext
from ui.dialogs.group_dialog import GroupDialog
from ui.dialogs.participant_dialog import ParticipantDialog
from ui.icons import icon
from ui.labels import sentence
from ui.models.attendance_grid import AttendanceGrid, GridParticipant, GridSession
from ui.models.attendance_model import AttendanceModel
from ui.models.lists import GroupsModel
from ui.models.table import TableProxy
from ui.text import date_text
from ui.widgets.attendance_view import AttendanceView


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


class GroupsPage(QWidget):
    """List ⇄ card in one place; Enter opens a group, «До списку» (Esc) goes back."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sheet: GroupSheet | None = None
        self.group_id: str | None = None
        self.participant_dialog: ParticipantDialog | None = None
        self.group_dialog: GroupDialog | None = None

        # list
        self.model = GroupsModel(lambda code: context.label("category", code), self)
        self.proxy = TableProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Support groups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.empty = QLabel(self.tr("There are no support groups yet."))
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        new_group = QPushButton(icon("plus"), self.tr("New group…"))
        new_group.setToolTip(self.tr("New support group (Ctrl+N)"))
        new_group.clicked.connect(self.new_item)
        heading = QHBoxLayout()
        heading.addWidget(_title(self.tr("Support groups")))
        heading.addStretch(1)
        heading.addWidget(new_group)
        list_layout.addLayout(heading)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.empty)

        # card
        self.card_title = _title("")
        self.card_info = QLabel()
        self.card_info.setWordWrap(True)
        back = QPushButton(self.tr("← To the list"))
        back.setShortcut(Qt.Key.Key_Escape)
        back.clicked.connect(self.show_list)
        self.add_session_button = QPushButton(icon("calendar-plus"), self.tr("+ Session"))
        self.add_session_button.setToolTip(self.tr("Add a session for today"))
        self.add_session_button.clicked.connect(self.add_session_today)
        self.add_participant_button = QPushButton(icon("user-plus"), self.tr("Add participant…"))
        self.add_participant_button.clicked.connect(self.add_participant)
        self.journal_button = QPushButton(icon("printer"), self.tr("Attendance journal"))
        self.journal_button.clicked.connect(self.print_journal)
        self.registration_button = QPushButton(icon("printer"), self.tr("Registration sheet"))
        self.registration_button.clicked.connect(self.print_registration)
        self.grid_model = AttendanceModel(parent=self)
        self.grid_model.mark_changed.connect(self._mark_changed)
        self.grid = AttendanceView()
        self.grid.setModel(self.grid_model)
        self.grid.setAccessibleName(self.tr("Attendance"))
        self.grid_error = QLabel()
        self.grid_error.setStyleSheet("color: #b00020;")
        self.legend = QLabel(
            self.tr(
                "✓ present · ✗ absent · П absent for a good reason. Arrows move, Space "
                "changes the mark, Delete clears it."
            )
        )
        self.legend.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.card_title, 1)
        actions = QHBoxLayout()
        for button in (
            self.add_session_button,
            self.add_participant_button,
            self.journal_button,
            self.registration_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.addLayout(top)
        card_layout.addWidget(self.card_info)
        card_layout.addLayout(actions)
        card_layout.addWidget(self.grid, 1)
        card_layout.addWidget(self.grid_error)
        card_layout.addWidget(self.legend)

        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(card_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.reload()

    def reload(self) -> None:
        rows = group_rows(self.context.db)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if self.table.currentIndex().row() < 0 and rows:
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def on_shown(self) -> None:
        (self.grid if self.stack.currentIndex() == 1 else self.table).setFocus()

    def _open_index(self, index: QModelIndex) -> None:
        row = self.proxy.row_object(index)
        if row is not None:
            self.open_group(row.id)

    def open_group(self, group_id: str) -> None:
        self.group_id = group_id
        self.sheet = group_sheet(self.context.db, group_id)
        if self.sheet is None:
            return
        info = self.sheet.group
        self.card_title.setText(str(info.get("name") or ""))
        start, end = info.get("start_date"), info.get("end_date")
        self.card_info.setText(
            self.tr(
                "For whom: {category} · Place: {place} · Facilitator: {who} · {start} – {end}"
            ).format(
                category=self.context.label("category", info.get("target_category")),  # type: ignore[arg-type]
                place=info.get("place") or "—",
                who=info.get("facilitator") or "—",
                start=date_text(start) if isinstance(start, dt.date) else "…",
                end=date_text(end) if isinstance(end, dt.date) else "…",
            )
        )
        self._show_grid()
        self.stack.setCurrentIndex(1)
        self.grid.setFocus()
        if self.grid_model.rowCount() > 1 and self.grid_model.columnCount() > 1:
            last = max(0, len(self.sheet.sessions) - 1)
            self.grid.setCurrentIndex(self.grid_model.index(0, last))

    def _show_grid(self) -> None:
        assert self.sheet is not None
        self.grid_model.set_grid(
            AttendanceGrid(
                participants=[GridParticipant(p.id, p.name) for p in self.sheet.participants],
                sessions=[GridSession(s.id, s.date, s.topic) for s in self.sheet.sessions],
                marks=dict(self.sheet.marks),
            )
        )

    def show_list(self) -> None:
        self.reload()
        self.stack.setCurrentIndex(0)
        self.table.setFocus()

    def _mark_changed(self, participant_id: str, session_id: str, mark: object) -> None:
        if self.sheet is None:
            return
        try:
            set_mark(
                self.context.db,
                self.sheet,
                participant_id,
                session_id,
                mark if isinstance(mark, str) else None,
            )
            self.grid_error.clear()
        except ValidationError as error:
            self.grid_error.setText(sentence(error.message))

    def add_session_today(self) -> None:
        if self.group_id is None:
            return
        add_session(self.context.db, self.group_id, dt.date.today())
        self.open_group(self.group_id)

    def add_participant(self) -> None:
        if self.group_id is None:
            return
        dialog = ParticipantDialog(self.context, self.group_id, self)
        self.participant_dialog = dialog
        dialog.accepted.connect(lambda: self.open_group(self.group_id or ""))
        dialog.open()

    # printing is done by app.reports when it is there
    def print_journal(self) -> None:
        from ui.printing import print_attendance_journal

        if self.group_id:
            print_attendance_journal(self, self.context, self.group_id)

    def print_registration(self) -> None:
        from ui.printing import print_registration_sheet

        if self.sheet is None:
            return
        column = self.grid.currentIndex().column()
        sessions = self.sheet.sessions
        if 0 <= column < len(sessions):
            print_registration_sheet(self, self.context, sessions[column].id)

    def new_item(self) -> None:
        """Ctrl+N: a new group on the list, a session for today in a group's card."""
        if self.stack.currentIndex() == 1:
            self.add_session_today()
            return
        dialog = GroupDialog(self.context, self)
        self.group_dialog = dialog

        def created() -> None:
            self.reload()
            if dialog.saved_id:
                self.open_group(dialog.saved_id)

        dialog.accepted.connect(created)
        dialog.open()

    def focus_search(self) -> None:
        (self.grid if self.stack.currentIndex() == 1 else self.table).setFocus()
