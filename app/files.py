"""Writing files so that a crash or a pulled USB stick never leaves a half file that looks whole.

Every file Opora writes holds personal data (or keys to it), so every one is created readable
by its owner only (0600 on POSIX): through these helpers, and through `private_files()` around
code that creates files itself (SQLite's database, WAL and journal files).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

PRIVATE = 0o600


def default_database() -> Path:
    """`opora.db` in the platform's user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("opora", appauthor=False)) / "opora.db"


@contextmanager
def private_files() -> Iterator[None]:
    """Files created inside the block are readable by their owner only (umask 077).

    The umask is per process, so this is for the command line and the GUI's own thread of
    database work; files made by helpers below get their mode explicitly anyway."""
    if os.name != "posix":
        yield
        return
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def make_private(path: Path) -> None:
    """Restrict an existing file to its owner (no-op where modes do not exist)."""
    if os.name == "posix":
        try:
            os.chmod(path, PRIVATE)
        except OSError:
            pass


def open_private(path: Path, mode: str = "wb", encoding: str | None = None) -> IO:  # type: ignore[type-arg]
    """`open(path, mode)` that creates the file 0600."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), PRIVATE)
    make_private(Path(path))
    return os.fdopen(fd, mode, encoding=encoding)


def append_private(path: Path, text: str) -> None:
    """Append UTF-8 text to a 0600 file."""
    with open_private(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def fsync_directory(path: Path) -> None:
    """Make a rename in `path` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_writer(path: Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:  # type: ignore[type-arg]
    """A file handle whose content appears at `path` only when the block ends without error:
    written to a temporary file beside it, fsynced, then renamed over `path`."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open_private(temporary, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        fsync_directory(path.parent)
    finally:
        temporary.unlink(missing_ok=True)


@contextmanager
def atomic_text_writer(path: Path) -> Iterator[IO[str]]:
    """`atomic_writer` for UTF-8 text with Unix newlines."""
    with atomic_writer(path, "w", encoding="utf-8") as handle:
        yield handle


class NotARegularFile(OSError):
    """The path names a pipe, a device or a folder, which a reader would wait on for ever."""


def open_regular(path: Path, encoding: str | None = None) -> IO:  # type: ignore[type-arg]
    """Open a file for reading, refusing anything but a regular file (a FIFO would block the
    reader for ever): opened without blocking, checked, then read normally."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return open(fd, "rb" if encoding is None else "r", encoding=encoding)
    except BaseException:
        os.close(fd)
        raise
