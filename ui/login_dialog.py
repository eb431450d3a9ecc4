"""Login: account and password unlock the (encrypted) database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AuthError, OporaError
from ui import style
from ui.icons import icon
from ui.labels import sentence
from ui.runner import run_in_background

Opener = Callable[[str, str], Any]


class LoginDialog(QDialog):
    """Asks for login and password and opens the database off the GUI thread.

    `opener(login, password)` returns the opened database or raises AuthError; after
    accept(), `result_value` holds what it returned.
    """

    def __init__(
        self, database_label: str, opener: Opener, login: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._opener = opener
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Opora — sign in"))
        self.setWindowIcon(icon("log-in"))
        self.setMinimumWidth(420)

        intro = QLabel(self.tr("Enter your account and password to open the database."))
        intro.setWordWrap(True)
        where = QLabel(self.tr("Database: {path}").format(path=database_label))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.login_edit = QLineEdit(login)
        self.login_edit.setAccessibleName(self.tr("Account"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        style.error_text(self.error_label)
        self.error_label.setAccessibleName(self.tr("Error"))
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Account:"), self.login_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self._try_open)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.password_edit if login else self.login_edit).setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.login_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()

    def _try_open(self) -> None:
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if not login:
            self.show_error(self.tr("Enter your account name."))
            self.login_edit.setFocus()
            return
        self.error_label.hide()
        self._set_busy(True)
        run_in_background(
            lambda: self._opener(login, password), self._opened, on_error=self._failed
        )

    def _opened(self, value: Any) -> None:
        self._set_busy(False)
        self.result_value = value
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, AuthError):
            self.show_error(
                self.tr(
                    "Wrong account or password. Check the keyboard layout and Caps Lock, "
                    "then try again."
                )
            )
            self.password_edit.selectAll()
            self.password_edit.setFocus()
        elif isinstance(exc, OporaError):
            self.show_error(sentence(exc.message))
        else:
            self.show_error(self.tr("The database could not be opened: {error}.").format(error=exc))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
