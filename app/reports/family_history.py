"""A family's history read from the change log (every replica keeps every change, so it is
the same everywhere): its responsible specialists and its categories and СЖО factors with
the days each applied, for the family card's printout."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import sort_key
from app.reports.data import (
    CodeSpan,
)


def _family_writes(session: Session, family_id: str, name: str) -> list[tuple[date, Any]]:
    """Each write of one family field with the day it was made, oldest first, from the change
    log (every replica keeps every change, and the highest stamp is the value kept, so the
    history is the same everywhere)."""
    import datetime as dt
    import json

    from app.db.clock import stamp_time
    from app.db.models import Change

    rows = session.execute(
        select(Change.hlc, Change.data)
        .where(Change.entity == "family", Change.record_id == family_id)
        .where(Change.data.contains(f'"{name}"'))
        .order_by(Change.hlc, Change.origin, Change.seq)
    ).all()
    writes: list[tuple[date, Any]] = []
    for hlc, data in rows:
        values = json.loads(data)
        if name not in values:  # the name was inside another field's value
            continue
        writes.append((stamp_time(hlc, dt.UTC).date(), values[name]))
    return writes


def specialist_history(session: Session, family_id: str) -> tuple[tuple[date, str], ...]:
    """The family's responsible specialists with the day each was entered, oldest first."""
    history: list[tuple[date, str]] = []
    for day, name in _family_writes(session, family_id, "specialist"):
        if not name or (history and history[-1][1] == name):
            continue
        history.append((day, name))
    return tuple(history)


def code_history(
    session: Session, family_id: str, kind: str, names: Mapping[str, str]
) -> tuple[CodeSpan, ...]:
    """The family's categories (``kind`` "category") or СЖО factors ("factor") with the days
    each applied: from the write that gave it to the write that took it away (none: it still
    applies), in the order they were given."""
    field_name = {"category": "categories", "factor": "factors"}[kind]
    since: dict[str, date] = {}
    spans: list[CodeSpan] = []
    for day, value in _family_writes(session, family_id, field_name):
        codes = set(value or ())
        for code in sorted(since.keys() - codes):
            spans.append(CodeSpan(kind, names.get(code, code), since.pop(code), day))
        for code in sorted(codes - since.keys()):
            since[code] = day
    spans += [CodeSpan(kind, names.get(code, code), day, None) for code, day in since.items()]
    return tuple(sorted(spans, key=lambda s: (s.since, s.until or date.max, sort_key(s.label))))
