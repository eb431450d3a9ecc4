"""Which of some listed records (conflicts, and the like) the acting account may see: those of
restricted families it may not see are left out (the rules: app/services/permissions.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.db.database import Database
from app.services.permissions import actor_of, hidden_for


def visible_records(db: Database, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items (each with "type" and "record_id", e.g. conflicts) whose record the actor
    may see."""
    actor = actor_of(db)
    with db.session() as session:
        hidden = hidden_for(session, actor)
        if not hidden:
            return items
        from app.db.registry import TYPES

        shown = []
        for item in items:
            entity = TYPES.get(str(item.get("type")))
            record: Any = {"id": item.get("record_id")}
            if entity is not None and entity.name in (
                "notification",
                "assessment",
                "visit",
                "service",
            ):
                row = session.execute(
                    select(entity.table).where(entity.table.c.id == item.get("record_id"))
                ).first()
                record = dict(row._mapping) if row is not None else record
            if entity is None or not hidden.hides(entity.name, record):
                shown.append(item)
        return shown
