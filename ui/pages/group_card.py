"""The group card (Групи → a group): its header, the attendance grid and what is done from
it — marks written in order on the writer thread, sessions, participants, printouts. A mixin
of GroupsPage (ui/pages/groups_page.py), which holds the list and switches between the two;
its texts keep the page's translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.group_queries import (
    group_sheet,
    remove_participant,
    set_mark,
)
from app.services.rosters import ParticipantRow, SessionRow
from ui import style
from ui.dialogs.participant_dialog import ParticipantDialog
from ui.dialogs.session_dialog import SessionDialog
from ui.icons import icon
from ui.labels import sentence
from ui.models.attendance_grid import AttendanceGrid
from ui.models.attendance_model import AttendanceModel
from ui.pages.group_printouts import GroupPrintouts
from ui.runner import run_in_background, serial_pool
from ui.text import period_text
from ui.widgets.attendance_view import AttendanceView
from ui.widgets.empty_hint import hint_label
from ui.widgets.print_button import print_button


def _title(text: str) -> QLabel:
    return style.title(QLabel(text))


class GroupCard(GroupPrintouts):
    """The card's widgets and actions; `self` is the GroupsPage."""

    def _build_card(self) -> QWidget:
        self.card_title = _title("")
        self.card_info = QLabel()
        self.card_info.setWordWrap(True)
        back = QPushButton(QCoreApplication.translate("GroupsPage", "← To the list"))
        back.setShortcut(Qt.Key.Key_Escape)
        back.clicked.connect(self.show_list)
        self.add_session_button = QPushButton(
            icon("calendar-plus"), QCoreApplication.translate("GroupsPage", "+ Session")
        )
        self.add_session_button.setToolTip(
            QCoreApplication.translate("GroupsPage", "Add a session for today (Ctrl+N)")
        )
        self.add_session_button.clicked.connect(self.add_session_today)
        self.edit_session_button = QPushButton(
            icon("pencil"), QCoreApplication.translate("GroupsPage", "Change session…")
        )
        self.edit_session_button.setToolTip(
            QCoreApplication.translate(
                "GroupsPage", "Date, time, topic and format of the selected session (F2)"
            )
        )
        self.edit_session_button.clicked.connect(self.edit_session)
        self.add_participant_button = QPushButton(
            icon("user-plus"), QCoreApplication.translate("GroupsPage", "Add participant…")
        )
        self.add_participant_button.clicked.connect(self.add_participant)
        self.remove_participant_button = QPushButton(
            icon("trash-2"), QCoreApplication.translate("GroupsPage", "Remove participant…")
        )
        self.remove_participant_button.setToolTip(
            QCoreApplication.translate(
                "GroupsPage", "Remove the selected participant from the group"
            )
        )
        self.remove_participant_button.clicked.connect(self.remove_participant)
        self.journal_button = print_button(
            QCoreApplication.translate("GroupsPage", "Attendance journal"),
            self.print_journal,
            self.save_journal,
            self,
        )
        self.registration_button = print_button(
            QCoreApplication.translate("GroupsPage", "Registration sheet"),
            self.print_registration,
            self.save_registration,
            self,
        )
        self.grid_model = AttendanceModel(parent=self)
        self.grid_model.mark_changed.connect(self._mark_changed)
        self.grid = AttendanceView()
        self.grid.setModel(self.grid_model)
        self.grid.setAccessibleName(QCoreApplication.translate("GroupsPage", "Attendance"))
        self.grid.edit_session_requested.connect(self.edit_session)
        self.grid.horizontalHeader().sectionDoubleClicked.connect(self.edit_session)
        header = self.grid.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._session_menu)
        rows = self.grid.verticalHeader()
        rows.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows.customContextMenuRequested.connect(self._participant_menu)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._cell_menu)
        self.menu: QMenu | None = None
        self.grid_error = QLabel()
        style.error_text(self.grid_error)
        # the symbols the cells show, in the language in use («П» in Ukrainian, «E» in English)
        symbols, names = self.grid_model.mark_symbols(), self.grid_model.mark_names()
        marks = " · ".join(f"{symbols[mark]} {names[mark]}" for mark in symbols)
        self.legend = QLabel(
            marks
            + ". "
            + QCoreApplication.translate(
                "GroupsPage",
                "Arrows move, Space changes the mark, Delete clears it. Double-click a date "
                "(or F2) to change the session.",
            )
        )
        self.legend.setWordWrap(True)
        # a group just made: what to do first (participants, then sessions)
        self.grid_hint = hint_label()
        self.grid_hint.hide()
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.card_title, 1)
        top.addWidget(self.journal_button)
        top.addWidget(self.registration_button)
        actions = QHBoxLayout()
        for button in (
            self.add_session_button,
            self.edit_session_button,
            self.add_participant_button,
            self.remove_participant_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.addLayout(top)
        card_layout.addWidget(self.card_info)
        card_layout.addLayout(actions)
        card_layout.addWidget(self.grid_hint)
        card_layout.addWidget(self.grid, 1)
        card_layout.addWidget(self.grid_error)
        card_layout.addWidget(self.legend)
        return card_page

    def open_group(self, group_id: str, session_id: str | None = None) -> None:
        self.wait_for_marks()
        self.group_id = group_id
        self.sheet = group_sheet(self.context.db, group_id)
        if self.sheet is None:
            return
        info = self.sheet.group
        self.card_title.setText(info.name)
        self.card_info.setText(
            QCoreApplication.translate(
                "GroupsPage",
                "For whom: {category} · Place: {place} · Facilitator: {who} · {period}",
            ).format(
                category=self.context.label("category", info.target_category) or "—",
                place=info.place or "—",
                who=info.facilitator or "—",
                period=period_text(info.start_date, info.end_date),
            )
        )
        self._show_grid()
        self.stack.setCurrentIndex(1)
        self.grid.setFocus()
        if self.grid_model.columnCount() > 1:
            ids = [s.id for s in self.sheet.sessions]
            column = ids.index(session_id) if session_id in ids else max(0, len(ids) - 1)
            self.grid.setCurrentIndex(self.grid_model.index(0, column))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_sessions = bool(self.sheet and self.sheet.sessions)
        self.edit_session_button.setEnabled(has_sessions)
        self.registration_button.setEnabled(has_sessions)
        self.remove_participant_button.setEnabled(bool(self.sheet and self.sheet.participants))
        self._update_hint()

    def _update_hint(self) -> None:
        """«Empty states teach»: a group without participants or sessions says how to start."""
        participants = bool(self.sheet and self.sheet.participants)
        sessions = bool(self.sheet and self.sheet.sessions)
        if not participants:
            text = QCoreApplication.translate(
                "GroupsPage",
                "The group has no participants yet. Press «Add participant…» to add a person "
                "on record or someone from outside.",
            )
        elif not sessions:
            text = QCoreApplication.translate(
                "GroupsPage",
                "There are no sessions yet. Press «+ Session» (Ctrl+N): the session appears as "
                "a column where attendance is marked.",
            )
        else:
            text = ""
        self.grid_hint.setText(text)
        self.grid_hint.setVisible(bool(text))

    def _show_grid(self) -> None:
        assert self.sheet is not None
        self.grid_model.set_grid(
            AttendanceGrid(
                participants=list(self.sheet.participants),
                sessions=list(self.sheet.sessions),
                marks=dict(self.sheet.marks),
            )
        )
        self.grid.fit_to_contents()

    def _mark_changed(self, participant_id: str, session_id: str, mark: object) -> None:
        """The cell already shows the mark; it is written on the one writer thread, in
        the order typed, so the next Space does not wait for the disk."""
        if self.sheet is None:
            return
        value = mark if isinstance(mark, str) else None
        self.pending_marks += 1
        self._queued.append((self.sheet, participant_id, session_id, value))
        if len(self._queued) == 1:  # after this event's repaint: the cell first, then the disk
            QTimer.singleShot(0, self, self._write_queued)

    def _write_queued(self) -> None:
        queued, self._queued = self._queued, []
        db = self.context.db
        for sheet, participant_id, session_id, value in queued:
            run_in_background(
                lambda s=sheet, p=participant_id, c=session_id, v=value: set_mark(db, s, p, c, v),
                self._mark_written,
                on_error=self._mark_failed,
                pool=serial_pool(),
            )

    def _mark_written(self, _result: object) -> None:
        self.pending_marks -= 1
        self.grid_error.clear()

    def _mark_failed(self, error: BaseException) -> None:
        self.pending_marks -= 1
        if not isinstance(error, ValidationError):
            raise error
        self.grid_error.setText(sentence(error.message))
        if self.group_id is not None:  # show what is stored
            self.open_group(self.group_id)

    def wait_for_marks(self) -> None:
        """Before reading the group again: every mark typed is written."""
        self._write_queued()
        serial_pool().waitForDone()
        QApplication.sendPostedEvents()

    def add_session_today(self) -> None:
        """«+ Заняття»: the session dialog with today's date; Enter adds it."""
        if self.group_id is not None:
            self._open_session_dialog(None)

    def current_session_column(self) -> int:
        sessions = self.sheet.sessions if self.sheet else []
        column = self.grid.currentIndex().column()
        return column if 0 <= column < len(sessions) else -1

    def edit_session(self, column: int | None = None) -> None:
        """«Змінити заняття…»: the session of the given (or the selected) column."""
        if self.sheet is None:
            return
        if column is None or isinstance(column, bool):
            column = self.current_session_column()
        if 0 <= column < len(self.sheet.sessions):
            self._open_session_dialog(self.sheet.sessions[column])

    def _open_session_dialog(self, session: SessionRow | None) -> None:
        if self.group_id is None:
            return
        group = self.sheet.group if self.sheet is not None else None
        sessions = self.sheet.sessions if self.sheet is not None else ()
        dialog = SessionDialog(
            self.context, self.group_id, session, self, group=group, sessions=sessions
        )
        self.session_dialog = dialog

        def done() -> None:
            if self.group_id is not None:
                self.open_group(self.group_id, None if dialog.deleted else dialog.saved_id)

        dialog.accepted.connect(done)
        dialog.open()

    def current_participant(self) -> ParticipantRow | None:
        if self.sheet is None:
            return None
        row = self.grid.currentIndex().row()
        participants = self.sheet.participants
        return participants[row] if 0 <= row < len(participants) else None

    def remove_participant(self, row: int | None = None) -> None:
        """Take the selected participant out of the group, after a question."""
        if self.sheet is None or self.group_id is None:
            return
        if isinstance(row, int) and not isinstance(row, bool):
            if not 0 <= row < len(self.sheet.participants):
                return
            participant: ParticipantRow | None = self.sheet.participants[row]
        else:
            participant = self.current_participant()
        if participant is None:
            self.grid_error.setText(
                QCoreApplication.translate(
                    "GroupsPage", "Select the participant in the table first."
                )
            )
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("GroupsPage", "Remove participant"),
            QCoreApplication.translate(
                "GroupsPage",
                "Remove {name} from the group? Their attendance marks will be deleted too.",
            ).format(name=participant.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            remove_participant(self.context.db, participant.id)
        except ValidationError as error:
            self.grid_error.setText(sentence(error.message))
            return
        self.grid_error.clear()
        self.open_group(self.group_id)

    # context menus: the date header, the names, the cells
    def _show_menu(self, widget: QWidget, point: QPoint, column: int, row: int) -> None:
        menu = QMenu(self)
        if self.sheet is not None and 0 <= column < len(self.sheet.sessions):
            menu.addAction(
                icon("pencil"), QCoreApplication.translate("GroupsPage", "Change session…")
            ).triggered.connect(lambda: self.edit_session(column))
        if self.sheet is not None and 0 <= row < len(self.sheet.participants):
            menu.addAction(
                icon("trash-2"), QCoreApplication.translate("GroupsPage", "Remove participant…")
            ).triggered.connect(lambda: self.remove_participant(row))
        if menu.isEmpty():
            return
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = menu
        menu.popup(widget.mapToGlobal(point))

    def _session_menu(self, point: QPoint) -> None:
        header = self.grid.horizontalHeader()
        self._show_menu(header, point, header.logicalIndexAt(point), -1)

    def _participant_menu(self, point: QPoint) -> None:
        header = self.grid.verticalHeader()
        self._show_menu(header, point, -1, header.logicalIndexAt(point))

    def _cell_menu(self, point: QPoint) -> None:
        index = self.grid.indexAt(point)
        if index.isValid():
            self._show_menu(self.grid.viewport(), point, index.column(), index.row())

    def add_participant(self) -> None:
        if self.group_id is None:
            return
        dialog = ParticipantDialog(self.context, self.group_id, self)
        self.participant_dialog = dialog
        dialog.accepted.connect(lambda: self.open_group(self.group_id or ""))
        dialog.open()
