"""Групи: the list of support groups; a group's card with its attendance grid is
ui/pages/group_card.py."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.group_queries import (
    GroupSheet,
    group_rows,
)
from ui.context import AppContext
from ui.dialogs.group_dialog import GroupDialog
from ui.dialogs.participant_dialog import ParticipantDialog
from ui.dialogs.session_dialog import SessionDialog
from ui.icons import icon
from ui.models.lists import GroupsModel
from ui.pages.group_card import GroupCard, _title
from ui.widgets.columns import ColumnFitter
from ui.widgets.empty_hint import empty_hint


class GroupsPage(QWidget, GroupCard):
    """List ⇄ card in one place; Enter opens a group, «До списку» (Esc) goes back."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sheet: GroupSheet | None = None
        self.group_id: str | None = None
        self.participant_dialog: ParticipantDialog | None = None
        self.group_dialog: GroupDialog | None = None
        self.session_dialog: SessionDialog | None = None
        self.pending_marks = 0
        self._queued: list[tuple[GroupSheet, str, str, str | None]] = []

        # list
        self.model = GroupsModel(lambda code: context.label("category", code), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Support groups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.columns = ColumnFitter(self.table, (28, 22, 16, 18, 0, 0), grow=0)
        # activated only: a double-click emits it too (doubleClicked as well would open twice)
        self.table.activated.connect(self._open_index)
        self.empty = empty_hint(
            self.model,
            self.tr(
                "There are no support groups yet. Press «New group…» (Ctrl+N) to start one, "
                "then add its participants and sessions in its card."
            ),
        )
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
        list_layout.addWidget(self.empty)
        list_layout.addWidget(self.table, 1)

        card_page = self._build_card()

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
        if self.table.currentIndex().row() < 0 and rows:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def on_shown(self) -> None:
        (self.grid if self.stack.currentIndex() == 1 else self.table).setFocus()

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is not None:
            self.open_group(row.id)

    def show_list(self) -> None:
        self.reload()
        self.stack.setCurrentIndex(0)
        self.table.setFocus()

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

    def print_current(self) -> None:
        """Ctrl+P (Файл → Друк): the attendance journal of the group open, or of the group
        chosen in the list (it opens first)."""
        if self.stack.currentIndex() != 1:
            index = self.table.currentIndex()
            if not index.isValid():
                return
            self.open_group(self.model.row_at(index.row()).id)
        self.print_journal()

    def focus_search(self) -> None:
        (self.grid if self.stack.currentIndex() == 1 else self.table).setFocus()
