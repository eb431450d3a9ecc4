"""The interchange format's import and export (CONTRACT.md «records import / export»):
JSON lines read and applied all or nothing, and every live record written canonically.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import String, literal, select, type_coerce

from app.db.bulk import bulk_cache, gc_paused
from app.db.database import Database, self_device_id
from app.db.json_text import object_encoder
from app.db.postgres import binary_order
from app.db.registry import INTERCHANGE, EntitySpec
from app.errors import UsageError, ValidationError
from app.files import NotARegularFile, open_regular
from app.i18n import tr
from app.services import audit
from app.services.edits import Edit, parse_edit, text_warnings
from app.services.permissions import (
    RESTRICTED_LABEL,
    Hidden,
    actor_of,
    hidden_for,
)
from app.services.record_batch import RecordBatch


def read_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of an interchange file.

    Only a regular file is read (a FIFO would hang the import); a line that is not UTF-8 or
    is nested too deeply for the parser is refused, located, like any malformed line."""
    try:
        with open_regular(path) as handle:
            for number, raw in enumerate(handle, start=1):
                try:  # a byte-order mark is fine
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    raise ValidationError("json", tr("is not UTF-8 text")).located(
                        str(path), number
                    ) from None
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except RecursionError:
                    raise ValidationError("json", tr("nested too deeply")).located(
                        str(path), number
                    ) from None
                except ValueError as error:
                    raise ValidationError(
                        "json", tr("not a JSON object: {error}", error=error)
                    ).located(str(path), number) from None
                if not isinstance(value, dict):
                    raise ValidationError(
                        "json", tr("not a JSON object: {error}", error=type(value).__name__)
                    ).located(str(path), number)
                yield number, value
    except NotARegularFile:
        raise UsageError(tr("{file} is not a regular file", file=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(tr("cannot read {file}: {error}", file=path, error=error)) from error


def import_records(
    db: Database, path: Path | str, warn: Callable[[ValidationError], None] | None = None
) -> int:
    """Apply an interchange file as local edits, all or nothing; returns records written.

    Any bad line raises `ValidationError` located at the file and line, and nothing is
    written. Doubts that do not stop the import (`text_warnings`) go to `warn`, located."""
    with gc_paused():
        return _import(db, Path(path), warn)


def _import(db: Database, path: Path, warn: Callable[[ValidationError], None] | None) -> int:
    # The whole file is read before the write session begins; each line's object is let go
    # once parsed, so the raw and the parsed forms are never both held whole.
    lines = deque(read_lines(path))
    actor = actor_of(db)
    with db.session() as session, bulk_cache(session):
        batch = RecordBatch(session, self_device_id(session), actor=actor, allow_retired=True)
        edits: list[tuple[int, Edit]] = []
        while lines:
            number, raw = lines.popleft()
            try:
                edits.append((number, parse_edit(raw, batch.codes)))
            except ValidationError as error:
                raise error.located(str(path), number) from None
            if warn is not None:
                for doubt in text_warnings(edits[-1][1]):
                    warn(doubt.located(str(path), number))
        batch.prefetch(edit for _, edit in edits)
        batch.file = str(path)
        for number, edit in edits:
            try:
                batch.apply(edit, number)
            except ValidationError as error:
                raise error.located(str(path), number) from None
        written = batch.commit()
        audit.changed(session, db.login, batch.touched)
        return written


def export_records(db: Database) -> Iterator[str]:
    """Every live record in canonical interchange form, one JSON line each (no newline).

    Every field present (null when empty), keys and lists sorted, no ASCII escaping, types
    in the contract's order, then by id. Sync metadata never appears."""
    encode = object_encoder()
    actor = actor_of(db)
    with db.reading() as session, bulk_cache(session):  # rows in id order: random pages
        hidden = hidden_for(session, actor)
        sqlite = session.get_bind().dialect.name == "sqlite"
        for entity in INTERCHANGE:
            table = entity.table
            # Columns selected in the order of their sorted keys, so the dict is built sorted
            # and the encoder need not sort each record again.
            keys = sorted(("id", "type", *entity.field_names))
            dates = [i for i, k in enumerate(keys) if _kind(entity, k) == "date"]
            if sqlite:  # a date comes back as stored, ISO text: not parsed to be printed again
                dates = []
            columns = [_export_column(entity, k, sqlite) for k in keys]
            query = (
                select(*columns)
                .where(table.c.deleted.is_(False))
                .order_by(binary_order(table.c.id, session))
                .execution_options(yield_per=_EXPORT_CHUNK)
            )
            for row in session.execute(query):
                if dates:
                    row = list(row)
                    for i in dates:
                        if row[i] is not None:
                            row[i] = row[i].isoformat()
                record = dict(zip(keys, row, strict=True))
                if hidden and not _visible_export(entity.name, record, hidden):
                    continue
                yield encode(record)


_EXPORT_CHUNK = 2000  # rows fetched at a time


def _kind(entity: EntitySpec, key: str) -> str | None:
    spec = entity.field(key)
    return spec.kind if spec is not None else None


def _export_column(entity: EntitySpec, key: str, sqlite: bool) -> Any:
    """The column of one exported key; on SQLite a date is read as its stored ISO text."""
    if key == "type":
        return literal(entity.name)
    column = entity.table.c[key]
    if sqlite and _kind(entity, key) == "date":
        return type_coerce(column, String)
    return column


def _visible_export(type_name: str, record: dict[str, Any], hidden: Hidden) -> bool:
    """Whether an exported record shows to the account; a visible record that names a
    hidden person keeps no reference to it (a participant shows «обмежений запис»)."""
    if hidden.hides(type_name, record):
        return False
    if record.get("person_id") in hidden.persons:
        record["person_id"] = None
        if type_name == "participant":
            record["name"] = tr(RESTRICTED_LABEL)
            record["phone"] = None
    return True
