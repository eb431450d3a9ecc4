"""The needs-assessment act for the forms: the people an act is written about, and the
family's notifications. Its structure and checks live beside the field registry
(app/db/act.py), so the merge of a bundle checks an act as `records import` does."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.db.act import (  # noqa: F401 - the structure, re-exported for the forms
    ADULT_AREAS,
    CHILD_AREAS,
    FAMILY_AREAS,
    IMPACT_LEVELS,
    check_act,
)

# What a new assessment's form fills in by itself, before anything is typed.
_PREFILLED = frozenset({"family_id", "started", "specialist"})


def _filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())  # white space alone is stored as nothing
    return value is not None and value != [] and value != {}


def is_blank(fields: Mapping[str, Any]) -> bool:
    """Whether an assessment holds nothing but what its form fills in by itself (the family,
    the start date, the specialist): no other field, no area of the act. False and 0 are
    answers, not blanks."""
    for name, value in fields.items():
        if name == "act":
            act = value or {}
            people = [*(act.get("children") or []), *(act.get("adults") or [])]
            if any(_filled(v) for entry in people for k, v in entry.items() if k != "person_id"):
                return False
            if any(_filled(v) for v in (act.get("family") or {}).values()):
                return False
        elif name not in _PREFILLED and _filled(value):
            return False
    return True


def form_people(db: Any, family_id: str, day: Any = None) -> tuple[list, list]:
    """(children, adults) of a family as (person id, full name), children being under 18 on
    ``day`` (default today); persons without a birth date count as adults."""
    import datetime as dt

    from sqlalchemy import select

    from app.db.ages import child_cutoff
    from app.db.models import Person
    from app.i18n import sort_key
    from app.i18n.text import full_name

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
