"""The one write path for synced records.

Every create, edit and delete made on this replica — from a form, `records import` or a
conflict resolution — goes through `RecordWriter.write`: it stamps a hybrid-logical-clock
time, updates the record's per-field versions, and appends one `Change` with the fields
written and the versions they overwrote. Writes are buffered and flushed with executemany,
so a large import costs a few statements per table, not one per row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.actors import current_actor
from app.db.bulk import insert_plain, write_rows
from app.db.clock import HybridLogicalClock, horizon
from app.db.json_text import object_encoder
from app.db.models import Change
from app.db.postgres import lock_for_writing
from app.db.registry import EntitySpec
from app.i18n.text import search_key

SYNC_COLUMNS = ("id", "deleted", "versions")
CHANGE_COLUMNS = ("origin", "seq", "hlc", "entity", "record_id", "data", "bases")
JSON_TEXT = object_encoder()  # a change's data as its log keeps it
WRITTEN = "changes_written"  # session.info: {origin: (first seq, last seq)} flushed by it


def json_value(value: Any) -> Any:
    """A stored value in its interchange (JSON) form."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _iso_date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


# `JSON_TEXT({k: json_value(v) ...})` without the per-field call: the encoder asks for
# a date's ISO form itself (the same text: a date is a JSON string either way).
_DATA_TEXT = object_encoder(default=_iso_date)


def versions_text(versions: Mapping[str, str]) -> str:
    """`json.dumps(versions, sort_keys=True)`, built directly: the names are column names and
    the versions `HLC/UUID` (checked when a change is parsed), so nothing needs escaping."""
    one = set(versions.values())
    if len(one) == 1:  # a record written whole by one change: the common case in bulk
        return _one_version_text(versions, one.pop())
    return "{" + ", ".join([f'"{k}": "{versions[k]}"' for k in sorted(versions)]) + "}"


def _one_version_text(names: Mapping[str, Any], version: str) -> str:
    """`versions_text(dict.fromkeys(names, version))`, built directly."""
    entry = f'": "{version}", "'
    return '{"' + entry.join(sorted(names)) + f'": "{version}"}}' if names else "{}"


def derived_columns(entity_name: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """Columns computed from a record for search; never synced, recomputed on every write."""
    if entity_name == "person":
        phone = row.get("phone") or ""
        parts = [row.get("surname"), row.get("given_name"), row.get("patronymic"), phone]
        if phone.startswith("+38"):
            parts.append(phone[3:])
        return {"search_key": search_key(" ".join(p for p in parts if p))}
    if entity_name == "family":
        phone = row.get("phone") or ""
        parts = [row.get("address"), phone, phone[3:] if phone.startswith("+38") else ""]
        return {"search_key": search_key(" ".join(p for p in parts if p))}
    return {}


def load_clock(session: Session) -> HybridLogicalClock:
    """This replica's clock, resumed from the latest timestamp in its change log that lies
    within the allowed drift of the wall clock: a stamp written while this machine's date was
    wrong does not hold its clock in the future once the date is put right."""
    latest = session.scalar(select(func.max(Change.hlc)).where(Change.hlc <= horizon()))
    return HybridLogicalClock(latest)


def next_seq(session: Session, device_id: str) -> int:
    """The next sequence number of this device's own changes."""
    last = session.scalar(select(func.max(Change.seq)).where(Change.origin == device_id))
    return (last or 0) + 1


class RecordWriter:
    """Buffers local writes of synced records and flushes them, stamped, in one go."""

    def __init__(
        self, session: Session, device_id: str, clock: HybridLogicalClock | None = None
    ) -> None:
        lock_for_writing(session)  # one writer at a time on a PostgreSQL centre
        self.session = session
        # Changes are stamped with this replica's current actor (a new one after a restore).
        self.device_id = current_actor(session, device_id)
        self.clock = clock or load_clock(session)
        self._seq = next_seq(session, self.device_id)  # the actor's own numbering
        self._inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._updates: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._entities: dict[str, EntitySpec] = {}
        self._changes: list[dict[str, Any]] = []
        self._pending: dict[tuple[str, str], dict[str, Any]] = {}

    def write(
        self,
        entity: EntitySpec,
        record_id: str,
        fields: Mapping[str, Any],
        current: Mapping[str, Any] | None,
    ) -> None:
        """Write `fields` (stored values; `deleted` allowed) to a record.

        `current` is the stored row (every column, with `versions`), or None for a new record.
        A record written again before `flush` builds on its buffered row.
        """
        key = (entity.name, record_id)
        buffered = self._pending.get(key)
        if buffered is not None:
            current = buffered
        stamp = self.clock.now()
        version = f"{stamp}/{self.device_id}"
        if current:
            old_versions: dict[str, str] = json.loads(current["versions"])
            while version in old_versions.values():
                # The clock resumed below a stamp it had issued (that stamp ran ahead of the
                # wall clock, decision 030): a version never names itself as its own base.
                stamp = self.clock.now()
                version = f"{stamp}/{self.device_id}"
            if fields.get("deleted") is True:
                # A delete overwrites the record as its author saw it: keeping every version
                # seen lets the merge tell an edit the deleter had not seen (a conflict) from
                # one it had.
                bases = dict(old_versions)
            else:
                bases = {name: old_versions[name] for name in fields if name in old_versions}
            old_versions.update(dict.fromkeys(fields, version))
            versions = versions_text(old_versions)
            row = {name: current[name] for name in (*entity.field_names, "deleted")}
        else:  # a new record: every field it names has this version, and nothing it overwrote
            bases = {}
            versions = _one_version_text(fields, version)
            row = dict.fromkeys(entity.field_names)
            row["deleted"] = False
        row.update(fields)
        row["id"] = record_id
        row["versions"] = versions
        row.update(derived_columns(entity.name, row))
        self._entities[entity.name] = entity
        if buffered is not None:
            buffered.update(row)
        else:
            (self._updates if current else self._inserts)[entity.name].append(row)
            self._pending[key] = row
        self._changes.append(  # in CHANGE_COLUMNS order
            (
                self.device_id,
                self._seq,
                stamp,
                entity.name,
                record_id,
                _DATA_TEXT(fields),
                json.dumps(bases) if bases else "{}",
            )
        )
        self._seq += 1

    def flush(self) -> int:
        """Send the buffered writes to the database; returns how many records were written."""
        written = len(self._changes)
        connection = self.session.connection()
        for buffered, new in ((self._inserts, True), (self._updates, False)):
            for name, rows in buffered.items():
                entity = self._entities[name]
                dates = [f.name for f in entity.fields if f.kind == "date"]
                for row in rows:  # bulk writes take dates in their interchange (ISO) form
                    for column in dates:
                        row[column] = json_value(row[column])
                write_rows(connection, entity, list(rows[0]), rows, new=new)
        insert_plain(connection, Change.__table__, CHANGE_COLUMNS, self._changes)  # type: ignore[arg-type]
        if self._changes:  # which entries this unit of work appended: its audit event names them
            first, last = self._changes[0][1], self._changes[-1][1]
            spans = self.session.info.setdefault(WRITTEN, {})
            low, high = spans.get(self.device_id, (first, last))
            spans[self.device_id] = (min(low, first), max(high, last))
        self._inserts.clear()
        self._updates.clear()
        self._changes.clear()
        self._pending.clear()
        return written
