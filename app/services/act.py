"""The needs-assessment act (акт оцінки потреб сім'ї/особи): the structure of its sections.

The act's scalar parts are fields of the assessment record; the parts written per child and
per adult, and the family and environment section, are one JSON document in its `act` field:

    {"children": [{"person_id": ID|null, "name": TEXT|null, <CHILD_AREAS>: TEXT, "impact": LEVEL}],
     "adults":   [{"person_id": ID|null, "name": TEXT|null, <ADULT_AREAS>: TEXT}],
     "family":   {<FAMILY_AREAS>: TEXT}}

Everything is optional; empty texts are dropped; keys are sorted and the lists ordered by
person, so equal acts are equal byte for byte (docs/decisions/054).
"""

from __future__ import annotations

import uuid
from typing import Any

from app.errors import ValidationError
from app.i18n import tr

CHILD_AREAS = (
    "health",
    "development",
    "education",
    "emotions",
    "identity",
    "self_care",
    "safety",
)
ADULT_AREAS = (
    "health",
    "emotions",
    "habits",
    "contacts",
    "history",
    "employment",
    "self_care",
    "parenting",
)
FAMILY_AREAS = ("support", "relations", "income", "household", "housing")
IMPACT_LEVELS = ("minor", "moderate", "severe")
_PERSON_KEYS = ("person_id", "name")


def _text(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, tr("must be text"))
    return value.strip() or None


def _entry(raw: Any, areas: tuple[str, ...], field: str, child: bool) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        raise ValidationError(field, tr("the act is not in the expected form"))
    allowed = {*areas, *_PERSON_KEYS, *(("impact",) if child else ())}
    if set(raw) - allowed:
        raise ValidationError(field, tr("the act is not in the expected form"))
    entry: dict[str, Any] = {}
    for key, value in raw.items():
        text = _text(value, field)
        if text is None:
            continue
        if key == "person_id":
            try:
                text = str(uuid.UUID(text))
            except ValueError:
                raise ValidationError(field, tr("is not a valid UUID")) from None
        if key == "impact" and text not in IMPACT_LEVELS:
            raise ValidationError(
                field, tr("must be one of: {values}", values=", ".join(IMPACT_LEVELS))
            )
        entry[key] = text
    return entry if set(entry) - set(_PERSON_KEYS) else None  # a person with nothing said


def check_act(value: Any, field: str = "act") -> dict[str, Any] | None:
    """The act document in its stored (normalised) form; None when it says nothing."""
    if not isinstance(value, dict) or set(value) - {"children", "adults", "family"}:
        raise ValidationError(field, tr("the act is not in the expected form"))
    result: dict[str, Any] = {}
    for key, areas in (("children", CHILD_AREAS), ("adults", ADULT_AREAS)):
        entries = value.get(key)
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise ValidationError(field, tr("the act is not in the expected form"))
        kept = [e for e in (_entry(r, areas, field, key == "children") for r in entries) if e]
        kept.sort(key=lambda e: (e.get("person_id") or "", e.get("name") or ""))
        if kept:
            result[key] = kept
    family = value.get("family")
    if family is not None:
        if not isinstance(family, dict) or set(family) - set(FAMILY_AREAS):
            raise ValidationError(field, tr("the act is not in the expected form"))
        texts = {k: t for k, v in family.items() if (t := _text(v, field)) is not None}
        if texts:
            result["family"] = texts
    return result or None


# --- what the act form shows ----------------------------------------------------------------


def form_people(db: Any, family_id: str, day: Any = None) -> tuple[list, list]:
    """(children, adults) of a family as (person id, full name), children being under 18 on
    ``day`` (default today); persons without a birth date count as adults."""
    import datetime as dt

    from sqlalchemy import select

    from app.db.models import Person
    from app.i18n import sort_key
    from app.i18n.text import full_name
    from app.reports.summary import child_cutoff

    cutoff = child_cutoff(day or dt.date.today())
    with db.session() as session:
        rows = session.scalars(
            select(Person).where(Person.family_id == family_id, Person.deleted.is_(False))
        ).all()
        people = []
        for p in rows:
            name = full_name(p.surname, p.given_name, p.patronymic)
            child = p.birth_date is not None and p.birth_date > cutoff
            people.append((p.birth_date or dt.date.min, sort_key(name), p.id, name, child))
        people.sort()
    children = [(pid, name) for _, _, pid, name, child in people if child]
    adults = [(pid, name) for _, _, pid, name, child in people if not child]
    return children, adults


def family_notifications(db: Any, family_id: str) -> list[tuple[str, str]]:
    """(id, «№ number від date») of a family's notifications, newest first."""
    from sqlalchemy import select

    from app.db.models import Notification

    with db.session() as session:
        rows = session.execute(
            select(Notification.id, Notification.number, Notification.date).where(
                Notification.family_id == family_id, Notification.deleted.is_(False)
            )
        ).all()
    rows.sort(key=lambda r: (r.date, r.id), reverse=True)
    result = []
    for r in rows:
        number = f"№ {r.number} " if r.number else ""
        result.append((r.id, f"{number}{r.date.strftime('%d.%m.%Y')}"))
    return result
