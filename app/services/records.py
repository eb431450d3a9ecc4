"""Records: create, edit and delete any entity, one unit of work per call (`RecordService`).

The rest of the records API lives beside it and is re-exported here for its many callers:
app/services/edits.py (one edit parsed and checked, what a laptop may change),
record_batch.py (`RecordBatch`, the one place an edit is checked and written) and
interchange.py (`records import` and `records export`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from app.db.database import Database, self_device_id
from app.db.ids import new_id as new_id_
from app.db.registry import TYPES
from app.errors import ValidationError
from app.i18n import tr
from app.services import audit
from app.services.edits import Edit, LaptopReach, parse_edit, person_name, text_warnings
from app.services.interchange import export_records, import_records, read_lines
from app.services.permissions import (
    actor_of,
    hidden_for,
)
from app.services.record_batch import RecordBatch

__all__ = [
    "Edit",
    "LaptopReach",
    "RecordBatch",
    "RecordService",
    "export_records",
    "import_records",
    "parse_edit",
    "person_name",
    "read_lines",
    "text_warnings",
]


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
