"""The members tab: the members table and its add / change / remove.

A mixin of FamilyCard (dialog.py); its texts keep the dialog's translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.family_form import (
    Member,
)
from ui import style
from ui.dialogs.family_card.widgets import _key, _table
from ui.dialogs.member_dialog import MemberDialog
from ui.icons import icon
from ui.models.members_model import MembersModel
from ui.widgets.empty_hint import empty_hint


class MembersTab:
    """The members tab: the members table and its add / change / remove."""

    def _build_members_tab(self) -> QWidget:
        self.members_model = MembersModel(self.context.relation, self)
        self.members_view = _table(
            self.members_model, QCoreApplication.translate("FamilyCard", "Family members")
        )
        self.members_view.activated.connect(lambda _i: self.edit_member())
        self.members_error = QLabel()
        style.error_text(self.members_error)
        self.members_error.setWordWrap(True)
        self.members_error.hide()
        add = QPushButton(
            icon("user-plus"), QCoreApplication.translate("FamilyCard", "&Add member…")
        )
        add.clicked.connect(self.add_member)
        edit = QPushButton(icon("pencil"), QCoreApplication.translate("FamilyCard", "&Change…"))
        edit.clicked.connect(self.edit_member)
        remove = QPushButton(icon("trash-2"), QCoreApplication.translate("FamilyCard", "&Remove"))
        remove.clicked.connect(self.remove_member)
        _key(self.members_view, Qt.Key.Key_Insert, self.add_member)
        _key(self.members_view, Qt.Key.Key_Delete, self.remove_member)
        buttons = QHBoxLayout()
        for button in (add, edit, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(self.members_error)
        self.members_hint = empty_hint(
            self.members_model,
            QCoreApplication.translate(
                "FamilyCard",
                "No members yet. Press «Add member…» (Insert) and start with the head of "
                "the family.",
            ),
        )
        layout.addWidget(self.members_hint)
        layout.addWidget(self.members_view, 1)
        return tab

    # members
    def add_member(self) -> None:
        self._open_member(None, -1)

    def edit_member(self) -> None:
        row = self._member_row()
        if row >= 0:
            self._open_member(self.members_model.row_at(row), row)

    def _member_row(self) -> int:
        index = self.members_view.currentIndex()
        if not index.isValid():
            return -1
        return index.row()

    def _open_member(self, member: Member | None, row: int) -> None:
        dialog = MemberDialog(self.context, member, self)
        self.member_dialog = dialog

        def done() -> None:
            if row < 0:
                self.members_model.add(dialog.member)
            else:
                self.members_model.replace(row, dialog.member)
            self._set_dirty(True)
            self._update_header()

        dialog.accepted.connect(done)
        dialog.open()

    def remove_member(self) -> None:
        row = self._member_row()
        if row < 0:
            return
        member = self.members_model.row_at(row)
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("FamilyCard", "Remove member"),
            QCoreApplication.translate("FamilyCard", "Remove {name} from the family?").format(
                name=member.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed = self.members_model.remove(row)
        if removed.id:
            self.removed.append(removed.id)
        self._set_dirty(True)
