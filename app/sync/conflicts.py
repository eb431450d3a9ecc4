"""The conflict log: concurrent values kept for review, and their resolution.

Taking the winner only closes the entry. Taking the loser writes the losing value through
the one write path (`RecordWriter`) as a new local change, which then syncs everywhere.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from app.db.database import Database
from app.db.models import Conflict, Device
from app.db.registry import TYPES
from app.db.writer import RecordWriter
from app.errors import UsageError
from app.i18n import tr
from app.sync.devices import now_text, self_device
from app.sync.merge import stored_value

TAKE = ("winner", "loser")


def list_conflicts(db: Database, *, status: str | None = None) -> list[dict[str, Any]]:
    """Conflicts in the form of `conflicts list --json`, oldest first (devices by name)."""
    with db.reading() as session:
        names = dict(session.execute(select(Device.id, Device.name)).all())
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
        if conflict.status != "open":
            raise UsageError(tr("the conflict {id} is already resolved", id=conflict_id))
        written = False
        if take == "loser":
            written = _write_loser(session, conflict)
        conflict.status = "resolved"
        conflict.resolved_at = now_text()
        conflict.resolved_by = login
    return written


def _write_loser(session: Any, conflict: Conflict) -> bool:
    entity = TYPES[conflict.entity]
    table = entity.table
    columns = [table.c.id, table.c.deleted, table.c.versions]
    columns += [table.c[n] for n in entity.field_names]
    found = session.execute(select(*columns).where(table.c.id == conflict.record_id)).first()
    if found is None:
        raise UsageError(tr("the record does not exist"))
    current = dict(found._mapping)
    value = stored_value(entity, conflict.field, json.loads(conflict.loser or "null"))
    if current.get(conflict.field) == value:
        return False
    writer = RecordWriter(session, self_device(session).id)
    writer.write(entity, conflict.record_id, {conflict.field: value}, current)
    writer.flush()
    return True
