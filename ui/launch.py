"""Starting the GUI: sign in (or open demo data), build the window, run the event loop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.db.database import Database, Target, open_database
from app.errors import AuthError
from app.files import private_files
from app.services.accounts import viewer_for
from app.services.audit import note_sign_in, signed_in
from ui.app import create_application
from ui.context import AppContext
from ui.first_run import first_run
from ui.login_dialog import LoginDialog
from ui.remembered import remember, start_target
from ui.runner import run_with_progress, shutdown
from ui.settings import UiSettings
from ui.shell import Shell

_shell: Shell | None = None  # the running window, kept alive for the event loop


def show_window(db: Database, settings: UiSettings, demo: bool = False) -> Shell:
    global _shell
    context = AppContext(db, settings, viewer_for(db), demo=demo)
    _shell = Shell(context)
    _shell.window.show()
    QTimer.singleShot(300, _shell.offer_drafts)  # after a crash: say so, offer the drafts
    return _shell


def close_window(db: Database | None) -> None:
    """After the event loop: stop the window's timers, finish background work, close the
    database and free the widgets while Python can still run their destructors."""
    global _shell
    import gc

    import shiboken6

    shell, _shell = _shell, None
    if shell is not None:
        shell.shutdown()
    shutdown()
    if db is not None:
        db.close()
    if shell is not None:
        for widget in [*shell.cards, shell.window]:
            if shiboken6.isValid(widget):
                shiboken6.delete(widget)
        shell.cards.clear()
    QApplication.processEvents()
    gc.collect()


def run_window(db: Database, settings: UiSettings, demo: bool = False) -> int:
    """Show the window on an open database, run the event loop, close everything."""
    app = create_application()
    show_window(db, settings, demo=demo)
    try:
        return int(app.exec())
    finally:
        close_window(db)


def launch(target: str, login: str | None, password: str | None) -> int:
    """Open `target` (asking for the password unless given) and run the GUI; every file it
    writes (database, exports, printouts) is readable by the user only."""
    with private_files():
        return _launch(target, login, password)


def _launch(target: str, login: str | None, password: str | None) -> int:
    create_application()
    settings = UiSettings()
    target = start_target(target)
    where = Target.parse(target)
    if where.path is not None and not where.path.exists():
        started = first_run(where.path)  # demo, a new centre, or a laptop from its file
        if started is None or started.database is None:
            return 0
        note_sign_in(started.database)
        return run_window(started.database, settings, demo=started.demo)
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
            login or settings.login_for(target),
        )
        if dialog.exec() != LoginDialog.DialogCode.Accepted:
            return 4
        db = dialog.result_value
        assert db is not None
    settings.set_login_for(target, db.login or "")
    remember(target)
    note_sign_in(db)
    return run_window(db, settings)


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
    try:
        code = app.exec()
    finally:
        close_window(opened[0] if opened else None)
    return int(code)
