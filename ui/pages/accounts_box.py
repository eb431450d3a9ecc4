"""Accounts in the settings page, for the administrator: the list, a new account, disable."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.errors import OporaError
from app.services.accounts import create_account, disable_account, list_accounts
from app.services.permissions import ROLES, SPECIALIST
from app.services.queries import districts
from ui import style
from ui.labels import sentence
from ui.widgets.district_list import DistrictList


class AccountsBox(QGroupBox):
    """The accounts of this database and a form to add one."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Accounts"))
        self.db = db
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login"), self.tr("Role"), self.tr("Name"), self.tr("Districts"), ""]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Accounts"))
        style.rows_tall(self.table, 4)

        self.login_edit = QLineEdit()
        self.login_edit.setAccessibleName(self.tr("Login"))
        self.role_box = QComboBox()
        self.role_box.setAccessibleName(self.tr("Role"))
        for role in ROLES:
            self.role_box.addItem(self.role_name(role), role)
        # most accounts are field specialists; an administrator is made on purpose
        self.role_box.setCurrentIndex(self.role_box.findData(SPECIALIST))
        self.role_box.currentIndexChanged.connect(self._role_changed)
        self.district_list = DistrictList()
        self.refresh_districts()
        lines = min(max(self.district_list.count(), 2), 5)
        row = max(self.district_list.sizeHintForRow(0), self.fontMetrics().lineSpacing() + 6)
        self.district_list.setFixedHeight(row * lines + 2 * self.district_list.frameWidth() + 4)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.add_button = QPushButton(self.tr("Add account"))
        self.add_button.clicked.connect(self.add)
        self.disable_button = QPushButton(self.tr("Disable selected"))
        self.disable_button.clicked.connect(self.disable_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))

        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow(self.tr("&Role:"), self.role_box)
        form.addRow(self.tr("Full &name:"), self.name_edit)
        self.districts_label = QLabel(self.tr("&Districts:"))
        self.districts_label.setBuddy(self.district_list)
        form.addRow(self.districts_label, self.district_list)
        form.addRow(self.tr("&Password:"), self.password_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.disable_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh_districts(self) -> None:
        """The districts to tick (again after the community's districts changed)."""
        self.district_list.fill(districts(self.db))

    def _role_changed(self) -> None:
        """Districts are a specialist's: other roles see every district."""
        specialist = self.role_box.currentData() == SPECIALIST
        self.district_list.setVisible(specialist)
        self.districts_label.setVisible(specialist)

    def chosen_districts(self) -> list[str]:
        return self.district_list.chosen()

    def role_name(self, role: str) -> str:
        names = {
            "admin": self.tr("administrator"),
            "head": self.tr("head"),
            "specialist": self.tr("specialist"),
            "viewer": self.tr("viewer"),
        }
        return names.get(role, role)

    def refresh(self) -> None:
        rows = list_accounts(self.db)
        self.table.setRowCount(len(rows))
        for row, account in enumerate(rows):
            values = (
                account.login,
                self.role_name(account.role),
                account.name,
                ", ".join(account.districts),
                self.tr("disabled") if account.disabled else "",
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def add(self) -> None:
        """Create the account typed in the form; the policy's reason shows below it."""
        try:
            create_account(
                self.db,
                self.login_edit.text(),
                str(self.role_box.currentData()),
                self.password_edit.text(),
                self.name_edit.text().strip() or None,
                self.chosen_districts() if self.role_box.currentData() == SPECIALIST else (),
            )
        except OporaError as error:
            self._say(sentence(error.message), error=True)
            return
        self._say(self.tr("Account {login} created.").format(login=self.login_edit.text()))
        self.login_edit.clear()
        self.name_edit.clear()
        self.password_edit.clear()
        self.district_list.untick()
        self.refresh()

    def disable_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        login = self.table.item(row, 0).text()
        try:
            disable_account(self.db, login)
        except OporaError as error:
            self._say(sentence(error.message), error=True)
            return
        self._say(self.tr("Account {login} disabled.").format(login=login))
        self.refresh()

    def _say(self, text: str, error: bool = False) -> None:
        style.message(self.message, text, error)
