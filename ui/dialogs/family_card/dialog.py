"""The family card: the family's data, members, services, visits, assessments,
notifications, referrals and change history. Saves family and members together; asks before
closing with unsaved changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.on_record import record_status
from app.errors import ValidationError
from app.services.drafts import drop_draft
from app.services.family_form import (
    FamilyData,
    MemberError,
    load_family,
    save_family,
)
from app.services.family_names import display_name
from app.services.permissions import NotPermitted
from ui import style
from ui.context import AppContext
from ui.dialogs.family_card.badge import show_status
from ui.dialogs.family_card.drafts import DraftKeeper
from ui.dialogs.family_card.events_tab import EventsTab
from ui.dialogs.family_card.form_tab import FormTab
from ui.dialogs.family_card.members_tab import MembersTab
from ui.dialogs.member_dialog import MemberDialog
from ui.icons import icon
from ui.labels import Words, in_sentence, sentence
from ui.widgets.field_errors import FieldErrors
from ui.widgets.print_button import print_button
from ui.widgets.screen_fit import resize_within_screen
from ui.widgets.script_hint import add_script_hints


class FamilyCard(QDialog, FormTab, MembersTab, EventsTab, DraftKeeper):
    """Opens a family by id, or a new one (None). `saved(id)` after each save;
    `events_changed()` after a service, visit, assessment, notification or referral is added,
    changed or deleted here."""

    saved = Signal(str)
    events_changed = Signal()

    def __init__(
        self,
        context: AppContext,
        family_id: str | None,
        parent: QWidget | None = None,
        new_service: Callable[[str, str | None], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.words = Words(self)
        self._new_service = new_service
        self.data = (load_family(context.db, family_id) if family_id else None) or FamilyData()
        self.removed: list[str] = []
        self.dirty = False
        self.member_dialog: MemberDialog | None = None
        self.errors = FieldErrors()
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        resize_within_screen(self, 1000, 660)

        # header
        self.name_label = QLabel()
        style.title(self.name_label)
        self.status_badge = QLabel()
        self.status_badge.setAccessibleName(self.tr("Status"))
        self.lock_label = QLabel(
            self.tr("🔒 Restricted: not shown in printouts or exports to others")
        )
        self.lock_label.setWordWrap(True)
        # «за повідомленням № …»: the notification the family came from, when there is one
        self.origin_label = QLabel()
        self.origin_label.setAccessibleName(self.tr("Notification the family came from"))
        self.origin_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.origin_label.setWordWrap(True)  # a narrow screen at 150 % wraps it, not the card
        self.origin_label.hide()
        self.service_button = QPushButton(icon("hand-heart"), self.tr("Provide a service…"))
        self.service_button.setToolTip(
            self.tr("A service to the family; on the «Family members» tab, to the member selected")
        )
        self.service_button.clicked.connect(self._provide_service)
        header = QHBoxLayout()
        header.addWidget(self.name_label)
        header.addWidget(self.status_badge)
        header.addWidget(self.origin_label)
        header.addWidget(self.lock_label)
        header.addStretch(1)
        header.addWidget(self.service_button)
        self.print_button = print_button(
            self.tr("Print card…"), self.print_card, self.save_card_pdf, self
        )
        self.print_button.setToolTip(
            self.tr("Print the family card (Ctrl+P); the arrow saves it as a PDF")
        )
        header.addWidget(self.print_button)

        self.tabs = QTabWidget()
        self._history_stale = True
        # the family's fields scroll when the screen is short (1366×768 at 150 %)
        family_tab = QScrollArea()
        family_tab.setWidgetResizable(True)
        family_tab.setFrameShape(QFrame.Shape.NoFrame)
        family_tab.setWidget(self._build_family_tab())
        self.tabs.addTab(family_tab, self.tr("Family"))
        self.tabs.addTab(self._build_members_tab(), self.tr("Family members"))
        self._build_event_tabs()
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_card)

        self.note = QLabel()
        self.note.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.script_hints = add_script_hints(self)  # «Мaрія»: Latin inside Cyrillic
        self._fill()
        self._set_dirty(False)
        self.settlement.setFocus()
        self.draft_key = f"family:{self.data.id or 'new'}"
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(1500)
        self._draft_timer.timeout.connect(self.save_draft)
        QTimer.singleShot(0, self.offer_draft)

    def save(self) -> bool:
        """Ctrl+S: validate and write; errors appear next to their fields."""
        self.errors.clear()
        self.members_error.hide()
        fields = self._gather()
        if fields is None:
            return False
        self.data.fields = fields
        self.data.members = self.members_model.rows()
        try:
            family_id = save_family(self.context.db, self.data, self.removed)
        except MemberError as error:
            self.tabs.setCurrentIndex(1)
            member = self.data.members[error.index]
            self.members_error.setText(
                self.tr("{name} — {field}: {message}.").format(
                    name=member.name,
                    field=in_sentence(self.words.field(error.field)),
                    message=error.message,
                )
            )
            self.members_error.show()
            self.members_view.selectRow(error.index)
            return False
        except ValidationError as error:
            self.tabs.setCurrentIndex(0)
            message = sentence(error.message)
            if error.field == "settlement_id" and self.settlement.count() == 0:
                message = self.tr(
                    "There are no settlements yet: the centre's administrator adds the starosta "
                    "districts and their settlements in Settings, under «Community»."
                )
            if not self.errors.show(error.field, message):
                QMessageBox.warning(self, self.tr("Cannot save"), sentence(str(error)))
            return False
        except NotPermitted as error:  # the account's role or districts (permissions.py)
            QMessageBox.warning(self, self.tr("Cannot save"), sentence(str(error)))
            return False
        self.removed.clear()
        self._draft_timer.stop()
        drop_draft(self.context.db, self.draft_key)
        self.draft_key = f"family:{family_id}"
        self.data = load_family(self.context.db, family_id) or self.data
        self.members_model.set_rows(self.data.members)
        self._load_events()
        self._update_header()
        self._set_dirty(False)
        self.saved.emit(family_id)
        return True

    # header, title, closing
    def _update_header(self) -> None:
        members = self.members_model.rows()
        name = display_name((m.relation, m.birth_date, m.name, m.id) for m in members)
        if self.data.id is None and not name:
            name = self.tr("New family")
        elif not name:  # saved before its first member: named as the families list names it
            name = self.tr("(no members)")
        self.family_name = name
        self.name_label.setText(name)
        status = record_status(
            self.on_record_from.value(), self.on_record_to.value(), dt.date.today()
        )
        show_status(self.status_badge, status)
        self.lock_label.setVisible(self.restricted.isChecked())
        self._update_title()

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self._update_title()
        timer = getattr(self, "_draft_timer", None)
        if dirty and timer is not None:
            timer.start()

    def _update_title(self) -> None:
        name = getattr(self, "family_name", "")
        title = self.tr("Family card — {name}").format(name=name)
        self.setWindowTitle(("• " if self.dirty else "") + title)

    def can_close(self) -> bool:
        """Ask about unsaved changes: save, discard or stay."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The family card has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._draft_timer.stop()
            drop_draft(self.context.db, self.draft_key)
            return True
        return False

    def reject(self) -> None:
        if self.can_close():
            self.dirty = False
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self.can_close():
            event.ignore()
            return
        super().closeEvent(event)

    def print_card(self) -> None:
        """«Друк картки»: the family card's A4 pages in the print preview, then the printer."""
        from ui.printing import print_printout

        if self.data.id is not None:
            if self.dirty and not self.save():
                return
            self.print_job = print_printout(self, self.context, "family_card", self.data.id)

    def save_card_pdf(self) -> None:
        """The same pages saved as a PDF file."""
        from ui.printing import save_printout

        if self.data.id is not None:
            if self.dirty and not self.save():
                return
            save_printout(self, self.context, "family_card", self.data.id)

    def show_note(self, text: str) -> None:
        """A confirmation beside the Save button («Збережено: …pdf»)."""
        self.note.setText(text)
        self.note.setToolTip(text)
