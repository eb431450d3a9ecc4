"""First run without the command line: the app started with no database offers the demo,
a new centre database, or a laptop connected by its enrollment file, and remembers the
database it opened (in the platform's config folder) for the next start.

See docs/decisions/091-first-run.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.commands.gui import DEMO_FAMILIES
from app.db.database import Database
from app.errors import OporaError
from app.files import default_database
from app.services.accounts import password_problem
from ui import style
from ui.icons import icon
from ui.labels import sentence
from ui.remembered import demo_database, remember
from ui.runner import run_in_background, run_with_progress
from ui.settings import UiSettings


class FirstRunDialog(QDialog):
    """Three ways to start; after accept(), `database` is open and `demo` says which kind."""

    def __init__(
        self,
        location: Path | None = None,
        demo_location: Path | None = None,
        demo_families: int = DEMO_FAMILIES,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.demo = False
        self.location = Path(location or default_database())
        self.demo_location = Path(demo_location or demo_database())
        self._demo_families = demo_families
        self._busy = False
        self.setWindowTitle(self.tr("Opora — first start"))
        self.setWindowIcon(icon("users"))
        self.setMinimumWidth(520)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._centre_page())
        self.pages.addWidget(self._enroll_page())

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        style.error_text(self.error_label)
        self.error_label.setAccessibleName(self.tr("Error"))
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.error_label)
        self.show_choice()

    # pages
    def _choice_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Welcome to Opora"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "There is no database on this computer yet. Choose how to start; Opora will "
                "open the same database next time."
            )
        )
        intro.setWordWrap(True)
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo"),
            self.tr("Try Opora on invented families, groups and services. Nothing real."),
        )
        self.centre_button = QCommandLinkButton(
            self.tr("Create the centre's database"),
            self.tr(
                "For the centre's computer: a new encrypted database and the "
                "administrator's account."
            ),
        )
        self.enroll_button = QCommandLinkButton(
            self.tr("Connect a laptop with its enrollment file"),
            self.tr(
                "For a specialist's laptop: the file the centre made for it and the password "
                "set for you at the centre."
            ),
        )
        self.demo_button.clicked.connect(self.open_demo)
        self.centre_button.clicked.connect(lambda: self._show_page(1, self.centre_name))
        self.enroll_button.clicked.connect(lambda: self._show_page(2, self.enroll_file))
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        for button in (self.demo_button, self.centre_button, self.enroll_button):
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    def _location_row(self) -> tuple[QLabel, QPushButton]:
        label = QLabel(str(self.location))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton(self.tr("Change…"))
        change.clicked.connect(self._choose_location)
        return label, change

    def _buttons(self, action: str, slot: Any) -> tuple[QHBoxLayout, QPushButton]:
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.show_choice)
        go = QPushButton(action)
        go.clicked.connect(slot)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(back)
        row.addWidget(go)
        return row, go

    def _password_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        return edit

    def _centre_page(self) -> QWidget:
        page = QWidget()
        self.centre_name = QLineEdit()
        self.centre_name.setAccessibleName(self.tr("Centre's name"))
        self.centre_name.setPlaceholderText(self.tr("e.g. ЦНСП Малинської громади"))
        self.centre_admin = QLineEdit("admin")
        self.centre_admin.setAccessibleName(self.tr("Administrator's login"))
        self.centre_password = self._password_edit(self.tr("Password"))
        self.centre_repeat = self._password_edit(self.tr("Repeat the password"))
        self.centre_location, change = self._location_row()
        where = QHBoxLayout()
        where.addWidget(self.centre_location, 1)
        where.addWidget(change)
        form = QFormLayout()
        form.addRow(self.tr("Centre's &name:"), self.centre_name)
        form.addRow(self.tr("Administrator's &login:"), self.centre_admin)
        form.addRow(self.tr("&Password:"), self.centre_password)
        form.addRow(self.tr("&Repeat the password:"), self.centre_repeat)
        form.addRow(self.tr("Database file:"), where)
        note = self.tr(
            "The database is encrypted; without this password nobody can read it, and "
            "it cannot be recovered. Write it down and keep it safe."
        )
        buttons, self.centre_go = self._buttons(self.tr("Create"), self.create_centre)
        self._lay_out(page, self.tr("<b>The centre's database</b>"), form, note, buttons)
        return page

    def _enroll_page(self) -> QWidget:
        page = QWidget()
        self.enroll_file = QLineEdit()
        self.enroll_file.setAccessibleName(self.tr("Enrollment file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_enrollment_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.enroll_file, 1)
        file_row.addWidget(browse)
        self.enroll_password = self._password_edit(self.tr("Password"))
        self.enroll_location, change = self._location_row()
        where = QHBoxLayout()
        where.addWidget(self.enroll_location, 1)
        where.addWidget(change)
        form = QFormLayout()
        file_label = QLabel(self.tr("Enrollment &file:"))
        file_label.setBuddy(self.enroll_file)  # a row of two widgets has no automatic buddy
        form.addRow(file_label, file_row)
        form.addRow(self.tr("&Password:"), self.enroll_password)
        form.addRow(self.tr("Database file:"), where)
        note = self.tr(
            "The password is the one set for you at the centre when this laptop was "
            "enrolled; it opens the file and, from now on, this laptop's database."
        )
        buttons, self.enroll_go = self._buttons(self.tr("Connect"), self.enroll_laptop)
        self._lay_out(page, self.tr("<b>Connect this laptop</b>"), form, note, buttons)
        return page

    @staticmethod
    def _lay_out(
        page: QWidget, title: str, form: QFormLayout, note: str, buttons: QHBoxLayout
    ) -> None:
        """A form page: its title, the form, a wrapped note under it, the buttons at the foot."""
        hint = QLabel(note)
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(title))
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addLayout(buttons)

    # navigation
    def show_choice(self) -> None:
        self._show_page(0, self.demo_button)

    def _show_page(self, index: int, focus: QWidget) -> None:
        self.error_label.hide()
        self.pages.setCurrentIndex(index)
        # Enter acts on the shown page's button only.
        self.centre_go.setDefault(index == 1)
        self.enroll_go.setDefault(index == 2)
        focus.setFocus()

    def _choose_location(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Where to keep the database"),
            str(self.location),
            self.tr("Opora database (*.db)"),
        )
        if chosen:
            self.location = Path(chosen)
            self.centre_location.setText(chosen)
            self.enroll_location.setText(chosen)

    def _choose_enrollment_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Enrollment file"))
        if chosen:
            self.enroll_file.setText(chosen)

    # work
    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.pages.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()

    def _free_location(self) -> bool:
        if self.location.exists():
            self.show_error(
                self.tr(
                    "There is already a database at {path}. Choose another place with «Change…»."
                ).format(path=self.location)
            )
            return False
        try:
            self.location.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.show_error(
                self.tr("The folder cannot be created: {error}.").format(error=error.strerror)
            )
            return False
        return True

    def _opened(self, database: Database) -> None:
        self._set_busy(False)
        self.database = database
        where = database.path or database.target.url
        remember(where, self.demo)
        if database.login and not self.demo:  # the next start offers the account just made
            UiSettings().set_login_for(str(where), database.login)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, OporaError):
            self.show_error(sentence(error.message))
        else:
            self.show_error(self.tr("It did not work: {error}.").format(error=error))

    def open_demo(self) -> None:
        """Open the kept demo database, creating it (with a progress dialog) the first time."""
        from app.demo import create_demo_database, open_demo

        if self._busy:
            return
        self.demo = True
        path = self.demo_location
        self._set_busy(True)
        if path.exists():
            run_in_background(lambda: open_demo(path), self._opened, on_error=self._failed)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        run_with_progress(
            self,
            self.tr("Creating demo data…"),
            lambda: create_demo_database(path, self._demo_families),
            lambda _result: run_in_background(
                lambda: open_demo(path), self._opened, on_error=self._failed
            ),
            on_error=self._failed,
        )

    def create_centre(self) -> None:
        from app.services.setup import init_centre

        name = self.centre_name.text().strip()
        admin = self.centre_admin.text().strip()
        password = self.centre_password.text()
        if not name:
            self.show_error(self.tr("Enter the centre's name."))
            self.centre_name.setFocus()
            return
        if not admin:
            self.show_error(self.tr("Enter the administrator's login."))
            self.centre_admin.setFocus()
            return
        if not password:
            self.show_error(self.tr("Enter a password."))
            self.centre_password.setFocus()
            return
        problem = password_problem(admin, password)
        if problem:  # the command line's policy (decision 062): the file holds survivors' records
            self.show_error(sentence(problem))
            self.centre_password.selectAll()
            self.centre_password.setFocus()
            return
        if password != self.centre_repeat.text():
            self.show_error(self.tr("The two passwords differ. Type them again."))
            self.centre_repeat.clear()
            self.centre_repeat.setFocus()
            return
        if self._busy or not self._free_location():
            return
        self.demo = False
        self._set_busy(True)
        path = self.location
        run_in_background(
            lambda: init_centre(path, name=name, admin=admin, password=password, encrypted=True),
            self._opened,
            on_error=self._failed,
        )

    def enroll_laptop(self) -> None:
        from app.sync.enrollment import init_field

        file = self.enroll_file.text().strip()
        password = self.enroll_password.text()
        if not file or not Path(file).is_file():
            self.show_error(self.tr("Choose the enrollment file the centre gave you."))
            self.enroll_file.setFocus()
            return
        if not password:
            self.show_error(self.tr("Enter your password."))
            self.enroll_password.setFocus()
            return
        if self._busy or not self._free_location():
            return
        self.demo = False
        self._set_busy(True)
        path = self.location
        run_in_background(
            lambda: init_field(path, file, password, encrypted=True),
            self._opened,
            on_error=self._failed,
        )

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def first_run(location: Path | None = None) -> FirstRunDialog | None:
    """Show the dialog; the accepted dialog (its database open), or None when closed."""
    dialog = FirstRunDialog(location)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.database is None:
        return None
    return dialog
