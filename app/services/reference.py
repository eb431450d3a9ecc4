"""Reference data: categories, СЖО factors, the service classifier, relations, formats.

Shipped in `resources/reference/classifiers.json` with a version, loaded into `RefEntry`
rows whose ids derive from kind and code, so every replica names them alike. A centre adds
its own entries through `RecordService.save("ref_entry", …)`.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import RefEntry
from app.db.registry import REFERENCE
from app.db.writer import RecordWriter

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
CLASSIFIERS = RESOURCES / "reference" / "classifiers.json"
_NAMESPACE = uuid.UUID("6f1d8a52-3c0e-4f55-9a57-0f0c4e5a0b1d")


def entry_id(kind: str, code: str) -> str:
    """The id of a reference entry, the same on every replica."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{code}"))


def shipped() -> dict[str, Any]:
    """The reference data shipped with this version."""
    return json.loads(CLASSIFIERS.read_text("utf-8"))


def load_shipped(session: Session, writer: RecordWriter) -> int:
    """Write shipped entries that are missing or older than this version's; returns how many."""
    data = shipped()
    existing = {row.id: row for row in session.scalars(select(RefEntry)).all()}
    written = 0
    for kind, entries in data["kinds"].items():
        for position, (code, label_uk, label_en) in enumerate(entries):
            record_id = entry_id(kind, code)
            fields = {
                "kind": kind,
                "code": code,
                "label_uk": label_uk,
                "label_en": label_en,
                "version": data["version"],
                "position": position,
            }
            row = existing.get(record_id)
            current = None
            if row is not None:
                current = {
                    c: getattr(row, c) for c in (*REFERENCE.field_names, "deleted", "versions")
                }
                if all(current[k] == v for k, v in fields.items()):
                    continue
                fields = {k: v for k, v in fields.items() if current[k] != v}
            writer.write(REFERENCE, record_id, fields, current)
            written += 1
    writer.flush()
    return written


def labels(session: Session, kind: str, language: str = "uk") -> list[tuple[str, str]]:
    """(code, label) pairs of one kind, in the shipped order, then centre-added by code."""
    rows = session.execute(
        select(RefEntry.code, RefEntry.label_uk, RefEntry.label_en, RefEntry.position).where(
            RefEntry.kind == kind, RefEntry.deleted.is_(False)
        )
    ).all()
    rows.sort(key=lambda r: (r.position if r.position is not None else 10_000, r.code))
    return [(r.code, (r.label_en or r.label_uk) if language == "en" else r.label_uk) for r in rows]
