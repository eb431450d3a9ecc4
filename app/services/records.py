"""Records: create, edit and delete any entity, and the interchange import and export.

`RecordBatch` is the one place where a record edit is checked and written: a form's save,
a `records import` line and a centre's own reference entry all go through it. A partial
edit names only the fields it changes; the merged record is checked as a whole; references
must name a live record in the database or earlier in the same batch; a record still
referenced by live ones cannot be deleted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import literal, select, text
from sqlalchemy.orm import Session

from app.db.actors import own_actors
from app.db.checks import check_record, known_codes, parse_uuid, parse_value
from app.db.database import Database, self_device_id
from app.db.districts import Districts, within
from app.db.ids import new_id as new_id_
from app.db.models import Change, Device
from app.db.registry import DELETE_RULES, INTERCHANGE, TYPES, EntitySpec, referrers
from app.db.writer import RecordWriter
from app.errors import NotPermitted, UsageError, ValidationError
from app.files import NotARegularFile, open_regular
from app.i18n import tr
from app.i18n.text import full_name, mixed_script_words
from app.services import audit
from app.services.permissions import (
    RESTRICTED_LABEL,
    Actor,
    EditGuard,
    Hidden,
    actor_of,
    hidden_for,
)
from app.services.reference import retired_codes


class LaptopReach:
    """What a field laptop may change: records of its districts, before and after the edit,
    never reference data (CONTRACT.md «Accounts and roles»); the centre refuses the rest."""

    def __init__(self, session: Session, districts: list[str], actors: list[str], pending: Any):
        self.session = session
        self.allowed = frozenset(districts)
        self.actors = frozenset(actors)
        self.districts = Districts(session, pending)

    @classmethod
    def of(cls, session: Session, device_id: str, pending: Any) -> LaptopReach | None:
        """The reach of this replica when it is a laptop (None at the centre)."""
        device = session.get(Device, device_id)
        if device is None or device.kind != "field":
            return None
        return cls(session, device.districts or [], own_actors(session, device_id), pending)

    def check(
        self,
        entity: EntitySpec,
        record_id: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any],
    ) -> None:
        """Raise NotPermitted (exit 5) unless the record lies in reach before and after."""

        def created_here() -> bool:
            if before is None:
                return True
            origin = self.session.scalar(
                select(Change.origin)
                .where(Change.record_id == record_id)
                .order_by(Change.hlc)
                .limit(1)
            )
            return origin in self.actors

        name = entity.name
        if self.districts.of(name, after) == "":
            return  # it names a record that does not exist: the reference check says so
        for row in (before, after):
            if row is not None and not within(
                self.districts, self.allowed, name, row, created_here
            ):
                raise NotPermitted(
                    tr(
                        "this laptop may not change records outside its districts or "
                        "reference data ({type} {record})",
                        type=name,
                        record=record_id,
                    )
                )


def person_name(record: Mapping[str, Any]) -> str:
    """«Surname Given Patronymic» of a person record."""
    return full_name(record.get("surname"), record.get("given_name"), record.get("patronymic"))


_CHUNK = 4000  # ids per IN (…) query: well under SQLite's 32,766 variables
_ROW_COLUMNS = ("deleted", "versions")


@dataclass(frozen=True)
class Edit:
    """One parsed edit: the entity, the record id, the stored values of the fields named,
    and whether it deletes (True), restores (False) or leaves the tombstone alone (None)."""

    entity: EntitySpec
    record_id: str
    fields: dict[str, Any]
    deleted: bool | None


def parse_edit(
    raw: Mapping[str, Any], codes: Mapping[str, set[str]], *, interchange: bool = True
) -> Edit:
    """Check one interchange object field by field and turn it into an `Edit`."""
    type_name = raw.get("type")
    entity = TYPES.get(type_name) if isinstance(type_name, str) else None
    if entity is None or (interchange and not entity.interchange):
        raise ValidationError("type", tr("unknown record type «{value}»", value=type_name))
    if "id" not in raw:
        raise ValidationError("id", tr("is required"))
    record_id = parse_uuid(raw["id"])
    deleted = raw.get("deleted")
    if deleted is not None and not isinstance(deleted, bool):
        raise ValidationError("deleted", tr("must be true or false"))
    fields: dict[str, Any] = {}
    by_name = entity.by_name
    for name, value in raw.items():
        if name in ("type", "id", "deleted"):
            continue
        spec = by_name.get(name)
        if spec is None:
            raise ValidationError(name, tr("unknown field"))
        fields[name] = parse_value(spec, value, codes)
    return Edit(entity, record_id, fields, deleted)


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
        # Who writes: checked per edit (role, districts, restricted families); None only for
        # the system's own writes (reference data at set-up).
        self.guard = EditGuard(session, actor, self._current) if actor is not None else None
        self.touched: list[tuple[str, str]] = []
        self.codes = known_codes(session)
        # Retired codes stay on the records that have them; a form may not choose one anew.
        # `records import` allows them (docs/decisions/052): it carries history between systems.
        self.retired = {} if allow_retired else retired_codes(session)
        self.today = today or dt.date.today()
        self.writer = RecordWriter(session, device_id)
        self._stored: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._state: dict[tuple[str, str], dict[str, Any]] = {}
        self._live_targets: dict[tuple[str, str], bool] = {}
        self._restricted: list[tuple[EntitySpec, str, int | None]] = []
        self.file = ""
        self.reach = LaptopReach.of(session, device_id, self._pending)

    def _pending(self, type_name: str, record_id: str) -> Mapping[str, Any] | None:
        key = (type_name, record_id)
        return self._state.get(key) or self._stored.get(key)

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
        changes = {k: v for k, v in fields.items() if is_new or before.get(k) != v}
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
        if entity.name == "family" and not is_new and not deleted and _reroutes(before, changes):
            # Its records now travel to another laptop (or to every laptop of the district):
            # they are stated anew, so the device that starts to receive them gets them whole.
            changes = {**_filled(after, entity.field_names), **changes}
            self.writer.write(entity, edit.record_id, changes, self._stored.get(key))
            self._restate_dependants(edit.record_id)
            return True
        self.writer.write(entity, edit.record_id, changes, self._stored.get(key))
        if deleted and "deleted" in changes:
            self._take_dependants(entity, edit.record_id, before, line)
        return True

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
                self.writer.write(entity, record_id, _filled(stored, entity.field_names), stored)
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


def _filled(record: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The fields of a record that hold a value: a restatement names only these, so a device
    that lacks the record builds it whole (the rest are empty on a new row) while an edit of
    an empty field made elsewhere meanwhile is not contested."""
    return {n: record[n] for n in names if record[n] is not None}


def _reroutes(before: Mapping[str, Any], changes: Mapping[str, Any]) -> bool:
    """Whether a family edit changes which laptops receive the family."""
    was = bool(before.get("restricted"))
    now = bool(changes.get("restricted", was))
    if was and not now:
        return True  # every laptop of the district receives it from now on
    return "responsible" in changes and now


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


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


@contextmanager
def _large_page_cache(session: Session) -> Iterator[None]:
    """A 32 MiB SQLite page cache for one bulk write (about 13% faster on 100,000 records),
    given back afterwards so a long-running GUI keeps its memory."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        session.execute(text("PRAGMA cache_size=-32000"))
    try:
        yield
    finally:
        if sqlite:
            session.execute(text("PRAGMA cache_size=-2000"))


def text_warnings(edit: Edit) -> Iterator[ValidationError]:
    """Doubts about an edit's text that do not stop it: a word mixing Latin look-alikes
    into Cyrillic («Мaрія»), flagged so that someone checks the spelling."""
    for name, value in edit.fields.items():
        spec = edit.entity.by_name[name]
        if spec.kind == "text" and isinstance(value, str) and mixed_script_words(value):
            yield ValidationError(
                name, tr("mixes Latin and Cyrillic letters in one word; check the spelling")
            )


def import_records(
    db: Database, path: Path | str, warn: Callable[[ValidationError], None] | None = None
) -> int:
    """Apply an interchange file as local edits, all or nothing; returns records written.

    Any bad line raises `ValidationError` located at the file and line, and nothing is
    written. Doubts that do not stop the import (`text_warnings`) go to `warn`, located."""
    path = Path(path)
    lines = list(read_lines(path))
    actor = actor_of(db)
    with db.session() as session, _large_page_cache(session):
        batch = RecordBatch(session, self_device_id(session), actor=actor, allow_retired=True)
        edits: list[tuple[int, Edit]] = []
        for number, raw in lines:
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
    encode = json.JSONEncoder(ensure_ascii=False).encode
    actor = actor_of(db)
    with db.reading() as session:
        hidden = hidden_for(session, actor)
        for entity in INTERCHANGE:
            table = entity.table
            # Columns selected in the order of their sorted keys, so the dict is built sorted
            # and the encoder need not sort each record again.
            keys = sorted(("id", "type", *entity.field_names))
            columns = [table.c[k] if k != "type" else literal(entity.name) for k in keys]
            query = select(*columns).where(table.c.deleted.is_(False)).order_by(table.c.id)
            dates = [
                i for i, k in enumerate(keys) if entity.field(k) and entity.field(k).kind == "date"
            ]
            for row in session.execute(query):
                values = list(row)
                for i in dates:
                    if values[i] is not None:
                        values[i] = values[i].isoformat()
                record = dict(zip(keys, values, strict=True))
                if hidden and not _visible_export(entity.name, record, hidden):
                    continue
                yield encode(record)


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


class RecordService:
    """Create, edit and delete single records — one unit of work per call (forms use it)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, type_name: str, record_id: str | None, fields: Mapping[str, Any]) -> str:
        """Create (record_id None) or edit a record; returns its id. Fields take the
        interchange values or their Python forms (dates as `datetime.date`)."""
        new_id = record_id or new_id_()
        raw = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in fields.items()}
        if type_name == "notification" and record_id is None and not raw.get("number"):
            raw["number"] = self._notification_number(raw.get("date"))
        self._run({**raw, "type": type_name, "id": new_id})
        return new_id

    def _notification_number(self, day: Any) -> str | None:
        """A new notification gets the next number of its year (docs/decisions/055)."""
        from app.services.notifications import next_number

        try:
            date = dt.date.fromisoformat(day) if isinstance(day, str) else None
        except ValueError:
            return None  # the date's own check reports it
        if date is None:
            return None
        with self.db.session() as session:
            return next_number(session, date)

    def delete(self, type_name: str, record_id: str) -> None:
        """Delete a record (a tombstone that syncs); refused while live records use it."""
        if self.get(type_name, record_id) is None:
            raise ValidationError("id", tr("the record does not exist"))
        self._run({"type": type_name, "id": record_id, "deleted": True})

    def get(self, type_name: str, record_id: str) -> dict[str, Any] | None:
        """A live record's fields (stored values), or None."""
        entity = TYPES[type_name]
        table = entity.table
        actor = actor_of(self.db)
        with self.db.reading() as session:
            row = session.execute(select(table).where(table.c.id == record_id)).first()
            if row is None or row.deleted:
                return None
            if hidden_for(session, actor).hides(type_name, row):
                return None
        return {"id": row.id, **{n: getattr(row, n) for n in entity.field_names}}

    def _run(self, raw: dict[str, Any]) -> None:
        actor = actor_of(self.db)
        with self.db.session() as session:
            batch = RecordBatch(session, self_device_id(session), actor=actor)
            edit = parse_edit(raw, batch.codes, interchange=False)
            batch.apply(edit)
            batch.commit()
            audit.changed(session, self.db.login, batch.touched[:1])
