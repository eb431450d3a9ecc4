"""Why a database file did not open, said accurately to the user (app/db/database.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DatabaseError as SADatabaseError

from app.db import keyring
from app.errors import OporaError
from app.i18n import tr

if TYPE_CHECKING:
    from app.db.database import Target

SQLITE_HEADER = b"SQLite format 3\x00"


def open_failure(where: Target, error: SADatabaseError, *, encrypted: bool) -> OporaError | None:
    """Why a database file did not open, said accurately: read-only media, a missing or
    foreign key file, or a file that is not an Opora database; None to let the error
    boundary speak (a busy, full or failing disk)."""
    path = where.path
    code = str(getattr(error.orig, "sqlite_errorname", "") or "")
    if path is None:
        return OporaError(
            tr("the database {path} is not an Opora database or is damaged", path=where.display)
        )
    if code.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")):
        if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
            return OporaError(
                tr(
                    "the database {path} is on read-only media or in a write-protected folder; "
                    "copy it, with its companion files, to a writable folder",
                    path=path,
                )
            )
        return None
    if not code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return None
    keys = keyring.keyring_path(path)
    if encrypted:
        return OporaError(
            tr(
                "the key file {keys} does not open the database {path}: it belongs to another "
                "database, or the database is damaged; restore both from a backup",
                keys=keys,
                path=path,
            )
        )
    if looks_encrypted(path):
        return OporaError(
            tr(
                "the database {path} is encrypted, but its key file {keys} is missing; put the "
                "key file back beside it (a backup has one)",
                path=path,
                keys=keys,
            )
        )
    return OporaError(tr("the database {path} is not an Opora database or is damaged", path=path))


def looks_encrypted(path: Path) -> bool:
    """Whether a file that SQLite cannot read looks like an SQLCipher database: whole pages
    of random bytes rather than a damaged SQLite file or some other document."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    if size < 1024 or size % 1024 or head.startswith(SQLITE_HEADER):
        return False
    return len(set(head)) > 200  # random bytes use nearly all 256 values
