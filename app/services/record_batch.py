"""`RecordBatch`: the one place where a record edit is checked and written.

A form's save, a `records import` line and a centre's own reference entry all go through it.
A partial edit names only the fields it changes; the merged record is checked as a whole;
references must name a live record in the database or earlier in the same batch; a record
still referenced by live ones cannot be deleted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.checks import check_record, known_codes
from app.db.reference import retired_codes
from app.db.registry import DELETE_RULES, TYPES, EntitySpec, referrers
from app.db.writer import RecordWriter
from app.errors import ValidationError
from app.i18n import tr
from app.services.edit_guard import EditGuard
from app.services.edits import Edit, LaptopReach, filled, person_name, redirected, reroutes
from app.services.permissions import Actor
from app.sync.redirects import redirect_map
from app.sync.restricted import note_moved

_CHUNK = 4000  # ids per IN (…) query: well under SQLite's 32,766 variables
_ROW_COLUMNS = ("deleted", "versions")


def _pending_lookup(
    state: dict[tuple[str, str], dict[str, Any]],
    stored: dict[tuple[str, str], dict[str, Any] | None],
) -> Callable[[str, str], Mapping[str, Any] | None]:
    """A record as the batch holds it (after its edits, else as stored), for the checkers
    the batch hands it to: a function over the batch's own tables, not a method of the
    batch, so that they hold no reference back to it (a cycle would keep every row it read
    or queued alive after it returns, until the paused cycle collector walked them all:
    0.6 s after 100,000 records)."""

    def pending(type_name: str, record_id: str) -> Mapping[str, Any] | None:
        key = (type_name, record_id)
        return state.get(key) or stored.get(key)

    return pending


class RecordBatch:
    """Edits checked against the database and each other, then written in one go."""

    def __init__(
        self,
        session: Session,
        device_id: str,
        today: dt.date | None = None,
        actor: Actor | None = None,
        *,
        allow_retired: bool = False,
    ) -> None:
        self.session = session
        self._stored: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._state: dict[tuple[str, str], dict[str, Any]] = {}
        pending = _pending_lookup(self._state, self._stored)
        # Who writes: checked per edit (role, districts, restricted families); None only for
        # the system's own writes (reference data at set-up).
        self.guard = EditGuard(session, actor, pending) if actor is not None else None
        self.touched: list[tuple[str, str]] = []
        self.codes = known_codes(session)
        # Retired codes stay on the records that have them; a form may not choose one anew.
        # `records import` allows them (docs/decisions/052): it carries history between systems.
        self.retired = {} if allow_retired else retired_codes(session)
        self.today = today or dt.date.today()
        self.writer = RecordWriter(session, device_id)
        self.redirects = redirect_map(session)  # merged duplicates: edits land on the kept
        self._live_targets: dict[tuple[str, str], bool] = {}
        self._restricted: list[tuple[EntitySpec, str, int | None]] = []
        self.file = ""
        self.reach = LaptopReach.of(session, device_id, pending)

    def prefetch(self, edits: Iterable[Edit]) -> None:
        """Load, in a few queries, the stored rows the edits touch and the records they name."""
        ids: dict[str, set[str]] = defaultdict(set)
        targets: dict[str, set[str]] = defaultdict(set)
        for edit in edits:
            ids[edit.entity.name].add(edit.record_id)
            for spec in edit.entity.references:
                value = edit.fields.get(spec.name)
                if value is not None:
                    targets[spec.to or ""].add(value)
        for type_name, wanted in ids.items():
            entity = TYPES[type_name]
            if self.session.execute(select(entity.table.c.id).limit(1)).first() is None:
                self._stored.update(dict.fromkeys(((type_name, i) for i in wanted), None))
                continue  # an empty table: nothing to look up
            for row in self._select_rows(entity, wanted):
                self._stored[(type_name, row["id"])] = row
            for record_id in wanted:
                self._stored.setdefault((type_name, record_id), None)
        for type_name, wanted in targets.items():
            table = TYPES[type_name].table
            for chunk in _chunks(sorted(wanted)):
                rows = self.session.execute(
                    select(table.c.id, table.c.deleted).where(table.c.id.in_(chunk))
                )
                for record_id, deleted in rows:
                    self._live_targets[(type_name, record_id)] = not deleted

    def _select_rows(self, entity: EntitySpec, wanted: set[str]) -> Iterator[dict[str, Any]]:
        table = entity.table
        columns = [table.c.id, *(table.c[n] for n in (*entity.field_names, *_ROW_COLUMNS))]
        for chunk in _chunks(sorted(wanted)):
            for row in self.session.execute(select(*columns).where(table.c.id.in_(chunk))):
                yield dict(row._mapping)

    def _stored_row(self, entity: EntitySpec, record_id: str) -> dict[str, Any] | None:
        key = (entity.name, record_id)
        if key not in self._stored:
            rows = list(self._select_rows(entity, {record_id}))
            self._stored[key] = rows[0] if rows else None
        return self._stored[key]

    def _is_live(self, type_name: str, record_id: str) -> bool:
        state = self._state.get((type_name, record_id))
        if state is not None:
            return not state["deleted"]
        key = (type_name, record_id)
        if key not in self._live_targets:
            table = TYPES[type_name].table
            deleted = self.session.scalar(select(table.c.deleted).where(table.c.id == record_id))
            self._live_targets[key] = deleted is False
        return self._live_targets[key]

    def _current(self, entity: EntitySpec, record_id: str) -> dict[str, Any] | None:
        """The record as this batch sees it: after earlier edits, else as stored."""
        state = self._state.get((entity.name, record_id))
        if state is not None:
            return state
        stored = self._stored_row(entity, record_id)
        return dict(stored) if stored else None

    def apply(self, edit: Edit, line: int | None = None) -> bool:
        """Check an edit against what is stored and earlier edits, and queue its write.

        A line for a deleted record brings it back (records import upserts); a delete takes
        the records that belong to this one with it (see `DELETE_RULES`). Returns False when
        the edit changes nothing."""
        if self.redirects:
            edit = redirected(edit, self.redirects)
        entity, key = edit.entity, (edit.entity.name, edit.record_id)
        before = self._current(entity, edit.record_id)
        is_new = before is None
        if before is None:
            if edit.deleted:
                return False  # deleting what was never here: nothing to do
            before = dict.fromkeys(entity.field_names)
            before["deleted"] = False
        deleted = bool(edit.deleted)
        fields = edit.fields
        if self.guard is not None:
            fields = self.guard.defaults(entity, fields, is_new)
            fields = self.guard.unmask(entity, None if is_new else before, fields)
        if is_new:
            changes = dict(fields)
        else:
            changes = {k: v for k, v in fields.items() if before.get(k) != v}
        if not is_new and deleted != before["deleted"]:
            changes["deleted"] = deleted
        if not changes and not is_new:
            return False
        after = {**before, **changes, "deleted": deleted}
        if self.guard is not None:
            self.guard.check(entity, edit.record_id, None if is_new else before, after, changes)
        if self.reach is not None:
            self.reach.check(entity, edit.record_id, None if is_new else before, after)
        if not deleted:
            if self.retired:
                self._check_retired(entity, before, changes)
            check_record(entity, after, self.today)
            self._check_references(entity, after, changes, is_new or "deleted" in changes)
        self._state[key] = after
        self.touched.append(key)
        if entity.name == "family" and not is_new and not deleted and reroutes(before, changes):
            # Its records now travel to another laptop (or to every laptop of the district):
            # they are stated anew, so the device that starts to receive them gets them whole.
            changes = {**filled(after, entity.field_names), **changes}
            self.writer.write(entity, edit.record_id, changes, self._stored.get(key))
            self._restate_dependants(edit.record_id)
            if before.get("settlement_id") != after.get("settlement_id"):
                note_moved(self.session, edit.record_id)  # its old district's laptops let it go
            return True
        self.writer.write(entity, edit.record_id, changes, self._stored.get(key))
        if deleted and "deleted" in changes:
            self._take_dependants(entity, edit.record_id, before, line)
        return True

    def restate_family(self, family_id: str) -> None:
        """Write a family and every live record hanging on it again with their current
        values, so a laptop that starts to receive them gets them whole (a duplicate merged
        into it from another district)."""
        entity = TYPES["family"]
        stored = self._stored_row(entity, family_id)
        if stored is None or stored["deleted"]:
            return
        self.writer.write(entity, family_id, filled(stored, entity.field_names), stored)
        self._restate_dependants(family_id)

    def _restate_dependants(self, family_id: str) -> None:
        """Write every live record hanging on a family again with its current values."""
        persons: list[str] = []
        for type_name in ("person", "notification", "assessment", "visit", "service"):
            entity = TYPES[type_name]
            table = entity.table
            where = table.c.family_id == family_id
            if type_name == "service" and persons:
                where = where | table.c.person_id.in_(persons)
            ids = self.session.scalars(select(table.c.id).where(where, table.c.deleted.is_(False)))
            for record_id in sorted(ids):
                if (type_name, record_id) in self._state:
                    continue  # edited in this batch: its own write carries it
                stored = self._stored_row(entity, record_id)
                if stored is None:
                    continue
                self.writer.write(entity, record_id, filled(stored, entity.field_names), stored)
                if type_name == "person":
                    persons.append(record_id)

    def _check_retired(
        self, entity: EntitySpec, before: Mapping[str, Any], changes: Mapping[str, Any]
    ) -> None:
        """Refuse a retired code chosen anew (one the record already had may stay)."""
        for name, value in changes.items():
            spec = entity.field(name)
            if spec is None or spec.kind not in ("code", "codes") or value is None:
                continue
            retired = self.retired.get(spec.of or "", set())
            old = before.get(name)
            had = set(old if isinstance(old, list) else [old] if old else [])
            chosen = set(value if isinstance(value, list) else [value])
            for code in sorted((chosen - had) & retired):
                raise ValidationError(
                    name, tr("the code «{value}» is retired: choose a current one", value=code)
                )

    def _check_references(
        self,
        entity: EntitySpec,
        record: Mapping[str, Any],
        changes: Mapping[str, Any],
        all_refs: bool,
    ) -> None:
        for spec in entity.fields:
            if spec.kind != "ref" or (not all_refs and spec.name not in changes):
                continue
            value = record.get(spec.name)
            hidden = self.guard is not None and self.guard.hidden_target(spec.to or "", value)
            if value is not None and (hidden or not self._is_live(spec.to or "", value)):
                raise ValidationError(
                    spec.name, tr("refers to a record that does not exist: {value}", value=value)
                )

    def _live_referrers(self, type_name: str, record_id: str) -> list[tuple[EntitySpec, str, str]]:
        """(entity, field, id) of every live record that names this one, batch included."""
        found: set[tuple[str, str, str]] = set()
        specs: dict[str, EntitySpec] = {}
        for other, spec in referrers(type_name):
            specs[other.name] = other
            table = other.table
            query = select(table.c.id).where(
                table.c[spec.name] == record_id, table.c.deleted.is_(False)
            )
            found.update((other.name, spec.name, rid) for (rid,) in self.session.execute(query))
            found.update(
                (other.name, spec.name, rid)
                for (name, rid), state in self._state.items()
                if name == other.name and state.get(spec.name) == record_id
            )
        live = []
        for name, field_name, rid in sorted(found):
            state = self._state.get((name, rid))
            if state is not None and (state["deleted"] or state.get(field_name) != record_id):
                continue
            live.append((specs[name], field_name, rid))
        return live

    def _take_dependants(
        self, entity: EntitySpec, record_id: str, record: Mapping[str, Any], line: int | None
    ) -> None:
        for other, field_name, rid in self._live_referrers(entity.name, record_id):
            rule = DELETE_RULES.get((other.name, field_name), "restrict")
            current = self._current(other, rid) or {}
            if rule == "detach" and other.name == "service" and not current.get("family_id"):
                rule = "cascade"  # a service to this person alone goes with the person
            if rule == "cascade":
                self.apply(Edit(other, rid, {}, True), line)
            elif rule == "detach":
                fields: dict[str, Any] = {field_name: None}
                if other.name == "participant" and not current.get("name"):
                    fields["name"] = person_name(record)  # keeps the attendance history
                self.apply(Edit(other, rid, fields, None), line)
            else:
                self._restricted.append((entity, record_id, line))
                return

    def verify(self) -> None:
        """Refuse deletes that would leave live records naming a deleted one (checked once
        the whole batch is applied, so a file may delete in any order)."""
        for entity, record_id, line in self._restricted:
            current = self._current(entity, record_id)
            if current is None or not current["deleted"]:
                continue
            users = self._live_referrers(entity.name, record_id)
            if users:
                error = ValidationError(
                    "deleted",
                    tr("the record is still used by {count} other record(s)", count=len(users)),
                )
                raise error.located(self.file, line) if line is not None else error

    def commit(self) -> int:
        """Check the batch as a whole, then write every queued edit; returns how many
        records were written."""
        self.verify()
        return self.writer.flush()


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
