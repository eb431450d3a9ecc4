"""Reference data: categories, СЖО factors, the service classifier, relations, formats.

Shipped in `resources/reference/classifiers.json` with a version, loaded into `RefEntry`
rows whose ids derive from kind and code, so every replica names them alike. A centre adds
its own entries through `RecordService.save("ref_entry", …)`.

A newer shipped version reaches a database when it is opened (:func:`refresh_shipped`): the
centre writes it through the change log, so its bundles carry it to the laptops; a laptop
writes it quietly (no change of its own: reference data changes only at the centre) and the
centre's bundle later brings the same values. An entry of an older version that the newer one
no longer ships, or lists under ``retired``, is marked retired: it stays valid on old records
(shown, counted, exported) but is not offered for new ones (docs/decisions/052).
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


def version_key(version: str | None) -> tuple[int, ...]:
    """A reference version («2026.2») as a comparable tuple; none or junk sorts first."""
    try:
        return tuple(int(part) for part in (version or "").split("."))
    except ValueError:
        return ()


def stored_version(session: Session) -> str | None:
    """The newest shipped reference version this database holds (None: no shipped entries)."""
    versions = session.scalars(
        select(RefEntry.version).where(RefEntry.position.is_not(None)).distinct()
    ).all()
    return max(versions, key=version_key, default=None)


def _shipped_fields(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every entry of a shipped version as record fields, by record id."""
    retired = {(kind, code) for kind, codes in data.get("retired", {}).items() for code in codes}
    result = {}
    for kind, entries in data["kinds"].items():
        for position, (code, label_uk, label_en) in enumerate(entries):
            result[entry_id(kind, code)] = {
                "kind": kind,
                "code": code,
                "label_uk": label_uk,
                "label_en": label_en,
                "version": data["version"],
                "position": position,
                "retired": True if (kind, code) in retired else None,
            }
    return result


def shipped_changes(session: Session, data: dict[str, Any] | None = None):
    """(record id, fields to write, stored row or None) that bring the database's shipped
    entries to ``data`` (default: this version's). Shipped entries of older versions that it
    no longer lists are retired; a centre's own entries (no position) are left alone."""
    data = data or shipped()
    wanted = _shipped_fields(data)
    columns = (*REFERENCE.field_names, "deleted", "versions")
    existing = {
        row.id: {c: getattr(row, c) for c in columns}
        for row in session.scalars(select(RefEntry)).all()
    }
    for record_id, fields in wanted.items():
        current = existing.get(record_id)
        if current is None:
            yield record_id, {k: v for k, v in fields.items() if v is not None}, None
            continue
        changed = {k: v for k, v in fields.items() if current[k] != v}
        if current["deleted"]:
            changed["deleted"] = False
        if changed:
            yield record_id, changed, current
    for record_id, current in existing.items():
        if record_id in wanted or current["position"] is None or current["deleted"]:
            continue
        if (
            version_key(current["version"]) < version_key(data["version"])
            and not current["retired"]
        ):
            yield record_id, {"retired": True}, current


def load_shipped(session: Session, writer: RecordWriter) -> int:
    """Write shipped entries that are missing or older than this version's, through the change
    log (the centre); returns how many."""
    written = 0
    for record_id, fields, current in list(shipped_changes(session)):
        writer.write(REFERENCE, record_id, fields, current)
        written += 1
    writer.flush()
    return written


def load_shipped_quietly(session: Session) -> int:
    """Bring the shipped entries up to this version without a change of this replica's own
    (a laptop): the rows change, their field versions do not, so the centre's own change
    for the same entry, arriving later, still applies and every replica ends alike."""
    table = REFERENCE.table
    written = 0
    for record_id, fields, current in list(shipped_changes(session)):
        if current is None:
            row = dict.fromkeys(REFERENCE.field_names)
            row.update(fields)
            session.execute(
                table.insert().values(id=record_id, deleted=False, versions="{}", **row)
            )
        else:
            session.execute(table.update().where(table.c.id == record_id).values(**fields))
        written += 1
    return written


def refresh_shipped(session: Session) -> int:
    """Bring a database's reference data to the shipped version when it holds an older one;
    returns how many entries were written. A database with no shipped entries yet (a laptop
    before its enrollment) is left alone."""
    from app.db.models import Device

    stored = stored_version(session)
    if stored is None or version_key(stored) >= version_key(shipped()["version"]):
        return 0
    me = session.scalar(select(Device).where(Device.is_self.is_(True)))
    if me is not None and me.kind == "centre":
        return load_shipped(session, RecordWriter(session, me.id))
    return load_shipped_quietly(session)


def retired_codes(session: Session) -> dict[str, set[str]]:
    """Live but retired codes by kind: valid on old records, not offered for new ones."""
    codes: dict[str, set[str]] = {}
    rows = session.execute(
        select(RefEntry.kind, RefEntry.code).where(
            RefEntry.deleted.is_(False), RefEntry.retired.is_(True)
        )
    )
    for kind, code in rows:
        codes.setdefault(kind, set()).add(code)
    return codes


def labels(
    session: Session, kind: str, language: str = "uk", *, retired: bool = True
) -> list[tuple[str, str]]:
    """(code, label) pairs of one kind, in the shipped order, then centre-added by code.

    Retired entries are included (old records show and count them) unless ``retired`` is
    False, as for the choices a form offers for a new record."""
    query = select(RefEntry.code, RefEntry.label_uk, RefEntry.label_en, RefEntry.position).where(
        RefEntry.kind == kind, RefEntry.deleted.is_(False)
    )
    if not retired:
        query = query.where(RefEntry.retired.is_not(True))
    rows = session.execute(query).all()
    rows.sort(key=lambda r: (r.position if r.position is not None else 10_000, r.code))
    return [(r.code, (r.label_en or r.label_uk) if language == "en" else r.label_uk) for r in rows]


# Relations whose shipped label names both sexes («Дружина / чоловік»): a member whose sex is
# known is called by the one that fits, in the language of the label.
_BY_SEX = {
    ("spouse", "M"): ("Чоловік", "Husband"),
    ("spouse", "F"): ("Дружина", "Wife"),
    ("sibling", "M"): ("Брат", "Brother"),
    ("sibling", "F"): ("Сестра", "Sister"),
}


def relation_label(code: str | None, sex: str | None, label: str, language: str = "uk") -> str:
    """The relation of a member as a printout or a list shows it: «Чоловік» for a spouse who is
    a man, else the classifier's `label`."""
    forms = _BY_SEX.get((code or "", sex or ""))
    if forms is None:
        return label
    return forms[0] if language == "uk" else forms[1]
