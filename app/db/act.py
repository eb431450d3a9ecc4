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
