"""One events tab for services, visits, assessments, notifications and referrals (and the
history): built from one list of kinds, loaded when shown, added to, changed and deleted the
same way.

A mixin of FamilyCard (dialog.py); its texts keep the dialog's translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.family_form import (
    EventRow,
    family_events,
    family_history,
)
from app.services.records import RecordService
from ui import style
from ui.dialogs.assessment_act import AssessmentActDialog
from ui.dialogs.event_dialog import EventDialog
from ui.dialogs.family_card.widgets import _key, _table
from ui.dialogs.service_dialog import ServiceDialog
from ui.icons import icon
from ui.labels import sentence
from ui.models.lists import EventsModel, HistoryModel, ServicesModel
from ui.models.table import RowTableModel
from ui.widgets.empty_hint import empty_hint


class EventsTab:
    """The events tabs of the card, all made and handled the same way."""

    def _build_event_tabs(self) -> None:
        self.services_model = ServicesModel(
            lambda code: self.context.label("service", code), self.words.service_form, self
        )
        self.visits_model = EventsModel(
            QCoreApplication.translate("FamilyCard", "Purpose"),
            QCoreApplication.translate("FamilyCard", "Result"),
            parent=self,
        )
        self.assessments_model = EventsModel(
            QCoreApplication.translate("FamilyCard", "Parental capacity"),
            QCoreApplication.translate("FamilyCard", "Conclusion"),
            self.words.parental_capacity,
            self,
        )
        self.notifications_model = EventsModel(
            QCoreApplication.translate("FamilyCard", "Who reported"),
            QCoreApplication.translate("FamilyCard", "Summary"),
            parent=self,
            number=QCoreApplication.translate("FamilyCard", "Number"),
        )
        self.referrals_model = EventsModel(
            QCoreApplication.translate("FamilyCard", "Referred to"),
            QCoreApplication.translate("FamilyCard", "Outcome"),
            parent=self,
            text_label=self.words.referral_outcome,
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
            self.referrals_model: "referral",
        }
        adders = {
            self.services_model: (
                QCoreApplication.translate("FamilyCard", "Provide a service…"),
                self._provide_service,
            ),
            self.visits_model: (
                QCoreApplication.translate("FamilyCard", "Record a visit…"),
                lambda: self.add_event("visit"),
            ),
            self.assessments_model: (
                QCoreApplication.translate("FamilyCard", "Record an assessment…"),
                lambda: self.add_event("assessment"),
            ),
            self.notifications_model: (
                QCoreApplication.translate("FamilyCard", "Record a notification…"),
                lambda: self.add_event("notification"),
            ),
            self.referrals_model: (
                QCoreApplication.translate("FamilyCard", "Record a referral…"),
                lambda: self.add_event("referral"),
            ),
        }
        hints = {
            self.services_model: QCoreApplication.translate(
                "FamilyCard", "No services yet. Press «Provide a service…» to record one."
            ),
            self.visits_model: QCoreApplication.translate(
                "FamilyCard", "No home visits yet. Press «Record a visit…»."
            ),
            self.assessments_model: QCoreApplication.translate(
                "FamilyCard", "No needs assessments yet. Press «Record an assessment…»."
            ),
            self.notifications_model: QCoreApplication.translate(
                "FamilyCard", "No notifications yet. Press «Record a notification…»."
            ),
            self.referrals_model: QCoreApplication.translate(
                "FamilyCard",
                "No referrals yet. Press «Record a referral…» (Insert) to send the family or "
                "a member to another service or organisation.",
            ),
            self.history_model: QCoreApplication.translate(
                "FamilyCard", "No changes yet: every save of this family will be listed here."
            ),
        }
        self.empty_hints: dict[str, QLabel] = {}
        for model, title in (
            (self.services_model, QCoreApplication.translate("FamilyCard", "Services")),
            (self.visits_model, QCoreApplication.translate("FamilyCard", "Home visits")),
            (self.assessments_model, QCoreApplication.translate("FamilyCard", "Needs assessments")),
            (self.notifications_model, QCoreApplication.translate("FamilyCard", "Notifications")),
            (self.referrals_model, QCoreApplication.translate("FamilyCard", "Referrals")),
            (self.history_model, QCoreApplication.translate("FamilyCard", "Change history")),
        ):
            tab = QWidget()
            layout = QVBoxLayout(tab)
            view = _table(model, title, (0, Qt.SortOrder.DescendingOrder))  # newest first
            if model is self.history_model:
                self.history_view = view
            if model in adders:
                kind = kinds[model]
                text, slot = adders[model]
                button = QPushButton(icon("plus"), text)
                button.clicked.connect(slot)
                change = QPushButton(
                    icon("pencil"), QCoreApplication.translate("FamilyCard", "Change…")
                )
                change.setToolTip(
                    QCoreApplication.translate(
                        "FamilyCard", "Open the selected line (Enter or double-click)"
                    )
                )
                change.clicked.connect(lambda _c=False, k=kind: self.edit_event(k))
                delete = QPushButton(
                    icon("trash-2"), QCoreApplication.translate("FamilyCard", "Delete…")
                )
                delete.setToolTip(
                    QCoreApplication.translate("FamilyCard", "Delete the selected line (Delete)")
                )
                delete.clicked.connect(lambda _c=False, k=kind: self.delete_event(k))
                view.activated.connect(lambda _i, k=kind: self.edit_event(k))
                _key(view, Qt.Key.Key_Delete, lambda k=kind: self.delete_event(k))
                if kind == "referral":
                    _key(view, Qt.Key.Key_Insert, slot)
                self.event_views[kind] = view
                row = QHBoxLayout()
                for widget in (button, change, delete):
                    row.addWidget(widget)
                row.addStretch(1)
                layout.addLayout(row)
                error = QLabel()
                style.error_text(error)
                error.setWordWrap(True)
                error.hide()
                self.event_errors[kind] = error
                layout.addWidget(error)
            hint = empty_hint(model, hints[model])
            self.empty_hints[kinds.get(model, "history")] = hint
            layout.addWidget(hint)
            layout.addWidget(view, 1)
            self.tabs.addTab(tab, title)

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
        self._show_origin(events.origin)
        self._history_stale = True  # read when its tab is opened: the change log is long
        self._tab_shown()

    def _show_origin(self, origin: EventRow | None) -> None:
        if origin is None:
            self.origin_label.hide()
            return
        when = origin.date.strftime("%d.%m.%Y") if origin.date else ""
        self.origin_label.setText(
            QCoreApplication.translate(
                "FamilyCard", "from notification № {number} of {date}"
            ).format(number=origin.number, date=when)
            if when
            else QCoreApplication.translate("FamilyCard", "from notification № {number}").format(
                number=origin.number
            )
        )
        self.origin_label.show()

    def _tab_shown(self) -> None:
        """The history is read, and a table's columns fitted, when their tab is opened."""
        page = self.tabs.currentWidget()
        if page is None:
            return
        if self.history_view is not None and page.isAncestorOf(self.history_view):
            if self._history_stale and self.data.id is not None:
                self._history_stale = False
                self.history_model.set_rows(family_history(self.context.db, self.data.id))
        tables = page.findChildren(QTableView)
        for view in tables:
            if view.property("needs_fit"):
                view.setProperty("needs_fit", False)
                view.resizeColumnsToContents()
        if tables and self.isVisible():
            # The keys the tab's hint names (Insert, Enter, Delete) belong to its table: a tab
            # reached by Ctrl+Tab or a click starts there, not on its first button.
            tables[0].setFocus(Qt.FocusReason.TabFocusReason)

    def add_event(self, kind: str) -> None:
        """A visit, notification, assessment or referral of this family (a dialog over the
        card)."""
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
        model = view.model()
        if not isinstance(model, RowTableModel):
            return None
        row = model.row_object(index)
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
        """Delete: the selected line of a services / visits / … tab, after a question."""
        record_id = self.selected_event_id(kind)
        error = self.event_errors[kind]
        error.hide()
        if record_id is None:
            error.setText(
                QCoreApplication.translate("FamilyCard", "Select a line in the table first.")
            )
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
            QCoreApplication.translate("FamilyCard", "Delete"),
            QCoreApplication.translate(
                "FamilyCard", "Delete «{what}»? This cannot be undone."
            ).format(what=what),
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

    def _events_edited(self) -> None:
        self._load_events()
        self.events_changed.emit()

    def _provide_service(self) -> None:
        """«Надати послугу…»: to the family; on the members tab, to the member selected."""
        if self._new_service is None or self.data.id is None:
            return
        person_id = None
        if self.tabs.currentIndex() == 1 and self._member_row() >= 0:
            person_id = self.members_model.row_at(self._member_row()).id  # None before saving
        self._new_service(self.data.id, person_id)
