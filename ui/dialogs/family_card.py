"""The family card: the family's data, members, services, visits, assessments,
notifications and change history. Saves family and members together; asks before
closing with unsaved changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.drafts import drop_draft, load_draft, save_draft
from app.services.family_form import (
    FamilyData,
    Member,
    MemberError,
    family_events,
    family_history,
    load_family,
    save_family,
)
from app.services.permissions import NotPermitted
from app.services.queries import settlements
from app.services.records import RecordService
from ui.context import AppContext
from ui.dialogs.assessment_act import AssessmentActDialog
from ui.dialogs.event_dialog import EventDialog
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.service_dialog import ServiceDialog
from ui.icons import icon
from ui.labels import Words, sentence
from ui.models.lists import EventsModel, HistoryModel, ServicesModel
from ui.models.members_model import MembersModel
from ui.models.table import RowTableModel, TableProxy
from ui.widgets.code_list import CodeList
from ui.widgets.date_field import DateField
from ui.widgets.field_errors import FieldErrors
from ui.widgets.print_button import print_button


def _table(model: RowTableModel[Any], name: str) -> QTableView:
    view = QTableView()
    proxy = TableProxy(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)

    # the card's tables are short: fit the columns to their content after each load — when
    # the table shows (a hidden tab's table is fitted when its tab is opened)
    def fit() -> None:
        if view.isVisible():
            view.resizeColumnsToContents()
        else:
            view.setProperty("needs_fit", True)

    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)  # a new member's whole name
    model.dataChanged.connect(fit)
    return view


def _empty_hint(model: RowTableModel[Any], text: str) -> QLabel:
    """What an empty tab is for and how to start it; hidden while the table has rows."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: palette(placeholder-text); padding: 6px 2px;")

    def update() -> None:
        hint.setVisible(model.rowCount() == 0)

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        signal.connect(update)
    update()
    return hint


def _key(view: QWidget, key: Qt.Key, slot: Callable[[], object]) -> None:
    """A key for one table only (while it has the focus), so tabs do not share it."""
    shortcut = QShortcut(QKeySequence(key), view, activated=slot)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)


class FamilyCard(QDialog):
    """Opens a family by id, or a new one (None). `saved(id)` after each save;
    `events_changed()` after a service, visit, assessment or notification is added, changed
    or deleted here."""

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
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1000, 660
        if screen is not None:  # 1366×768 at 150 % leaves 910×512 logical pixels
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

        # header
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        self.status_badge = QLabel()
        self.status_badge.setAccessibleName(self.tr("Status"))
        self.lock_label = QLabel(
            self.tr("🔒 Restricted: not shown in printouts or exports to others")
        )
        self.lock_label.setWordWrap(True)
        self.service_button = QPushButton(icon("hand-heart"), self.tr("Provide a service…"))
        self.service_button.clicked.connect(self._provide_service)
        header = QHBoxLayout()
        header.addWidget(self.name_label)
        header.addWidget(self.status_badge)
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
        self._fill()
        self._set_dirty(False)
        self.settlement.setFocus()
        self.draft_key = f"family:{self.data.id or 'new'}"
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(1500)
        self._draft_timer.timeout.connect(self.save_draft)
        QTimer.singleShot(0, self.offer_draft)

    # building
    def _build_family_tab(self) -> QWidget:
        self.settlement = QComboBox()
        self.settlement.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.settlement.setMinimumContentsLength(16)
        for place in settlements(self.context.db):
            self.settlement.addItem(place.label, place.id)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("street, house, flat"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("067 123 45 67")
        self.specialist = QLineEdit()
        self.on_record_from = DateField()
        self.on_record_to = DateField()
        self.close_reason = QLineEdit()
        self.restricted = QCheckBox(self.tr("Restricted access"))
        self.restricted.setToolTip(
            self.tr("For cases such as domestic violence: not shown in printouts or exports")
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.card_number = QLineEdit()
        self.take_reason = QLineEdit()
        self.organisations = QLineEdit()
        self.organisations.setPlaceholderText(self.tr("who, why, documents issued"))
        self.categories = CodeList(
            self.context.labels("category"), retired=self.context.retired("category")
        )
        self.factors = CodeList(
            self.context.labels("factor"), retired=self.context.retired("factor")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, text, widget in (
            ("settlement_id", self.tr("Se&ttlement:"), self.settlement),
            ("address", self.tr("&Address:"), self.address),
            ("phone", self.tr("&Phone:"), self.phone),
            ("specialist", self.tr("Responsible &specialist:"), self.specialist),
            ("on_record_from", self.tr("Taken on &record:"), self.on_record_from),
            ("on_record_to", self.tr("Taken o&ff record:"), self.on_record_to),
            ("close_reason", self.tr("Reason for taking off r&ecord:"), self.close_reason),
            ("card_number", self.tr("Social card &number:"), self.card_number),
            ("take_reason", self.tr("Reason taken on recor&d:"), self.take_reason),
            ("organisations", self.tr("Other &organisations:"), self.organisations),
            ("restricted", "", self.restricted),
            ("notes", self.tr("&Notes:"), self.notes),
        ):
            widget.setAccessibleName(text.replace("&", "").rstrip(":") or self.restricted.text())
            form.addRow(text, widget)
            form.addRow("", self.errors.label_for(name, widget))
        lists = QGridLayout()
        self.categories.setAccessibleName(self.tr("Categories"))
        self.factors.setAccessibleName(self.tr("СЖО factors"))
        lists.addWidget(QLabel(self.tr("Categories:")), 0, 0)
        lists.addWidget(self.categories, 1, 0)
        lists.addWidget(self.errors.label_for("categories", self.categories), 2, 0)
        lists.addWidget(QLabel(self.tr("СЖО factors:")), 0, 1)
        lists.addWidget(self.factors, 1, 1)
        lists.addWidget(self.errors.label_for("factors", self.factors), 2, 1)
        tab = QWidget()
        row = QHBoxLayout(tab)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        row.addLayout(left, 4)
        row.addLayout(lists, 5)
        for signal in (
            self.settlement.currentIndexChanged,
            self.address.textChanged,
            self.phone.textChanged,
            self.specialist.textChanged,
            self.on_record_from.changed,
            self.on_record_to.changed,
            self.close_reason.textChanged,
            self.card_number.textChanged,
            self.take_reason.textChanged,
            self.organisations.textChanged,
            self.restricted.toggled,
            self.notes.textChanged,
            self.categories.changed,
            self.factors.changed,
        ):
            signal.connect(lambda *_a: self._set_dirty(True))
        return tab

    def _build_members_tab(self) -> QWidget:
        self.members_model = MembersModel(lambda code: self.context.label("relation", code), self)
        self.members_view = _table(self.members_model, self.tr("Family members"))
        self.members_view.activated.connect(lambda _i: self.edit_member())
        self.members_error = QLabel()
        self.members_error.setStyleSheet("color: #b00020;")
        self.members_error.setWordWrap(True)
        self.members_error.hide()
        add = QPushButton(icon("user-plus"), self.tr("&Add member…"))
        add.clicked.connect(self.add_member)
        edit = QPushButton(icon("pencil"), self.tr("&Change…"))
        edit.clicked.connect(self.edit_member)
        remove = QPushButton(icon("trash-2"), self.tr("&Remove"))
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
        self.members_hint = _empty_hint(
            self.members_model,
            self.tr(
                "No members yet. Press «Add member…» (Insert) and start with the head of "
                "the family."
            ),
        )
        layout.addWidget(self.members_hint)
        layout.addWidget(self.members_view, 1)
        return tab

    def _build_event_tabs(self) -> None:
        self.services_model = ServicesModel(
            lambda code: self.context.label("service", code), self.words.service_form, self
        )
        self.visits_model = EventsModel(self.tr("Purpose"), self.tr("Result"), parent=self)
        self.assessments_model = EventsModel(
            self.tr("Parental capacity"),
            self.tr("Conclusion"),
            self.words.parental_capacity,
            self,
        )
        self.notifications_model = EventsModel(
            self.tr("Who reported"), self.tr("Summary"), parent=self
        )
        self.referrals_model = EventsModel(
            self.tr("Referred to"), self.tr("Outcome"), parent=self, text_label=self._outcome
        )
        self.history_model = HistoryModel(self.words.entity, self.words.field, self)
        self.event_dialog: QDialog | None = None
        self.service_dialog: ServiceDialog | None = None
        self.event_views: dict[str, QTableView] = {}
        self.history_view: QTableView | None = None
        self.event_errors: dict[str, QLabel] = {}
        kinds = {
            self.services_model: "service",
            self.visits_model: "visit",
            self.assessments_model: "assessment",
            self.notifications_model: "notification",
        }
        adders = {
            self.services_model: (self.tr("Provide a service…"), self._provide_service),
            self.visits_model: (self.tr("Record a visit…"), lambda: self.add_event("visit")),
            self.assessments_model: (
                self.tr("Record an assessment…"),
                lambda: self.add_event("assessment"),
            ),
            self.notifications_model: (
                self.tr("Record a notification…"),
                lambda: self.add_event("notification"),
            ),
        }
        hints = {
            self.services_model: self.tr(
                "No services yet. Press «Provide a service…» to record one."
            ),
            self.visits_model: self.tr("No home visits yet. Press «Record a visit…»."),
            self.assessments_model: self.tr(
                "No needs assessments yet. Press «Record an assessment…»."
            ),
            self.notifications_model: self.tr(
                "No notifications yet. Press «Record a notification…»."
            ),
            self.referrals_model: self.tr(
                "No referrals yet: they are recorded with a walk-in visitor's intake."
            ),
            self.history_model: self.tr(
                "No changes yet: every save of this family will be listed here."
            ),
        }
        self.empty_hints: dict[str, QLabel] = {}
        for model, title in (
            (self.services_model, self.tr("Services")),
            (self.visits_model, self.tr("Home visits")),
            (self.assessments_model, self.tr("Needs assessments")),
            (self.notifications_model, self.tr("Notifications")),
            (self.referrals_model, self.tr("Referrals")),
            (self.history_model, self.tr("Change history")),
        ):
            tab = QWidget()
            layout = QVBoxLayout(tab)
            view = _table(model, title)
            if model is self.history_model:
                self.history_view = view
            if model in adders:
                kind = kinds[model]
                text, slot = adders[model]
                button = QPushButton(icon("plus"), text)
                button.clicked.connect(slot)
                change = QPushButton(icon("pencil"), self.tr("Change…"))
                change.setToolTip(self.tr("Open the selected line (Enter or double-click)"))
                change.clicked.connect(lambda _c=False, k=kind: self.edit_event(k))
                delete = QPushButton(icon("trash-2"), self.tr("Delete…"))
                delete.setToolTip(self.tr("Delete the selected line (Delete)"))
                delete.clicked.connect(lambda _c=False, k=kind: self.delete_event(k))
                view.activated.connect(lambda _i, k=kind: self.edit_event(k))
                _key(view, Qt.Key.Key_Delete, lambda k=kind: self.delete_event(k))
                self.event_views[kind] = view
                row = QHBoxLayout()
                for widget in (button, change, delete):
                    row.addWidget(widget)
                row.addStretch(1)
                layout.addLayout(row)
                error = QLabel()
                error.setStyleSheet("color: #b00020;")
                error.setWordWrap(True)
                error.hide()
                self.event_errors[kind] = error
                layout.addWidget(error)
            hint = _empty_hint(model, hints[model])
            self.empty_hints[
                kinds.get(model, "referral" if model is self.referrals_model else "history")
            ] = hint
            layout.addWidget(hint)
            layout.addWidget(view, 1)
            self.tabs.addTab(tab, title)

    # data in and out
    def _fill(self) -> None:
        values = self.data.fields
        self.settlement.setCurrentIndex(
            max(0, self.settlement.findData(values.get("settlement_id")))
        )
        self.address.setText(values.get("address") or "")
        self.phone.setText(values.get("phone") or "")
        self.specialist.setText(values.get("specialist") or self.context.viewer.display_name)
        self.on_record_from.set_value(values.get("on_record_from"))
        self.on_record_to.set_value(values.get("on_record_to"))
        self.close_reason.setText(values.get("close_reason") or "")
        for name in ("card_number", "take_reason", "organisations"):
            getattr(self, name).setText(values.get(name) or "")
        self.restricted.setChecked(bool(values.get("restricted")))
        self.notes.setPlainText(values.get("notes") or "")
        self.categories.set_codes(values.get("categories") or [])
        self.factors.set_codes(values.get("factors") or [])
        self.members_model.set_rows(self.data.members)
        self._load_events()
        self._update_header()

    def _load_events(self) -> None:
        has_id = self.data.id is not None
        for index in range(2, self.tabs.count()):
            self.tabs.setTabEnabled(index, has_id)
        self.service_button.setEnabled(has_id)
        self.print_button.setEnabled(has_id)
        if not has_id:
            return
        assert self.data.id is not None
        events = family_events(self.context.db, self.data.id)
        self.services_model.set_rows(events.services)
        self.visits_model.set_rows(events.visits)
        self.assessments_model.set_rows(events.assessments)
        self.notifications_model.set_rows(events.notifications)
        self.referrals_model.set_rows(events.referrals)
        self._history_stale = True  # read when its tab is opened: the change log is long
        self._tab_shown()

    def _tab_shown(self) -> None:
        """The history is read, and a table's columns fitted, when their tab is opened."""
        page = self.tabs.currentWidget()
        if page is None:
            return
        if self.history_view is not None and page.isAncestorOf(self.history_view):
            if self._history_stale and self.data.id is not None:
                self._history_stale = False
                self.history_model.set_rows(family_history(self.context.db, self.data.id))
        for view in page.findChildren(QTableView):
            if view.property("needs_fit"):
                view.setProperty("needs_fit", False)
                view.resizeColumnsToContents()

    def _gather(self) -> dict[str, Any] | None:
        for name, field in (
            ("on_record_from", self.on_record_from),
            ("on_record_to", self.on_record_to),
        ):
            if not field.is_valid():
                self.tabs.setCurrentIndex(0)
                self.errors.show(name, self.tr("Not a date. Type it as 12.03.2024."))
                return None
        return {
            "settlement_id": self.settlement.currentData(),
            "address": self.address.text().strip(),
            "phone": self.phone.text().strip(),
            "specialist": self.specialist.text().strip(),
            "on_record_from": self.on_record_from.value(),
            "on_record_to": self.on_record_to.value(),
            "close_reason": self.close_reason.text().strip(),
            "card_number": self.card_number.text().strip(),
            "take_reason": self.take_reason.text().strip(),
            "organisations": self.organisations.text().strip(),
            "restricted": self.restricted.isChecked(),
            "notes": self.notes.toPlainText().strip(),
            "categories": self.categories.codes(),
            "factors": self.factors.codes(),
        }

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
                self.tr("{name} — {field}: {message}").format(
                    name=member.name,
                    field=self.words.field(error.field).lower(),
                    message=error.message,
                )
            )
            self.members_error.show()
            self.members_view.selectRow(error.index)
            return False
        except ValidationError as error:
            self.tabs.setCurrentIndex(0)
            if not self.errors.show(error.field, sentence(error.message)):
                QMessageBox.warning(self, self.tr("Cannot save"), str(error))
            return False
        except NotPermitted as error:  # the account's role or districts (permissions.py)
            QMessageBox.warning(self, self.tr("Cannot save"), str(error))
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
        proxy = self.members_view.model()
        assert isinstance(proxy, TableProxy)
        return proxy.mapToSource(index).row()

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
            self.tr("Remove member"),
            self.tr("Remove {name} from the family?").format(name=member.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed = self.members_model.remove(row)
        if removed.id:
            self.removed.append(removed.id)
        self._set_dirty(True)

    # header, title, closing
    def _update_header(self) -> None:
        members = self.members_model.rows()
        name = members[0].name if members else ""
        if self.data.id is None and not name:
            name = self.tr("New family")
        for member in members:
            if member.relation in ("head", "mother", "father", "guardian"):
                name = member.name
                break
        self.family_name = name
        self.name_label.setText(name)
        start = self.on_record_from.value()
        end = self.on_record_to.value()
        today = dt.date.today()
        on_record = start is not None and start <= today and (end is None or end > today)
        if on_record:
            self.status_badge.setText(self.tr("on record"))
            self.status_badge.setStyleSheet(
                "background:#e3f1e3; color:#1b5e20; border-radius:6px; padding:2px 8px;"
            )
        elif start is not None:
            self.status_badge.setText(self.tr("taken off record"))
            self.status_badge.setStyleSheet(
                "background:#eeeeee; color:#424242; border-radius:6px; padding:2px 8px;"
            )
        else:
            self.status_badge.setText(self.tr("not on record"))
            self.status_badge.setStyleSheet(
                "background:#fdf3d8; color:#6d4c00; border-radius:6px; padding:2px 8px;"
            )
        self.lock_label.setVisible(self.restricted.isChecked())
        self._update_title()

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self._update_title()
        timer = getattr(self, "_draft_timer", None)
        if dirty and timer is not None:
            timer.start()

    # drafts: what was typed survives a crash until it is saved or discarded
    def draft(self) -> dict[str, Any]:
        return {
            "texts": {
                "address": self.address.text(),
                "phone": self.phone.text(),
                "specialist": self.specialist.text(),
                "on_record_from": self.on_record_from.edit.text(),
                "on_record_to": self.on_record_to.edit.text(),
                "close_reason": self.close_reason.text(),
                "card_number": self.card_number.text(),
                "take_reason": self.take_reason.text(),
                "organisations": self.organisations.text(),
                "notes": self.notes.toPlainText(),
            },
            "settlement_id": self.settlement.currentData(),
            "restricted": self.restricted.isChecked(),
            "categories": self.categories.codes(),
            "factors": self.factors.codes(),
            "members": [
                {**asdict(m), "birth_date": m.birth_date.isoformat() if m.birth_date else None}
                for m in self.members_model.rows()
            ],
            "removed": list(self.removed),
        }

    def save_draft(self) -> None:
        if self.dirty:
            save_draft(self.context.db, self.draft_key, self.draft())

    def restore_draft(self, content: dict[str, Any]) -> None:
        texts = content.get("texts", {})
        for name, widget in (
            ("address", self.address),
            ("phone", self.phone),
            ("specialist", self.specialist),
            ("close_reason", self.close_reason),
            ("card_number", self.card_number),
            ("take_reason", self.take_reason),
            ("organisations", self.organisations),
        ):
            widget.setText(texts.get(name, ""))
        self.on_record_from.edit.setText(texts.get("on_record_from", ""))
        self.on_record_to.edit.setText(texts.get("on_record_to", ""))
        self.notes.setPlainText(texts.get("notes", ""))
        place = self.settlement.findData(content.get("settlement_id"))
        self.settlement.setCurrentIndex(max(0, place))
        self.restricted.setChecked(bool(content.get("restricted")))
        self.categories.set_codes(content.get("categories", []))
        self.factors.set_codes(content.get("factors", []))
        members = []
        for raw in content.get("members", []):
            born = raw.get("birth_date")
            members.append(
                Member(**{**raw, "birth_date": dt.date.fromisoformat(born) if born else None})
            )
        self.members_model.set_rows(members)
        self.removed = list(content.get("removed", []))
        self._update_header()
        self._set_dirty(True)

    def offer_draft(self) -> None:
        """Opened after a crash: offer back what was typed and not saved."""
        if self.dirty:  # already restored (the start-up notice did it)
            return
        found = load_draft(self.context.db, self.draft_key)
        if found is None:
            return
        saved_at, content = found
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved draft"),
            self.tr(
                "This card has changes from {when} that were not saved (the program "
                "closed unexpectedly). Restore them?"
            ).format(when=saved_at.strftime("%d.%m.%Y %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_draft(content)
        else:
            drop_draft(self.context.db, self.draft_key)

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

    def add_event(self, kind: str) -> None:
        """A visit, notification or assessment of this family (a dialog over the card)."""
        if self.data.id is None:
            return
        dialog: QDialog = (
            AssessmentActDialog(self.context, self.data.id, self)
            if kind == "assessment"
            else EventDialog(self.context, self.data.id, kind, self)
        )
        self.event_dialog = dialog
        dialog.accepted.connect(self._events_edited)
        dialog.open()

    def selected_event_id(self, kind: str) -> str | None:
        """The record id of the selected line of a services / visits / … tab."""
        view = self.event_views[kind]
        index = view.currentIndex()
        proxy = view.model()
        if not index.isValid() or not isinstance(proxy, TableProxy):
            return None
        row = proxy.row_object(index)
        return getattr(row, "id", None)

    def edit_event(self, kind: str) -> None:
        """Enter / double-click: the line's record in the dialog that added it."""
        record_id = self.selected_event_id(kind)
        if record_id is None or self.data.id is None:
            return
        self.event_errors[kind].hide()
        if kind == "service":
            service = ServiceDialog(self.context, self.data.id, None, self, service_id=record_id)
            self.service_dialog = service
            service.accepted.connect(self._events_edited)
            service.open()
            return
        dialog = (
            AssessmentActDialog(self.context, self.data.id, self, record_id=record_id)
            if kind == "assessment"
            else EventDialog(self.context, self.data.id, kind, self, record_id=record_id)
        )
        self.event_dialog = dialog
        dialog.accepted.connect(self._events_edited)
        dialog.open()

    def delete_event(self, kind: str) -> None:
        """Delete: the selected service, visit, assessment or notification, after a question."""
        record_id = self.selected_event_id(kind)
        error = self.event_errors[kind]
        error.hide()
        if record_id is None:
            error.setText(self.tr("Select a line in the table first."))
            error.show()
            return
        view = self.event_views[kind]
        what = " — ".join(
            text
            for column in range(min(2, view.model().columnCount()))
            if (text := str(view.currentIndex().siblingAtColumn(column).data() or ""))
        )
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete «{what}»? This cannot be undone.").format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            RecordService(self.context.db).delete(kind, record_id)
        except ValidationError as failure:
            error.setText(sentence(failure.message))
            error.show()
            return
        self._events_edited()
        view.setFocus()

    def _outcome(self, code: str) -> str:
        return {
            "accepted": self.tr("accepted"),
            "refused": self.tr("refused"),
            "unknown": self.tr("not known yet"),
        }.get(code, code)

    def _events_edited(self) -> None:
        self._load_events()
        self.events_changed.emit()

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

    def _provide_service(self) -> None:
        if self._new_service is not None and self.data.id is not None:
            self._new_service(self.data.id, None)
