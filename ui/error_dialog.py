"""The GUI's error boundary: an exception nobody caught becomes a dialog, not a dead window.

`install` replaces `sys.excepthook` (PySide6 routes exceptions raised in slots and virtual
methods there). The dialog says what happened in one sentence (app/boundary.py, the same
words as the command line), what to do, and where the log is; the log entry holds no record
values. Showing the dialog never raises: a failure while failing is only logged.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.boundary import Explained, explain, log_path

_previous: Callable[..., object] | None = None
_showing = False


def error_box(explained: Explained, parent: QWidget | None = None) -> QMessageBox:
    """The dialog for one failure (not shown yet)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Opora: something went wrong"))
    box.setText(explained.message)
    advice = QCoreApplication.translate(
        "ErrorDialog",
        "What you saved before is safe. Close this message and try again; if it happens "
        "again, restart Opora. If it keeps happening, give the log file to whoever supports "
        "your centre:",
    )
    box.setInformativeText(f"{advice}\n{log_path()}")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(error: BaseException, parent: QWidget | None = None) -> Explained:
    """Explain `error` to the user in a dialog (logging it if unexpected); returns what was
    said. Safe to call from any handler on the GUI thread."""
    explained = explain(error, where="gui")
    global _showing
    if _showing:  # an error while the dialog is up: logged above, not shown twice
        return explained
    _showing = True
    try:
        error_box(explained, parent or QApplication.activeWindow()).exec()
    finally:
        _showing = False
    return explained


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if error.__traceback__ is None:
        error = error.with_traceback(trace)
    app = QApplication.instance()
    on_gui_thread = app is not None and QThread.currentThread() == app.thread()
    if not on_gui_thread:
        explain(error, where="gui worker")  # logged; a worker reports through its task
        return
    try:
        show_error(error)
    except Exception as failure:  # noqa: BLE001 - the boundary itself must never raise
        explain(failure, where="gui error dialog")


def _thread_hook(arguments: threading.ExceptHookArgs) -> None:
    if arguments.exc_value is not None:
        explain(arguments.exc_value, where="gui thread")


def install() -> None:
    """Make every uncaught exception of the GUI a dialog and a log entry (idempotent)."""
    global _previous
    if sys.excepthook is _hook:
        return
    _previous = sys.excepthook
    sys.excepthook = _hook
    threading.excepthook = _thread_hook


def uninstall() -> None:
    """Put the previous hook back (tests)."""
    global _previous
    if sys.excepthook is _hook and _previous is not None:
        sys.excepthook = _previous  # type: ignore[assignment]
        _previous = None
