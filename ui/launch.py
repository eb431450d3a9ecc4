"""Starting the GUI: sign in (or open demo data), build the window, run the event loop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.db.database import Database, Target, open_database
from app.errors import AuthError
from app.files import private_files
from app.services.accounts import viewer_for
from app.services.audit import note_sign_in, signed_in
from ui.app import create_application
from ui.context import AppContext
from ui.login_dialog import LoginDialog
from ui.runner import run_with_progress
from ui.settings import UiSettings
from ui.shell import Shell

_shell: Shell | None = None  # the running window, kept alive for the event loop


def show_window(db: Database, settings: UiSettings, demo: bool = False) -> Shell:
    global _shell
    context = AppContext(db, settings, viewer_for(db), demo=demo)
    _shell = Shell(context)
    _shell.window.show()
    return _shell


def launch(target: str, login: str | None, password: str | None) -> int:
    """Open `target` (asking for the password unless given) and run the GUI; every file it
    writes (database, exports, printouts) is readable by the user only."""
    with private_files():
        return _launch(target, login, password)


def _launch(target: str, login: str | None, password: str | None) -> int:
    app = create_application()
    settings = UiSettings()
    where = Target.parse(target)
    if where.path is not None and not where.path.exists():
        QMessageBox.critical(
            None,
            app.translate("Launch", "Opora"),
            app.translate(
                "Launch",
                "There is no database at {path}.\nCreate one with «opora "
                "init centre», or try the demo: «opora demo».",
            ).format(path=where.path),
        )
        return 1
    db: Database | None = None
    if password is not None:
        try:
            db = signed_in(
                lambda: open_database(target, login=login, password=password), target, login
            )
        except AuthError:
            db = None
    if db is None:
        dialog = LoginDialog(
            str(where.path or where.url),
            lambda user, secret: signed_in(
                lambda: open_database(target, login=user, password=secret), target, user
            ),
            login or settings.last_login,
        )
        if dialog.exec() != LoginDialog.DialogCode.Accepted:
            return 4
        db = dialog.result_value
        assert db is not None
    settings.last_login = db.login or ""
    note_sign_in(db)
    show_window(db, settings)
    code = app.exec()
    db.close()
    return int(code)


def launch_demo(path: Path, families: int) -> int:
    """Create demo data off the GUI thread with a progress dialog, then open it."""
    with private_files():
        return _launch_demo(path, families)


def _launch_demo(path: Path, families: int) -> int:
    from app.demo import create_demo_database, open_demo

    app = create_application()
    settings = UiSettings()
    opened: list[Database] = []

    def done(_result: object) -> None:
        db = open_demo(path)
        opened.append(db)
        show_window(db, settings, demo=True)

    def failed(error: BaseException) -> None:
        QMessageBox.critical(None, app.translate("Launch", "Opora"), str(error))
        QApplication.exit(1)

    run_with_progress(
        None,
        app.translate("Launch", "Creating demo data…"),
        lambda: create_demo_database(path, families),
        done,
        on_error=failed,
    )
    code = app.exec()
    for db in opened:
        db.close()
    return int(code)
