"""The conflict log: concurrent values kept for review, and their resolution.

Taking the winner only closes the entry. Taking the loser writes the losing value through
the one write path (`RecordWriter`) as a new local change, which then syncs everywhere.
A change the centre refused (outside the laptop's districts, or dated too far ahead) is kept
here with status `refused`: its value is the loser, and taking it applies it as the
centre's own change.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from app.db.actors import actor_devices
from app.db.clock import now_text
from app.db.database import Database
from app.db.models import Conflict, Device
from app.db.registry import TYPES, EntitySpec
from app.db.writer import RecordWriter
from app.errors import UsageError
from app.i18n import tr
from app.sync.changes import stored_value
from app.sync.devices import self_device

TAKE = ("winner", "loser")


def list_conflicts(db: Database, *, status: str | None = None) -> list[dict[str, Any]]:
    """Conflicts in the form of `conflicts list --json`, oldest first (devices by name)."""
    with db.reading() as session:
        names = dict(session.execute(select(Device.id, Device.name)).all())
        for actor, device in actor_devices(session).items():  # changes name their actor
            names.setdefault(actor, names.get(device, device))
        query = select(Conflict).order_by(Conflict.detected_at, Conflict.id)
        if status is not None:
            query = query.where(Conflict.status == status)
        return [
            {
                "id": c.id,
                "type": c.entity,
                "record_id": c.record_id,
                "field": c.field,
                "winner": None if c.winner is None else json.loads(c.winner),
                "loser": None if c.loser is None else json.loads(c.loser),
                "winner_device": names.get(c.winner_device, c.winner_device),
                "loser_device": names.get(c.loser_device, c.loser_device),
                "winner_version": c.winner_version,
                "loser_version": c.loser_version,
                "status": c.status,
            }
            for c in session.scalars(query)
        ]


def resolve_conflict(db: Database, conflict_id: str, take: str, login: str | None) -> bool:
    """Close a conflict keeping `take` ("winner" or "loser"); returns whether a new change
    was written (taking the loser over a value that still differs)."""
    if take not in TAKE:
        raise UsageError(tr("--take must be winner or loser"))
    with db.session() as session:
        conflict = session.get(Conflict, conflict_id)
        if conflict is None:
            raise UsageError(tr("no conflict with id {id}", id=conflict_id))
        if conflict.status not in ("open", "refused"):
            raise UsageError(tr("the conflict {id} is already resolved", id=conflict_id))
        written = False
        closing = [conflict]
        if conflict.status == "refused":
            # A refused change is decided whole: every field it wrote, together.
            closing = list(
                session.scalars(
                    select(Conflict).where(
                        Conflict.record_id == conflict.record_id,
                        Conflict.loser_version == conflict.loser_version,
                        Conflict.status == "refused",
                    )
                )
            )
            if take == "loser":
                written = _apply_refused(session, closing)
        elif take == "loser":
            written = _write_loser(session, conflict)
        for entry in closing:
            entry.status = "resolved"
            entry.resolved_at = now_text()
            entry.resolved_by = login
    return written


def _apply_refused(session: Any, entries: list[Conflict]) -> bool:
    """Apply a refused change (all its fields) as this replica's own change."""
    entity = TYPES[entries[0].entity]
    current = _stored(session, entity, entries[0].record_id)
    fields = {
        e.field: stored_value(entity, e.field, json.loads(e.loser or "null")) for e in entries
    }
    if current is not None:
        fields = {k: v for k, v in fields.items() if current.get(k) != v}
        if not fields:
            return False
    writer = RecordWriter(session, self_device(session).id)
    writer.write(entity, entries[0].record_id, fields, current)
    writer.flush()
    return True


def _stored(session: Any, entity: EntitySpec, record_id: str) -> dict[str, Any] | None:
    table = entity.table
    columns = [table.c.id, table.c.deleted, table.c.versions]
    columns += [table.c[n] for n in entity.field_names]
    found = session.execute(select(*columns).where(table.c.id == record_id)).first()
    return dict(found._mapping) if found is not None else None


def _write_loser(session: Any, conflict: Conflict) -> bool:
    entity = TYPES[conflict.entity]
    current = _stored(session, entity, conflict.record_id)
    if current is None:
        raise UsageError(tr("the record does not exist"))
    value = stored_value(entity, conflict.field, json.loads(conflict.loser or "null"))
    if current.get(conflict.field) == value:
        return False
    writer = RecordWriter(session, self_device(session).id)
    writer.write(entity, conflict.record_id, {conflict.field: value}, current)
    if conflict.field == "deleted" and value is False:
        _bring_back_targets(session, writer, entity, current)
    writer.flush()
    return True


def _bring_back_targets(
    session: Any, writer: RecordWriter, entity: EntitySpec, record: dict[str, Any]
) -> None:
    """A record kept over a delete keeps what it names: a deleted family (group, person…)
    it references comes back too, and so on up, so no reference dangles and no replica
    deletes the record again for the sake of its parent."""
    for spec in entity.references:
        target_id = record.get(spec.name)
        target_entity = TYPES.get(spec.to or "")
        if target_id is None or target_entity is None:
            continue
        target = _stored(session, target_entity, target_id)
        if target is None or not target["deleted"]:
            continue
        writer.write(target_entity, target_id, {"deleted": False}, target)
        _bring_back_targets(session, writer, target_entity, target)
