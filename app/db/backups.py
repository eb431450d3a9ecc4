"""Backups of an SQLite database (the online backup API, encrypted as the original, keyring
beside it) and restoring one in place (decision 071)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

from app.db import keyring
from app.db.database import Database, Target, _remove_with_companions
from app.db.engines import STATEMENT_WAIT_MS, _use_key
from app.errors import OporaError
from app.files import fsync_directory
from app.i18n import tr


def backup_file(db: Database, destination: Path) -> Path:
    """A consistent copy of an SQLite database (online backup API), encrypted as the
    original; the keyring is copied beside it. Written to a temporary name, then renamed;
    a failure (a full disk) leaves nothing behind."""
    assert db.path is not None
    temporary = destination.with_name(destination.name + ".tmp")
    _remove_with_companions(temporary)
    module: Any = sqlcipher3 if db.key is not None else sqlite3
    try:
        target = module.connect(str(temporary))
        try:
            if db.key is not None:
                _use_key(target, db.key)
            raw = db.engine.raw_connection()
            try:
                raw.driver_connection.backup(target)  # type: ignore[union-attr]
            finally:
                raw.close()
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        if db.target.encrypted and db.target.keyring is not None:
            keyring.write(keyring.keyring_path(destination), keyring.read(db.target.keyring))
        temporary.replace(destination)
        fsync_directory(destination.parent)
    finally:
        _remove_with_companions(temporary)
    return destination


def restore_content(backup: Database, target: Target, key: bytes | None) -> None:
    """Replace the content of the database file at `target` (keyed with `key`) with that of
    `backup`, in place and atomically, holding the file exclusively.

    The file is never swapped under a live connection: if any other program has it open
    (the GUI, an import), it is refused with a message; while the copy runs, no one else
    can read or write it; a crash or a full disk mid-way leaves the old content (SQLite's
    rollback journal). The file keeps `key` unless the backup's differs, then it is re-keyed
    to the backup's so that the backup's key file opens it."""
    assert target.path is not None
    module: Any = sqlcipher3 if key is not None else sqlite3
    live = module.connect(str(target.path), timeout=STATEMENT_WAIT_MS / 1000)
    try:
        if key is not None:
            _use_key(live, key)
        live.isolation_level = None
        live.execute("PRAGMA locking_mode=EXCLUSIVE")
        try:
            mode = live.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            live.execute("BEGIN EXCLUSIVE")
            live.execute("COMMIT")  # the exclusive lock stays until the connection closes
        except module.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            mode = "wal"
        if str(mode).lower() != "delete":
            raise OporaError(
                tr(
                    "the database {path} is in use by another program (an Opora window or "
                    "command); close it, then restore again",
                    path=target.path,
                )
            )
        raw = backup.engine.raw_connection()
        try:
            raw.driver_connection.backup(live)  # type: ignore[union-attr]
        finally:
            raw.close()
        if backup.key is not None and backup.key != key:
            live.execute(f"PRAGMA rekey = \"x'{backup.key.hex()}'\"")
        live.execute("PRAGMA journal_mode=WAL")
    finally:
        live.close()
    fsync_directory(target.path.parent)
