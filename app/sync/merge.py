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
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from app.db.actors import current_actor
from app.db.bulk import insert_plain, write_rows
from app.db.checks import known_codes, parse_value
from app.db.database import self_device_id as self_id
from app.db.districts import REFERENCE_TYPES, Districts, links_in, within
from app.db.models import Change, Conflict
from app.db.registry import DELETE_RULES, TYPES, EntitySpec, FieldSpec, referrers
from app.db.writer import (
    CHANGE_COLUMNS,
    JSON_TEXT,
    derived_columns,
    json_value,
    load_clock,
    next_seq,
    versions_text,
)
from app.errors import ValidationError
from app.i18n import tr
from app.sync.clock import horizon
from app.sync.errors import BundleError, Reason

BATCH = 5000
BATCH_BYTES = 16 << 20
_MAX_SEQ = 1 << 53
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
        and not isinstance(seq, bool)
        and 0 < seq < _MAX_SEQ
        and isinstance(hlc, str)
        and _HLC.match(hlc)
        and _DEVICE.match(origin)
        and isinstance(record_id, str)
        and _DEVICE.match(record_id)
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


@dataclass(frozen=True)
class Trust:
    """What the sender of a bundle may do, as this replica sees it.

    A centre is trusted to relay anything (its signature covers what it relays). A laptop is
    semi-trusted: each of its changes must come from one of its own actors, fall in the ranges
    its header claims (which its content must cover exactly), and touch only records of its
    districts, never reference data. Its changes stamped beyond the allowed drift are held
    for review rather than applied; from a centre, such a bundle is refused.
    """

    sender: str
    from_field: bool = False
    actors: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    ranges: Mapping[str, list[int]] | None = None
    me: str | None = None
    lines: int = 0  # the changes the signed header announces


TRUSTED = Trust(sender="")


@dataclass
class MergeResult:
    """What a merge did: changes newly applied, conflicts found, changes refused or held."""

    changes: int = 0
    conflicts: int = 0
    held: int = 0
    refused: int = 0
    drops: set[tuple[str, str]] = field(default_factory=set)


def invalid(change: IncomingChange, name: str, message: str) -> BundleError:
    """The rejection of a bundle carrying an invalid value: names the record and field."""
    return BundleError(
        Reason.INVALID,
        type=change.entity.name,
        record=change.record_id,
        field=name,
        message=message,
    )


class Merger:
    """Applies incoming changes to one session's replica (call `merge`, possibly repeatedly)."""

    def __init__(
        self, session: Session, known: Mapping[str, int], now: str, trust: Trust = TRUSTED
    ) -> None:
        self.session = session
        self.known = known
        self.now = now
        self.trust = trust
        self.result = MergeResult()
        self.clock = load_clock(session)
        self.horizon = horizon()
        self.codes = known_codes(session)
        self._bases: dict[tuple[str, str], dict[str, str] | None] = {}
        # Per claimed origin of a laptop, a bitmap of the seqs received: its ranges must be
        # covered exactly. A range wider than the bundle's line count is refused at once.
        self._seen: dict[str, tuple[int, bytearray]] = {}
        self._covered: dict[str, int] = defaultdict(int)
        if trust.from_field:
            for origin, (first, last) in (trust.ranges or {}).items():
                size = last - first + 1
                if origin not in trust.actors:
                    raise BundleError(Reason.FORGED_ORIGIN)
                if first < 1 or size < 1 or size > trust.lines:
                    raise BundleError(Reason.BAD_RANGE)
                self._seen[origin] = (first, bytearray((size + 7) // 8))
        self._rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.districts = Districts(session, self._pending)
        self._actor: str | None = None
        self._seq = 0
        self._own: list[tuple[Any, ...]] = []
        self._creators: dict[str, bool] = {}
        self._quick: dict[str, dict[str, Callable[[Any], bool]]] = {}

    def merge(self, lines: Iterable[Mapping[str, Any]]) -> MergeResult:
        """Apply every line (a change in bundle form) that this replica does not hold yet;
        raises BundleError when a change is malformed, invalid, forged or reuses a seq."""
        for batch in _batches((parse_change(line) for line in lines), BATCH, BATCH_BYTES):
            self._apply_batch(batch)
        self._check_coverage()
        return self.result

    # -- trust ----------------------------------------------------------------------------

    def _check_origin(self, change: IncomingChange) -> None:
        trust = self.trust
        if trust.ranges is not None:
            claimed = trust.ranges.get(change.origin)
            if claimed is None or not claimed[0] <= change.seq <= claimed[1]:
                raise BundleError(Reason.BAD_RANGE)
        if trust.from_field:
            if change.origin not in trust.actors:
                raise BundleError(Reason.FORGED_ORIGIN)
            first, bits = self._seen[change.origin]
            index = change.seq - first
            mask = 1 << (index & 7)
            if bits[index >> 3] & mask:
                raise BundleError(Reason.BAD_RANGE)  # a laptop never sends a change twice
            bits[index >> 3] |= mask
            self._covered[change.origin] += 1

    def _check_coverage(self) -> None:
        """A laptop's claimed ranges must be exactly what it sent: a range claimed beyond its
        content would mark changes as held that this replica never received."""
        trust = self.trust
        if not trust.from_field or trust.ranges is None:
            return
        for origin, (first, last) in trust.ranges.items():
            if self._covered[origin] != last - first + 1:
                raise BundleError(Reason.BAD_RANGE)

    def _check_values(self, change: IncomingChange) -> None:
        """The same checks as `records import` (types, dates, codes, sizes, UUIDs). A value
        in the canonical form an honest replica writes passes a quick test; anything else
        goes through `parse_value`, which says what is wrong."""
        quick = self._quick.get(change.entity.name)
        if quick is None:
            quick = self._quick[change.entity.name] = {
                spec.name: _quick_check(spec, self.codes) for spec in change.entity.fields
            }
        texts = _text_limits(change.entity)
        spec_of = change.entity.by_name
        for name, value in change.data.items():
            limit = texts.get(name)
            if limit is not None and value.__class__ is str and len(value) <= limit:
                continue  # text, the most common kind, without a call
            if name == "deleted":
                if value is not True and value is not False:
                    raise invalid(change, name, tr("must be true or false"))
                continue
            if value is not None and quick[name](value):
                continue
            spec = spec_of[name]
            try:
                parsed = parse_value(spec, value, self.codes)
            except ValidationError as error:
                raise invalid(change, name, error.message) from None
            if value is None and spec.required:
                raise invalid(change, name, tr("is required"))
            # Stored as sent, so only the canonical form (what `records import` stores).
            if spec.kind == "ref" and parsed != value:
                raise invalid(change, name, tr("is not a valid UUID"))
            if spec.kind == "codes" and parsed != value:
                raise invalid(change, name, tr("must be a list of codes"))

    def _in_scope(self, change: IncomingChange, row: dict[str, Any], exists: bool) -> bool:
        """Whether a laptop may make this change: the record lies in its districts before
        and after it (CONTRACT.md «A record's district»), and it is not reference data."""
        name = change.entity.name
        allowed = self.trust.districts

        def creator() -> bool:
            return not exists or self._created_by_sender(change.record_id)

        if exists and not within(self.districts, allowed, name, row, creator):
            return False
        if exists and not links_in(name, change.data):
            return True  # the same district after the change
        after = {**row, **change.data}
        return within(self.districts, allowed, name, after, creator)

    def _check_targets_exist(self, change: IncomingChange) -> None:
        for spec in change.entity.references:
            target = change.data.get(spec.name)
            if target is None or (spec.to, target) in self._rows:
                continue
            if not self._target_state(spec.to or "", {target}):
                raise invalid(change, spec.name, tr("refers to a record that does not exist"))

    def _created_by_sender(self, record_id: str) -> bool:
        if record_id not in self._creators:
            origin = self.session.scalar(
                select(Change.origin)
                .where(Change.record_id == record_id)
                .order_by(Change.hlc)
                .limit(1)
            )
            self._creators[record_id] = origin in self.trust.actors
        return self._creators[record_id]

    def _pending(self, type_name: str, record_id: str) -> dict[str, Any] | None:
        return self._rows.get((type_name, record_id))

    # -- one batch ------------------------------------------------------------------------

    def _apply_batch(self, batch: list[IncomingChange]) -> None:
        self._bases.clear()  # earlier batches are in the change log now; keep memory flat
        for change in batch:
            self._check_origin(change)
        fresh = self._unseen(batch)
        if not fresh:
            return
        fresh.sort(key=lambda c: (c.hlc, c.origin, c.seq))
        for change in fresh:
            self._check_values(change)
            if change.entity.name == "ref_entry":
                self._learn_code(change)
        held = [c for c in fresh if c.hlc > self.horizon]
        if held and not self.trust.from_field:
            raise BundleError(Reason.CLOCK_AHEAD)
        accepted = [c for c in fresh if c.hlc <= self.horizon]
        if accepted:
            self.clock.receive(accepted[-1].hlc)
        state = self._load_rows(fresh)
        new_keys: set[tuple[str, str]] = {k for k, v in state.items() if v is None}
        rows = self._rows = {}
        conflicts: list[dict[str, Any]] = []
        applied: list[IncomingChange] = []
        refusals: list[tuple[IncomingChange, dict[str, Any], bool]] = []
        for change in fresh:
            key = (change.entity.name, change.record_id)
            existing = rows.get(key) or state.get(key)
            row = existing or _blank(change.entity, change.record_id)
            exists = existing is not None
            if change.hlc > self.horizon:
                conflicts.extend(self._refuse(change, row, exists))
                self.result.held += 1
                continue
            if self.trust.from_field and self.trust.me and not self._in_scope(change, row, exists):
                self._check_targets_exist(change)  # a dangling reference is invalid, not refused
                refusals.append((change, row, exists))
                conflicts.extend(self._refuse(change, row, exists))
                self.result.refused += 1
                continue
            rows[key] = row
            conflicts.extend(self._apply(change, row))
            applied.append(change)
        for change, row, exists in refusals:
            self._answer_refusal(change, row, exists)
        if self.trust.from_field:
            self._check_new_rows(applied, new_keys)
        conflicts.extend(self._keep_references(applied, new_keys))
        self._write(rows, new_keys, applied, conflicts)
        for (name, _), row in rows.items():
            self.districts.remember(name, row)
        self.result.changes += len(applied)

    def _learn_code(self, change: IncomingChange) -> None:
        kind, code = change.data.get("kind"), change.data.get("code")
        if isinstance(kind, str) and isinstance(code, str) and not change.data.get("deleted"):
            self.codes.setdefault(kind, set()).add(code)

    def _check_new_rows(self, applied: list[IncomingChange], new_keys: set[Any]) -> None:
        """A record a laptop creates must carry its required fields."""
        for change in applied:
            key = (change.entity.name, change.record_id)
            if key not in new_keys:
                continue
            row = self._rows.get(key)
            if row is None or row["deleted"]:
                continue
            for name in _required(change.entity):
                if row[name] is None:
                    raise invalid(change, name, tr("is required"))

    # -- refusals -------------------------------------------------------------------------

    def _refuse(
        self, change: IncomingChange, row: dict[str, Any], exists: bool
    ) -> list[dict[str, Any]]:
        """Keep a change that is not applied for review: one `refused` conflict per field,
        the current value as the winner and the refused one as the loser."""
        kept = []
        for name, value in change.data.items():
            current = row["_versions"].get(name, "") if exists else ""
            winner = row.get(name) if exists else None
            entry = self._conflict(change, name, winner, current, value, change.version)
            entry["status"] = "refused"
            kept.append(entry)
        return kept

    def _answer_refusal(self, change: IncomingChange, row: dict[str, Any], exists: bool) -> None:
        """Tell the laptop: a record it may hold here gets a change of this replica that puts
        the refused fields back (it wins over the refused change everywhere); any other is
        dropped from the laptop by the next bundle."""
        allowed = self.trust.districts
        name = change.entity.name
        in_reach = exists and (
            name in REFERENCE_TYPES or within(self.districts, allowed, name, row, lambda: False)
        )
        if not in_reach:
            self.result.drops.add((name, change.record_id))
            return
        key = (name, change.record_id)
        row = self._rows.setdefault(key, row)
        fields = {n: row.get(n) if n != "deleted" else row["deleted"] for n in change.data}
        self._local_write(change.entity, row, fields, dict.fromkeys(fields, change.version))

    def _local_write(
        self,
        entity: EntitySpec,
        row: dict[str, Any],
        fields: Mapping[str, Any],
        bases: Mapping[str, str],
    ) -> None:
        """A change of this replica made by the merge itself (a refusal's answer, a cascade):
        stamped with this replica's actor and clock, appended to its log."""
        if self._actor is None:
            self._actor = current_actor(self.session, self.trust.me or self_id(self.session))
            self._seq = next_seq(self.session, self._actor)
        stamp = self.clock.now()
        version = f"{stamp}/{self._actor}"
        for name, value in fields.items():
            row[name] = value
            row["_versions"][name] = version
        self._own.append(
            (
                self._actor,
                self._seq,
                stamp,
                entity.name,
                row["id"],
                JSON_TEXT.encode(dict(fields)),
                json.dumps(dict(bases), sort_keys=True) if bases else "{}",
            )
        )
        self._seq += 1

    # -- references -----------------------------------------------------------------------

    def _keep_references(
        self, applied: list[IncomingChange], new_keys: set[Any]
    ) -> list[dict[str, Any]]:
        """No live record may name a deleted or missing one. A reference to a record that
        never existed rejects a laptop's bundle; a live record left naming a deleted one (a
        visit added while its family was deleted elsewhere) is deleted or detached as a local
        delete would, and the conflict kept (docs/decisions/034-delete-and-new-child.md)."""
        conflicts: list[dict[str, Any]] = []
        touched = {(c.entity.name, c.record_id): c for c in applied}
        pending = [k for k in touched if not self._rows[k]["deleted"]]
        deleted = [k for k in touched if self._rows[k]["deleted"]]
        for _ in range(8):  # cascades are at most a few levels deep
            found: list[tuple[tuple[str, str], str, str, str]] = []
            found += self._dead_targets(pending, touched, new_keys)
            found += self._live_referrers(deleted)
            if not found:
                break
            pending, deleted = [], []
            for key, field_name, parent_version, rule in sorted(set(found)):
                row = self._rows[key]
                if rule == "revive":
                    # A record others may not lose (a settlement, a group) comes back.
                    if row["deleted"]:
                        bases = {"deleted": row["_versions"].get("deleted", "")}
                        self._local_write(TYPES[key[0]], row, {"deleted": False}, bases)
                        version = row["_versions"]["deleted"]
                        entry = self._conflict_on(
                            key, "deleted", False, version, True, parent_version
                        )
                        conflicts.append(entry)
                        pending.append(key)
                    continue
                if row["deleted"] or row.get(field_name) is None:
                    continue
                loser = max(row["_versions"].values(), default="")
                if rule == "cascade":
                    self._local_write(TYPES[key[0]], row, {"deleted": True}, row["_versions"])
                    deleted.append(key)
                else:
                    self._local_write(TYPES[key[0]], row, {field_name: None}, row["_versions"])
                    pending.append(key)
                entry = self._conflict_on(key, "deleted", True, parent_version, False, loser)
                conflicts.append(entry)
        return conflicts

    def _target_state(self, type_name: str, ids: set[str]) -> dict[str, tuple[bool, str]]:
        """Per id: (deleted, the version of its `deleted` field), for the ids that exist."""
        states: dict[str, tuple[bool, str]] = {}
        for record_id in list(ids):
            row = self._rows.get((type_name, record_id))
            if row is not None:
                states[record_id] = (row["deleted"], row["_versions"].get("deleted", ""))
                ids.discard(record_id)
        table = TYPES[type_name].table
        for chunk in _chunks(sorted(ids)):
            query = select(table.c.id, table.c.deleted, table.c.versions).where(
                table.c.id.in_(chunk)
            )
            for record_id, is_deleted, versions in self.session.execute(query):
                version = json.loads(versions or "{}").get("deleted", "") if is_deleted else ""
                states[record_id] = (bool(is_deleted), version)
        return states

    def _dead_targets(
        self, keys: list[tuple[str, str]], touched: Mapping[Any, IncomingChange], new_keys: Any
    ) -> list[tuple[tuple[str, str], str, str, str]]:
        rows = self._rows
        unsure: list[tuple[str, str, FieldSpec, str]] = []  # targets not live in this batch
        wanted: dict[str, set[str]] = defaultdict(set)
        for name, record_id in keys:
            row = rows[(name, record_id)]
            for spec in TYPES[name].references:
                target = row[spec.name]
                if target is None:
                    continue
                held = rows.get((spec.to, target))
                if held is not None and not held["deleted"]:
                    continue  # the common case: the parent came in the same batch
                unsure.append((name, record_id, spec, target))
                wanted[spec.to or ""].add(target)
        if not unsure:
            return []
        states = {t: self._target_state(t, set(ids)) for t, ids in wanted.items()}
        found = []
        for name, record_id, spec, target in unsure:
            state = states[spec.to or ""].get(target)
            if state is None:
                change = touched.get((name, record_id))
                if self.trust.from_field and change is not None and spec.name in change.data:
                    raise invalid(change, spec.name, tr("refers to a record that does not exist"))
                continue
            if state[0]:
                rule = DELETE_RULES.get((name, spec.name), "restrict")
                if rule == "restrict":
                    parent = (spec.to or "", target)
                    if parent not in rows:
                        rows.update(self._load_ids(parent[0], {target}))  # type: ignore[arg-type]
                    found.append((parent, "deleted", state[1], "revive"))
                else:
                    found.append(((name, record_id), spec.name, state[1], rule))
        return found

    def _live_referrers(
        self, keys: list[tuple[str, str]]
    ) -> list[tuple[tuple[str, str], str, str, str]]:
        by_type: dict[str, list[str]] = defaultdict(list)
        for name, record_id in keys:
            by_type[name].append(record_id)
        found = []
        for type_name, ids in by_type.items():
            for other, spec in referrers(type_name):
                table = other.table
                hits: set[str] = set()
                for chunk in _chunks(sorted(ids)):
                    query = select(table.c.id).where(
                        table.c[spec.name].in_(chunk), table.c.deleted.is_(False)
                    )
                    hits.update(self.session.scalars(query))
                hits.update(
                    rid
                    for (name, rid), row in self._rows.items()
                    if name == other.name and not row["deleted"] and row.get(spec.name) in ids
                )
                if not hits:
                    continue
                missing = {rid for rid in hits if (other.name, rid) not in self._rows}
                if missing:
                    loaded = self._load_ids(other.name, missing)
                    for key, row in loaded.items():
                        if row is not None:
                            self._rows[key] = row
                for rid in sorted(hits):
                    row = self._rows.get((other.name, rid))
                    if row is None or row["deleted"]:
                        continue
                    parent = row.get(spec.name)
                    version = self._rows[(type_name, parent)]["_versions"].get("deleted", "")
                    rule = DELETE_RULES.get((other.name, spec.name), "restrict")
                    if rule == "detach" and other.name == "service" and not row.get("family_id"):
                        rule = "cascade"
                    if rule == "restrict":
                        found.append(((type_name, parent), "deleted", version, "revive"))
                    else:
                        found.append(((other.name, rid), spec.name, version, rule))
        return found

    def _unseen(self, batch: list[IncomingChange]) -> list[IncomingChange]:
        """Drop changes held already: under the known watermark, in the log, or repeated.
        A change whose `(origin, seq)` the log holds with other content is a reused sequence
        number (a restored or copied replica): the bundle is refused, never dropped."""
        known = self.known
        by_origin: dict[str, list[int]] = defaultdict(list)
        for change in batch:
            by_origin[change.origin].append(change.seq)
        held: dict[tuple[str, int], tuple[Any, ...]] = {}
        for origin, seqs in by_origin.items():
            # A bundle carries each origin's changes as a run of sequence numbers: one range
            # query per origin finds those already held (usually none, or all).
            found = self.session.execute(
                select(
                    Change.seq,
                    Change.hlc,
                    Change.entity,
                    Change.record_id,
                    Change.data,
                    Change.bases,
                ).where(Change.origin == origin, Change.seq.between(min(seqs), max(seqs)))
            )
            held.update(((origin, row[0]), tuple(row)) for row in found)
        unique: dict[tuple[str, int], IncomingChange] = {}
        for change in batch:
            key = (change.origin, change.seq)
            stored = held.get(key)
            if stored is not None:
                # The stamp, type and record name the change: a replica that reuses a sequence
                # number after a restore stamps it later. Its value alone may differ when the
                # centre sends it without a hidden person's reference (app/sync/restricted.py).
                if stored[1:4] != change.row()[2:5]:
                    raise BundleError(Reason.REUSED_SEQ)
                continue
            if change.seq <= known.get(change.origin, 0):
                continue
            first = unique.setdefault(key, change)
            if first.row() != change.row():
                raise BundleError(Reason.REUSED_SEQ)
        return list(unique.values())

    def _load_rows(
        self, changes: list[IncomingChange]
    ) -> dict[tuple[str, str], dict[str, Any] | None]:
        wanted: dict[str, set[str]] = defaultdict(set)
        for change in changes:
            wanted[change.entity.name].add(change.record_id)
        state: dict[tuple[str, str], dict[str, Any] | None] = {}
        for name, ids in wanted.items():
            state.update(self._load_ids(name, ids))
        return state

    def _load_ids(self, name: str, ids: set[str]) -> dict[tuple[str, str], dict[str, Any] | None]:
        """The stored rows of records of one type (None for those not held)."""
        entity = TYPES[name]
        table = entity.table
        columns = [table.c.id, table.c.deleted, table.c.versions]
        columns += [table.c[n] for n in entity.field_names]
        state: dict[tuple[str, str], dict[str, Any] | None] = {}
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
        key = (change.entity.name, change.record_id)
        return self._conflict_on(key, name, winner, winner_version, loser, loser_version)

    def _conflict_on(
        self,
        key: tuple[str, str],
        name: str,
        winner: Any,
        winner_version: str,
        loser: Any,
        loser_version: str,
    ) -> dict[str, Any]:
        entity, record_id = key
        ident = f"{record_id}|{name}|{winner_version}|{loser_version}"
        return {
            "id": str(uuid.uuid5(_CONFLICT_NAMESPACE, ident)),
            "entity": entity,
            "record_id": record_id,
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
        log = [c.row() for c in changes] + self._own
        insert_plain(connection, Change.__table__, CHANGE_COLUMNS, log)
        self._own = []
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


_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_PHONE_TEXT = re.compile(r"\+380\d{9}\Z")


def _quick_check(spec: FieldSpec, codes: Mapping[str, set[str]]) -> Callable[[Any], bool]:
    """A fast test that a (non-null) value is valid in the canonical form `parse_value`
    returns; False only means "ask `parse_value`", which finds the error if there is one."""
    kind, limit = spec.kind, spec.max_length
    if kind == "text":
        return lambda v: v.__class__ is str and len(v) <= limit
    if kind == "ref":
        return lambda v: v.__class__ is str and _DEVICE.match(v) is not None
    if kind == "bool":
        return lambda v: v is True or v is False
    if kind == "date":
        valid: set[str] = set()

        def date(v: Any) -> bool:
            if v in valid:
                return True
            if v.__class__ is str and _DATE_TEXT.match(v):
                try:
                    dt.date.fromisoformat(v)
                except ValueError:
                    return False
                valid.add(v)
                return True
            return False

        return date
    if kind == "enum":
        allowed = frozenset(spec.values)
        return lambda v: v.__class__ is str and v in allowed
    if kind == "code":
        known = codes.get(spec.of or "", set())
        return lambda v: v.__class__ is str and v in known
    if kind == "codes":
        known = codes.get(spec.of or "", set())
        most = spec.max_items
        return lambda v: (
            v.__class__ is list
            and 0 < len(v) <= most
            and all(c.__class__ is str and c in known for c in v)
            and v == sorted(set(v))
        )
    if kind == "phone":
        return lambda v: v.__class__ is str and _PHONE_TEXT.match(v) is not None
    if kind == "int":
        most = spec.max_value
        return lambda v: v.__class__ is int and 0 <= v <= most
    return lambda v: False  # the rest (РНОКПП, time) always through parse_value


@cache
def _text_limits(entity: EntitySpec) -> dict[str, int]:
    return {spec.name: spec.max_length for spec in entity.fields if spec.kind == "text"}


@cache
def _required(entity: EntitySpec) -> tuple[str, ...]:
    return tuple(spec.name for spec in entity.fields if spec.required)


def _blank(entity: EntitySpec, record_id: str) -> dict[str, Any]:
    row: dict[str, Any] = {n: None for n in entity.field_names}
    row.update(id=record_id, deleted=False, _versions={})
    return row


def _batches(
    items: Iterable[IncomingChange], size: int, max_bytes: int
) -> Iterator[list[IncomingChange]]:
    """Batches of at most `size` changes and about `max_bytes` of change text, so memory
    stays flat however large each change is."""
    batch: list[IncomingChange] = []
    held = 0
    for item in items:
        batch.append(item)
        held += len(item.data_text) + len(item.bases_text)
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch = []
            held = 0
    if batch:
        yield batch


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]
