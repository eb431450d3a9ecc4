"""The audit trail for the administrator and the head: who viewed, printed, exported or
changed which record, on which device, when — filtered by period, account and action."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.services.accounts import list_accounts
from app.services.audit import ACTIONS, list_events
from ui import style
from ui.text import date_text


def _when(stamp: str) -> str:
    """An event's UTC time as this computer's local date and time: «01.12.2026 07:43»."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone()
    return f"{date_text(local.date())} {local:%H:%M}"


class AuditView(QWidget):
    """Events of every device, newest first, with filters above the table."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_from.setCalendarPopup(True)
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to = QDateEdit(today)
        self.date_to.setCalendarPopup(True)
        self.date_to.setAccessibleName(self.tr("To"))
        for edit in (self.date_from, self.date_to):  # as every date in Opora, not «01.11.26»
            edit.setDisplayFormat("dd.MM.yyyy")
        self.user_box = QComboBox()
        self.user_box.setAccessibleName(self.tr("Account"))
        self.user_box.addItem(self.tr("All accounts"), None)
        for account in list_accounts(db):
            self.user_box.addItem(account.login, account.login)
        self.action_box = QComboBox()
        self.action_box.setAccessibleName(self.tr("Action"))
        self.action_box.addItem(self.tr("All actions"), None)
        for action in ACTIONS:
            self.action_box.addItem(self.action_name(action), action)
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.refresh)

        # Two rows: at 150 % one row of five filters is wider than the page.
        filters = QGridLayout()
        for n, (label, widget) in enumerate(
            (
                (self.tr("From:"), self.date_from),
                (self.tr("To:"), self.date_to),
                (self.tr("Account:"), self.user_box),
                (self.tr("Action:"), self.action_box),
            )
        ):
            filters.addWidget(QLabel(label), n // 2, (n % 2) * 2)
            filters.addWidget(widget, n // 2, (n % 2) * 2 + 1)
        filters.addWidget(show, 1, 4)
        filters.setColumnStretch(5, 1)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Account"),
                self.tr("Device"),
                self.tr("Action"),
                self.tr("Record type"),
                self.tr("Record"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Audit trail"))
        style.rows_tall(self.table, 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.refresh()

    def action_name(self, action: str) -> str:
        names = {
            "view": self.tr("viewed"),
            "print": self.tr("printed"),
            "export": self.tr("exported"),
            "change": self.tr("changed"),
            "login": self.tr("signed in"),
            "login-failed": self.tr("failed sign-in"),
        }
        return names.get(action, action)

    def refresh(self) -> None:
        """Read the events matching the filters."""
        start = self.date_from.date().toPython()
        end = self.date_to.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        events = list_events(self.db, start, end, self.user_box.currentData())
        action = self.action_box.currentData()
        if action:
            events = [e for e in events if e["action"] == action]
        events.reverse()
        self.table.setRowCount(len(events))
        for row, event in enumerate(events):
            record = event["record_id"] or (str(event["count"]) if event["count"] else "")
            values = (
                _when(event["at"]),
                event["user"],
                event["device"],
                self.action_name(event["action"]),
                event["type"] or "",
                record,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
