"""Merging remote changes: per-field last-writer-wins, concurrent edits kept as conflicts.

A field's version is `"HLC/DEVICE"`; the larger `(hlc, device)` wins, so any order of the
same changes ends in the same values. Each change also names, per field, the version it
overwrote (its base). Two versions are sequential when one is on the other's base chain
(its author had seen the other); otherwise they were concurrent and the loser is written to
the conflict log with both values, devices and versions. A delete is the `deleted` field:
its base map holds every version its author saw, so an edit it had not seen is a conflict.

Changes are applied in batches with a few bulk statements each (executemany), inside the
caller's transaction: a failure anywhere rolls the whole bundle back.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from app.db.bulk import insert_plain, write_rows
from app.db.models import Change, Conflict
from app.db.registry import TYPES, EntitySpec
from app.db.writer import (
    CHANGE_COLUMNS,
    derived_columns,
    json_value,
    load_clock,
    versions_text,
)
from app.sync.clock import MAX_DRIFT_MS, decode
from app.sync.errors import BundleError, Reason

BATCH = 5000
_IN_CHUNK = 500
_HLC = re.compile(r"[0-9a-f]{16}\Z")
_DEVICE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_CONFLICT_NAMESPACE = uuid.UUID("0c6f4a8e-9b7d-4a51-8f39-5e2d1c7b3a90")


class IncomingChange(NamedTuple):
    """One change as it travels: identity, time, target record, and the raw JSON it keeps.
    (A named tuple: a bundle holds hundreds of thousands, and these build fastest.)"""

    origin: str
    seq: int
    hlc: str
    entity: EntitySpec
    record_id: str
    data_text: str
    bases_text: str
    data: dict[str, Any]
    bases: dict[str, str]

    @property
    def version(self) -> str:
        return f"{self.hlc}/{self.origin}"

    def row(self) -> tuple[str, int, str, str, str, str, str]:
        """The change-log row (CHANGE_COLUMNS), byte for byte as its origin wrote it."""
        return (
            self.origin,
            self.seq,
            self.hlc,
            self.entity.name,
            self.record_id,
            self.data_text,
            self.bases_text,
        )


def change_line(row: Mapping[str, Any]) -> dict[str, Any]:
    """A change-log row in its bundle form (short keys; data and bases kept as JSON text)."""
    return {
        "o": row["origin"],
        "s": row["seq"],
        "h": row["hlc"],
        "e": row["entity"],
        "r": row["record_id"],
        "d": row["data"],
        "b": row["bases"],
    }


def parse_change(line: Mapping[str, Any]) -> IncomingChange:
    """Check one bundle line's shape; anything unexpected rejects the bundle (MALFORMED)."""
    try:
        origin, seq, hlc = line["o"], line["s"], line["h"]
        entity = TYPES[line["e"]]
        record_id, data_text, bases_text = line["r"], line["d"], line["b"]
        data = json.loads(data_text)
        # A new record's first change overwrote nothing: skip decoding the common "{}".
        bases = {} if bases_text == "{}" else json.loads(bases_text)
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleError(Reason.MALFORMED, detail="change") from exc
    names = {*entity.field_names, "deleted"}
    if not (
        isinstance(origin, str)
        and isinstance(seq, int)
        and seq > 0
        and isinstance(hlc, str)
        and _HLC.match(hlc)
        and _DEVICE.match(origin)
        and isinstance(record_id, str)
        and isinstance(data, dict)
        and isinstance(bases, dict)
        and set(data) <= names
        and all(isinstance(v, str) for v in bases.values())
    ):
        raise BundleError(Reason.MALFORMED, detail="change")
    return IncomingChange(origin, seq, hlc, entity, record_id, data_text, bases_text, data, bases)


def _key(version: str) -> tuple[str, str]:
    hlc, _, device = version.partition("/")
    return hlc, device


def _device(version: str) -> str:
    return version.partition("/")[2]


def stored_value(entity: EntitySpec, name: str, value: Any) -> Any:
    """An interchange (JSON) value in the form its column takes."""
    spec = entity.field(name)
    if value is not None and spec is not None and spec.kind == "date":
        return dt.date.fromisoformat(value)
    return value


@dataclass
class MergeResult:
    """What a merge did: changes newly applied, conflicts found, far-future stamps seen."""

    changes: int = 0
    conflicts: int = 0
    clamped: int = 0
    clamped_devices: set[str] = field(default_factory=set)


class Merger:
    """Applies incoming changes to one session's replica (call `merge`, possibly repeatedly)."""

    def __init__(self, session: Session, known: Mapping[str, int], now: str) -> None:
        self.session = session
        self.known = known
        self.now = now
        self.result = MergeResult()
        self.clock = load_clock(session)
        self._bases: dict[tuple[str, str], dict[str, str] | None] = {}

    def merge(self, lines: Iterable[Mapping[str, Any]]) -> MergeResult:
        """Apply every line (a change in bundle form) that this replica does not hold yet."""
        for batch in _batches((parse_change(line) for line in lines), BATCH):
            self._apply_batch(batch)
        return self.result

    # -- one batch ------------------------------------------------------------------------

    def _apply_batch(self, batch: list[IncomingChange]) -> None:
        self._bases.clear()  # earlier batches are in the change log now; keep memory flat
        fresh = self._unseen(batch)
        if not fresh:
            return
        fresh.sort(key=lambda c: (c.hlc, c.origin, c.seq))
        latest = fresh[-1].hlc
        if self.clock.receive(latest).clamped:
            # The clock advanced only to a day ahead; name the changes that ran further.
            wall = time.time_ns() // 1_000_000
            for change in fresh:
                if decode(change.hlc)[0] > wall + MAX_DRIFT_MS:
                    self.result.clamped += 1
                    self.result.clamped_devices.add(change.origin)
        state = self._load_rows(fresh)
        new_keys: set[tuple[str, str]] = {k for k, v in state.items() if v is None}
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        conflicts: list[dict[str, Any]] = []
        for change in fresh:
            key = (change.entity.name, change.record_id)
            row = rows.get(key) or state.get(key) or _blank(change.entity, change.record_id)
            rows[key] = row
            conflicts.extend(self._apply(change, row))
        self._write(rows, new_keys, fresh, conflicts)
        self.result.changes += len(fresh)

    def _unseen(self, batch: list[IncomingChange]) -> list[IncomingChange]:
        """Drop changes held already: under the known watermark, in the log, or repeated."""
        known = self.known
        fresh = [c for c in batch if c.seq > known.get(c.origin, 0)]
        by_origin: dict[str, list[int]] = defaultdict(list)
        for change in fresh:
            by_origin[change.origin].append(change.seq)
        held: set[tuple[str, int]] = set()
        for origin, seqs in by_origin.items():
            # A bundle carries each origin's changes as a run of sequence numbers: one range
            # query per origin finds those already held (usually none, or all).
            found = self.session.scalars(
                select(Change.seq).where(
                    Change.origin == origin, Change.seq.between(min(seqs), max(seqs))
                )
            )
            held.update((origin, seq) for seq in found)
            if len(set(seqs)) != len(seqs):
                held.add((origin, -1))  # repeats inside the batch: filter below
        if not held:
            return fresh
        unique: dict[tuple[str, int], IncomingChange] = {}
        for change in fresh:
            key = (change.origin, change.seq)
            if key not in held:
                unique.setdefault(key, change)
        return list(unique.values())

    def _load_rows(
        self, changes: list[IncomingChange]
    ) -> dict[tuple[str, str], dict[str, Any] | None]:
        wanted: dict[str, set[str]] = defaultdict(set)
        for change in changes:
            wanted[change.entity.name].add(change.record_id)
        state: dict[tuple[str, str], dict[str, Any] | None] = {}
        for name, ids in wanted.items():
            entity = TYPES[name]
            table = entity.table
            columns = [table.c.id, table.c.deleted, table.c.versions]
            columns += [table.c[n] for n in entity.field_names]
            for chunk in _chunks(sorted(ids)):
                for found in self.session.execute(select(*columns).where(table.c.id.in_(chunk))):
                    values = found._mapping
                    row = {n: json_value(values[n]) for n in entity.field_names}
                    row["id"] = values["id"]
                    row["deleted"] = bool(values["deleted"])
                    row["_versions"] = json.loads(values["versions"] or "{}")
                    state[(name, values["id"])] = row
            for record_id in ids:
                state.setdefault((name, record_id), None)
        return state

    # -- one change -----------------------------------------------------------------------

    def _apply(self, change: IncomingChange, row: dict[str, Any]) -> list[dict[str, Any]]:
        versions: dict[str, str] = row["_versions"]
        incoming = change.version
        record = change.record_id
        self._bases[(record, incoming)] = change.bases
        conflicts: list[dict[str, Any]] = []
        was_deleted = row["deleted"]
        delete_version = versions.get("deleted")
        for name, value in change.data.items():
            current = versions.get(name)
            if current == incoming:
                continue
            if current is None:
                row[name] = value
                versions[name] = incoming
                continue
            wins = _key(incoming) > _key(current)
            if wins:
                concurrent = not self._descends(record, name, change.bases.get(name), current)
            else:
                concurrent = not self._descends(record, name, current, incoming)
            if concurrent and row[name] != value:
                pair = ((value, incoming), (row[name], current))
                (won, won_v), (lost, lost_v) = pair if wins else pair[::-1]
                conflicts.append(self._conflict(change, name, won, won_v, lost, lost_v))
            if wins:
                row[name] = value
                versions[name] = incoming
        if change.data.get("deleted") is True and row["deleted"] and not was_deleted:
            conflicts.extend(self._edits_unseen_by_delete(change, row))
        elif was_deleted and row["deleted"] and delete_version and "deleted" not in change.data:
            conflicts.extend(self._edit_against_delete(change, row, delete_version))
        return conflicts

    def _edits_unseen_by_delete(
        self, delete: IncomingChange, row: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """A delete arriving over edits its author had not seen: one conflict per such edit."""
        unseen: set[str] = set()
        for name, version in row["_versions"].items():
            if name == "deleted" or version == delete.version:
                continue
            if not self._descends(delete.record_id, name, delete.bases.get(name), version):
                unseen.add(version)
        return [
            self._conflict(delete, "deleted", True, delete.version, False, version)
            for version in sorted(unseen)
        ]

    def _edit_against_delete(
        self, edit: IncomingChange, row: dict[str, Any], delete_version: str
    ) -> list[dict[str, Any]]:
        """An edit arriving for a deleted record: a conflict unless the delete had seen it."""
        delete_bases = self._bases_of(edit.record_id, delete_version) or {}
        for name in edit.data:
            if not self._descends(edit.record_id, name, delete_bases.get(name), edit.version):
                return [self._conflict(edit, "deleted", True, delete_version, False, edit.version)]
        return []

    def _descends(self, record: str, name: str, start: str | None, target: str) -> bool:
        """Whether `target` is `start` or on its base chain for field `name` (was seen)."""
        version = start
        goal = _key(target)
        while version is not None:
            if version == target:
                return True
            if _key(version) < goal:
                return False  # a chain only goes back in time
            bases = self._bases_of(record, version)
            version = None if bases is None else bases.get(name)
        return False

    def _bases_of(self, record: str, version: str) -> dict[str, str] | None:
        key = (record, version)
        if key not in self._bases:
            hlc, device = _key(version)
            text = self.session.scalar(
                select(Change.bases).where(
                    Change.record_id == record, Change.origin == device, Change.hlc == hlc
                )
            )
            self._bases[key] = None if text is None else json.loads(text)
        return self._bases[key]

    def _conflict(
        self,
        change: IncomingChange,
        name: str,
        winner: Any,
        winner_version: str,
        loser: Any,
        loser_version: str,
    ) -> dict[str, Any]:
        ident = f"{change.record_id}|{name}|{winner_version}|{loser_version}"
        return {
            "id": str(uuid.uuid5(_CONFLICT_NAMESPACE, ident)),
            "entity": change.entity.name,
            "record_id": change.record_id,
            "field": name,
            "winner": json.dumps(winner, ensure_ascii=False, sort_keys=True),
            "loser": json.dumps(loser, ensure_ascii=False, sort_keys=True),
            "winner_version": winner_version,
            "loser_version": loser_version,
            "winner_device": _device(winner_version),
            "loser_device": _device(loser_version),
            "status": "open",
            "detected_at": self.now,
            "resolved_at": None,
            "resolved_by": None,
        }

    # -- bulk writes ----------------------------------------------------------------------

    def _write(
        self,
        rows: dict[tuple[str, str], dict[str, Any]],
        new_keys: set[tuple[str, str]],
        changes: list[IncomingChange],
        conflicts: list[dict[str, Any]],
    ) -> None:
        inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        updates: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for (name, record_id), row in rows.items():
            row["versions"] = versions_text(row["_versions"])
            row.update(derived_columns(name, row))
            (inserts if (name, record_id) in new_keys else updates)[name].append(row)
        connection = self.session.connection()
        for target, new in ((inserts, True), (updates, False)):
            for name, values in target.items():
                entity = TYPES[name]
                columns = ["id", *entity.field_names, "deleted", "versions"]
                columns += list(derived_columns(name, values[0]))
                write_rows(connection, entity, columns, values, new=new)
        insert_plain(connection, Change.__table__, CHANGE_COLUMNS, [c.row() for c in changes])
        if conflicts:
            unique = list({c["id"]: c for c in conflicts}.values())
            if connection.dialect.name == "postgresql":
                statement = pg_insert(Conflict).on_conflict_do_nothing()
            else:
                statement = insert(Conflict).prefix_with("OR IGNORE")
            before = self._conflict_count(unique)
            connection.execute(statement, unique)
            self.result.conflicts += self._conflict_count(unique) - before

    def _conflict_count(self, conflicts: list[dict[str, Any]]) -> int:
        ids = [c["id"] for c in conflicts]
        total = 0
        for chunk in _chunks(ids):
            found = self.session.scalars(select(Conflict.id).where(Conflict.id.in_(chunk)))
            total += len(list(found))
        return total


def _blank(entity: EntitySpec, record_id: str) -> dict[str, Any]:
    row: dict[str, Any] = {n: None for n in entity.field_names}
    row.update(id=record_id, deleted=False, _versions={})
    return row


def _batches(items: Iterable[IncomingChange], size: int) -> Iterator[list[IncomingChange]]:
    batch: list[IncomingChange] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]
