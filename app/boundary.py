"""The error boundary: any failure becomes one short line in the user's language.

The command line (`app/cli.py`) and the GUI (`ui/error_dialog.py`) both pass every error that
reaches them through `explain`. Expected failures (`OporaError`) keep their message. Failures
of the machine — a busy, full, read-only or failing disk, a damaged file, no memory — get a
message that says what happened and what to do. Anything else is a bug: the user reads that
something unexpected happened and where the log is, and the log gets an entry.

A log entry holds the exception types of the chain, stable codes (SQLite's error name, the
errno's name) and the frames (file, line, function) — never an exception's text, arguments
or local variables, which may carry a record's field values (DESIGN.md, invariant 7).
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import logging.handlers
import os
import sqlite3
import traceback
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from platformdirs import user_log_dir

from app.errors import OporaError
from app.i18n import tr

LOG_FILE = "opora.log"
LOG_BYTES = 512 * 1024
LOG_BACKUPS = 3

_SQLITE_ERRORS = (sqlite3.Error, sqlcipher3.Error)
_handler: _PrivateLog | None = None


def log_folder() -> Path:
    """Where the log lives: the platform's user log folder (platformdirs)."""
    return Path(user_log_dir("opora", appauthor=False))


def log_path() -> Path:
    """The current log file."""
    return log_folder() / LOG_FILE


@dataclass(frozen=True)
class Explained:
    """What to tell the user about a failure, the exit status, and whether it was logged."""

    message: str
    exit_code: int
    logged: bool


def _chain(error: BaseException) -> list[BaseException]:
    """The error and every error it was raised from or while handling (cause first kept)."""
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _sqlite_code(error: BaseException) -> str | None:
    """SQLite's error name (`SQLITE_BUSY`, …) of a driver error; None for others."""
    if not isinstance(error, _SQLITE_ERRORS):
        return None
    name = getattr(error, "sqlite_errorname", None)
    if isinstance(name, str):
        return name
    text = str(error)  # an older driver without error names: SQLite's fixed messages
    for fragment, code in (
        ("database is locked", "SQLITE_BUSY"),
        ("database or disk is full", "SQLITE_FULL"),
        ("readonly database", "SQLITE_READONLY"),
        ("disk I/O error", "SQLITE_IOERR"),
        ("file is not a database", "SQLITE_NOTADB"),
        ("malformed", "SQLITE_CORRUPT"),
        ("unable to open database", "SQLITE_CANTOPEN"),
    ):
        if fragment in text:
            return code
    return "SQLITE_ERROR"


def _machine_message(error: BaseException) -> str | None:
    """The message for a failure of the disk, the file or the memory, if it is one."""
    for item in _chain(error):
        code = _sqlite_code(item)
        if code is not None:
            base = code.split("_", 2)[:2]
            family = "_".join(base)
            if family in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                return tr(
                    "the database is busy: another program has been changing it for too long; "
                    "close it or wait, then try again"
                )
            if family == "SQLITE_FULL":
                return tr("not enough disk space; free some space and try again")
            if family == "SQLITE_READONLY":
                return tr(
                    "the database cannot be changed: it is on read-only media or in a "
                    "write-protected folder; copy it to a writable folder"
                )
            if family == "SQLITE_IOERR":
                return tr(
                    "the disk could not be written or read (it may be full, removed or "
                    "failing); nothing was changed"
                )
            if family in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
                return tr("the database file is damaged; restore it from a backup")
            if family == "SQLITE_CANTOPEN":
                return tr("the database file cannot be opened (missing folder or no permission)")
        if isinstance(item, OSError) and item.errno is not None:
            if item.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                return tr("not enough disk space; free some space and try again")
            if item.errno == errno.EFBIG:
                return tr("a file outgrew what this disk or account allows; nothing was changed")
            if item.errno == errno.EROFS:
                return tr("the disk is read-only; use a writable folder")
            if item.errno in (errno.EACCES, errno.EPERM):
                return tr("no permission to read or write a file here; use another folder")
            if item.errno == errno.EIO:
                return tr(
                    "the disk could not be written or read (it may be full, removed or "
                    "failing); nothing was changed"
                )
        if isinstance(item, MemoryError):
            return tr("not enough memory; close other programs and try again")
    return None


def _missing_path(error: BaseException) -> str | None:
    """The message for a path that names no folder or file where one is needed (an `--out`
    into a folder that does not exist, a folder where a file was expected)."""
    for item in _chain(error):
        if (
            isinstance(item, OSError)
            and item.errno in (errno.ENOENT, errno.ENOTDIR, errno.EISDIR)
            and item.filename
        ):
            path = Path(os.fsdecode(item.filename))
            if item.errno == errno.EISDIR:
                return tr("{file} is a folder; give a file's name", file=path)
            # a missing folder is named, not the temporary file an atomic write began there
            shown = path if path.parent.is_dir() else path.parent
            return tr(
                "{file}: no such file or folder; check the path (its folder must exist)",
                file=shown,
            )
    return None


def explain(error: BaseException, *, where: str = "") -> Explained:
    """What the user reads about `error` (one line), and the exit status of the contract.

    Anything but an `OporaError` is logged (see the module's docstring)."""
    if isinstance(error, OporaError):
        return Explained(_one_line(str(error)), error.exit_code, False)
    missing = _missing_path(error)
    if missing is not None:  # a file named on the command line: invalid input (exit 2)
        return Explained(missing, 2, False)
    machine = _machine_message(error)
    logged = log_failure(error, where=where)
    if machine is not None:
        return Explained(machine, 1, logged)
    if logged:
        message = tr(
            "an unexpected error occurred ({kind}); nothing was changed. Details for support "
            "are in {log}",
            kind=type(error).__name__,
            log=log_path(),
        )
    else:
        message = tr(
            "an unexpected error occurred ({kind}); nothing was changed",
            kind=type(error).__name__,
        )
    return Explained(message, 1, logged)


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))


def _codes(error: BaseException) -> str:
    """Stable, value-free codes of an error: SQLite's error name, the errno's name."""
    code = _sqlite_code(error)
    if code is not None:
        return code
    if isinstance(error, OSError) and error.errno is not None:
        return errno.errorcode.get(error.errno, str(error.errno))
    return ""


def describe_for_log(error: BaseException, *, where: str = "") -> str:
    """The log entry of an error: types, codes and frames; no message, argument or local."""
    lines = [f"failure in {where or '?'}"]
    for item in reversed(_chain(error)):
        kind = f"{type(item).__module__}.{type(item).__qualname__}"
        codes = _codes(item)
        lines.append(f"  {kind}" + (f" [{codes}]" if codes else ""))
        for frame in traceback.extract_tb(item.__traceback__):
            lines.append(f"    {frame.filename}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only their owner may read, and which never prints its own
    failures (a full disk must not add a traceback to the user's screen)."""

    failed = False

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        try:
            os.chmod(self.baseFilename, 0o600)
        except OSError:
            pass
        return stream

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failed = True


def _get_handler() -> _PrivateLog | None:
    global _handler
    if _handler is not None and _handler.baseFilename == os.path.abspath(log_path()):
        return _handler
    if _handler is not None:  # the user's folders changed (tests): a new file
        logging.getLogger("opora.failures").removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        log_folder().mkdir(parents=True, exist_ok=True)
        handler = _PrivateLog(
            log_path(), maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None  # no log (a full or read-only disk): the message still says what happened
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("opora.failures")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    _handler = handler
    return handler


def log_failure(error: BaseException, *, where: str = "") -> bool:
    """Append a value-free entry about `error` to the rotating log; False if it cannot be
    written (the disk may be the very thing that failed)."""
    handler = _get_handler()
    if handler is None:
        return False
    from app import __version__

    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    entry = f"{stamp} opora {__version__} pid {os.getpid()} {describe_for_log(error, where=where)}"
    handler.failed = False
    logging.getLogger("opora.failures").error(entry)
    try:
        handler.flush()
    except OSError:
        return False
    return not handler.failed
