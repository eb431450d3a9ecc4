"""What only a PostgreSQL centre needs: one writer at a time, binary sorting, safe URLs.

Several staff PCs (and `opora serve`) write to one PostgreSQL centre at once. Every write of
synced records — a form's save, `records import`, a bundle's merge, a conflict resolved —
allocates this replica's change sequence numbers, advances its clock, and reads records
before it overwrites them; two such transactions side by side would reuse a sequence number
or lose an update. So each takes a transaction-scoped advisory lock first
(`pg_advisory_xact_lock`): a second writer waits for the first to commit, never fails, and
readers are never blocked (decision 100). On SQLite the file's own write lock does this.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

# The lock's key: any 64-bit number no other application on the server uses ("opora" + 1).
WRITE_LOCK = 0x6F706F7261_01


def is_postgresql(bind: Session | Connection) -> bool:
    """Whether a session or connection talks to PostgreSQL."""
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    return engine.dialect.name == "postgresql"


def lock_for_writing(session: Session) -> None:
    """Wait until no other transaction writes synced records to this PostgreSQL database;
    held until this transaction ends. Does nothing on SQLite."""
    if is_postgresql(session):
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def binary_order(column: Any, bind: Session | Connection) -> Any:
    """`column` to sort by code point, whatever the server's default collation (ids, keys):
    `records export` must come out byte-identical on SQLite and PostgreSQL."""
    return column.collate("C") if is_postgresql(bind) else column


def display_url(url: str) -> str:
    """A database URL fit for messages: the password, if any, masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is shown as typed, minus credentials
        head, _, tail = url.rpartition("@")
        return f"***@{tail}" if head else url
