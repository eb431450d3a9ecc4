"""Demo data: a plausible community with districts, families, groups and a year of work.

Deterministic (a seeded random and a fixed `today`), Qt-free, and written through the
core's RecordBatch/RecordWriter so every record has its change log like a real edit. A
generator: it yields (done, total, text) progress and returns the number of records.
The names and weights are in names.py, the records to write are planned in plan.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from pathlib import Path

from app.db.chunks import chunked
from app.db.database import Database, open_database, self_device_id
from app.db.models import Account, SettingKey
from app.db.settings import set_setting
from app.demo.plan import plan_demo
from app.services.records import RecordBatch, parse_edit
from app.services.setup import init_centre

DEMO_SPECIALIST = "Олена Коваленко"  # the demo account's own name

__all__ = ["create_demo_database", "fill_demo", "open_demo", "plan_demo"]


def fill_demo(
    db: Database,
    families: int = 300,
    *,
    seed: int = 20_260_301,
    today: dt.date | None = None,
    events: bool = True,
    chunk: int = 5_000,
) -> Generator[tuple[int, int, str], None, int]:
    """Write the demo records through RecordBatch (validated, change log stamped), in
    chunks of one transaction each; yields progress, returns how many were written."""
    records = plan_demo(families, seed=seed, today=today, events=events)
    total = len(records)
    written = done = 0
    for part in chunked(records, chunk):
        with db.session() as session:
            device_id = self_device_id(session)
            assert device_id is not None
            batch = RecordBatch(session, device_id, today=today)
            edits = [parse_edit(raw, batch.codes, interchange=False) for raw in part]
            batch.prefetch(edits)
            for edit in edits:
                batch.apply(edit)
            written += batch.commit()
        done += len(part)
        yield (done, total, "")
    return written


def create_demo_database(
    path: Path | str,
    families: int = 300,
    *,
    seed: int = 20_260_301,
    today: dt.date | None = None,
    events: bool = True,
) -> Generator[tuple[int, int, str], None, Path]:
    """A new unencrypted demo database at `path`, filled; yields progress, returns the path.

    Its one account is `demo` (the GUI opens it without asking for a password)."""
    db = init_centre(
        path,
        name="Малинський центр соціальних служб",
        admin="demo",
        password="demo",
        encrypted=False,
    )
    try:
        set_setting(db, SettingKey.CENTRE_ADDRESS, "м. Малин, вул. Соборна, 6")
        with db.session() as session:  # a person's name, not the login, in «Фахівець» fields
            account = session.get(Account, "demo")
            assert account is not None
            account.display_name = DEMO_SPECIALIST
        yield from fill_demo(db, families, seed=seed, today=today, events=events)
    finally:
        db.close()
    return Path(path)


def open_demo(path: Path | str) -> Database:
    """Open a demo database without a password."""
    return open_database(path, login="demo", authenticate=False)
