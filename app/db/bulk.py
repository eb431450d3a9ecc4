"""Bulk writes of merged rows: the merge's hot path.

On SQLite the rows go straight to the driver's `executemany` with values already in their
stored form (ISO dates are what SQLAlchemy's SQLite `Date` stores; code lists are the sorted
JSON `CodeList` stores), which avoids SQLAlchemy's per-row parameter processing — about half
of the merge's time. Other databases take the portable Core statements.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, insert, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.db.base import codes_text, document_text
from app.db.registry import EntitySpec


def _insert_sql(table: Table, columns: Sequence[str]) -> str:
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"


def _sqlite_rows(
    kinds: Sequence[tuple[str, str | None]], rows: Sequence[dict[str, Any]]
) -> list[tuple[Any, ...]]:
    pick = itemgetter(*(c for c, _ in kinds))
    codes = [i for i, (_, kind) in enumerate(kinds) if kind == "codes"]
    documents = [i for i, (_, kind) in enumerate(kinds) if kind == "document"]
    if not codes and not documents:
        return [pick(row) for row in rows]
    out = []
    for row in rows:
        values = list(pick(row))
        for i in codes:
            if values[i] is not None:
                values[i] = codes_text(values[i])
        for i in documents:
            if values[i] is not None:
                values[i] = document_text(values[i])
        out.append(tuple(values))
    return out


def _core_value(kind: str | None, value: Any) -> Any:
    if value is not None and kind == "date":
        return dt.date.fromisoformat(value)
    return value


def write_rows(
    connection: Connection,
    entity: EntitySpec,
    columns: Sequence[str],
    rows: Sequence[dict[str, Any]],
    *,
    new: bool,
) -> None:
    """Insert (`new`) or update by id `rows` holding `columns`, values in interchange form."""
    if not rows:
        return
    kinds = [(c, entity.field(c).kind if entity.field(c) else None) for c in columns]
    table = entity.table
    if connection.dialect.name == "sqlite":
        values = _sqlite_rows(kinds, rows)
        if new:
            connection.exec_driver_sql(_insert_sql(table, columns), values)
        else:
            settings = ", ".join(f"{c} = ?" for c in columns if c != "id")
            sql = f"UPDATE {table.name} SET {settings} WHERE id = ?"
            order = [i for i, c in enumerate(columns) if c != "id"] + [columns.index("id")]
            connection.exec_driver_sql(sql, [tuple(v[i] for i in order) for v in values])
        return
    stored = [{c: _core_value(k, row[c]) for c, k in kinds} for row in rows]
    if new:
        connection.execute(insert(table), stored)
    else:
        _update_by_id(connection, table, columns, stored)


def _update_by_id(
    connection: Connection, table: Table, columns: Sequence[str], rows: list[dict[str, Any]]
) -> None:
    names = [c for c in columns if c != "id"]
    statement = (
        update(table).where(table.c.id == bindparam("_id")).values({c: bindparam(c) for c in names})
    )
    connection.execute(statement, [{**{c: r[c] for c in names}, "_id": r["id"]} for r in rows])


def insert_plain(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert rows of plain columns (text and numbers only) — the change log."""
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(_insert_sql(table, columns), list(rows))
    else:
        connection.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])


BULK_CACHE_KIB = 64_000
NORMAL_CACHE_KIB = 2_000


@contextmanager
def bulk_cache(session: Session) -> Iterator[None]:
    """A 64 MiB SQLite page cache for one bulk write (`records import`, a merge): the pages of
    the indexes that random ids touch stay in memory instead of spilling to the journal and
    being read back. Given back afterwards so a long-running GUI keeps its memory."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        session.execute(text(f"PRAGMA cache_size=-{BULK_CACHE_KIB}"))
    try:
        yield
    finally:
        if sqlite:
            session.execute(text(f"PRAGMA cache_size=-{NORMAL_CACHE_KIB}"))


_jobs = 0  # bulk jobs running now (threads of the GUI may run two)
_collecting = False  # whether the collector ran before the first of them
_jobs_lock = threading.Lock()


def gc_pause_held() -> bool:
    """Whether a bulk job holds the cycle collector paused now: the GUI, which collects on
    a timer of its own (ui/collector.py), leaves it paused too."""
    return _jobs > 0


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused during one bulk job (about 15% of a merge's or an
    import's CPU: each collection walks the hundreds of thousands of rows held); what the
    job frees is freed by reference counting as usual. Overlapping jobs share one pause; the
    collector runs again when the last ends, if it ran before the first began."""
    global _jobs, _collecting
    with _jobs_lock:
        if _jobs == 0:
            _collecting = gc.isenabled()
            gc.disable()
        _jobs += 1
    try:
        yield
    finally:
        with _jobs_lock:
            _jobs -= 1
            if _jobs == 0 and _collecting:
                gc.enable()
