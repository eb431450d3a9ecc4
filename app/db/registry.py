"""The registry of synced entities: type name → model and interchange fields.

Built from the models' column metadata, so a field is declared once. `INTERCHANGE` lists the
types of CONTRACT.md in the contract's order (the order of `records export`); `SYNCED` adds
the reference data, which travels in bundles but not in the interchange format.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Table, Text

from app.db import models
from app.db.base import Base


@dataclass(frozen=True)
class FieldSpec:
    """One interchange field: its name, kind (text, date, ref, codes, …) and rules."""

    name: str
    kind: str
    required: bool = False
    to: str | None = None  # referenced type, for kind "ref"
    of: str | None = None  # reference-data kind, for "code" and "codes"
    values: tuple[str, ...] = ()  # allowed values, for "enum"
    rule: str | None = None  # "event" (not in the future) or "birth", for dates
    after: str | None = None  # a date field this one may not precede
    # Limits, enforced by every write path (records import, forms, the merge of a bundle):
    max_length: int = 1_000  # characters of a text value
    max_items: int = 64  # codes in a list
    max_value: int = 1_000_000  # a whole number


@dataclass(frozen=True)
class EntitySpec:
    """A synced entity: interchange type name, model, table and fields in column order."""

    name: str
    model: type[Base]
    fields: tuple[FieldSpec, ...]
    interchange: bool = True

    @property
    def table(self) -> Table:
        return self.model.__table__  # type: ignore[return-value]

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def by_name(self) -> dict[str, FieldSpec]:
        """Fields by name."""
        return {f.name: f for f in self.fields}

    @cached_property
    def references(self) -> tuple[FieldSpec, ...]:
        """The fields that name another record."""
        return tuple(f for f in self.fields if f.kind == "ref")

    def field(self, name: str) -> FieldSpec | None:
        return self.by_name.get(name)


LONG_TEXT = 20_000  # characters of a long text (notes, conclusions): a few printed pages


def _spec(name: str, model: type[Base], interchange: bool = True) -> EntitySpec:
    fields = []
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        info: dict[str, Any] = dict(column.info)
        if "kind" not in info:
            continue
        kind = info.pop("kind")
        if "values" in info:
            info["values"] = tuple(str(v) for v in info["values"])  # StrEnum members as text
        if isinstance(column.type, Text):
            info.setdefault("max_length", LONG_TEXT)
        fields.append(FieldSpec(name=column.name, kind=kind, **info))
    return EntitySpec(name=name, model=model, fields=tuple(fields), interchange=interchange)


INTERCHANGE: tuple[EntitySpec, ...] = (
    _spec("district", models.District),
    _spec("settlement", models.Settlement),
    _spec("family", models.Family),
    _spec("person", models.Person),
    _spec("notification", models.Notification),
    _spec("assessment", models.Assessment),
    _spec("visit", models.Visit),
    _spec("service", models.ServiceRecord),
    _spec("group", models.SupportGroup),
    _spec("participant", models.Participant),
    _spec("session", models.GroupSession),
    _spec("attendance", models.Attendance),
    _spec("intake", models.Intake),
    _spec("referral", models.Referral),
)
REFERENCE = _spec("ref_entry", models.RefEntry, interchange=False)
# The bookkeeping of merged duplicates: synced, never in the interchange format.
DUPLICATES: tuple[EntitySpec, ...] = (
    _spec("redirect", models.Redirect, interchange=False),
    _spec("duplicate_mark", models.DuplicateMark, interchange=False),
)
SYNCED: tuple[EntitySpec, ...] = (REFERENCE, *INTERCHANGE, *DUPLICATES)
TYPES: dict[str, EntitySpec] = {spec.name: spec for spec in SYNCED}


# What deleting a record does to the live records that name it: those that belong to it go
# with it; a person's group participation and family services keep their history without
# the person; anything else («restrict») makes the delete fail unless those go too.
DELETE_RULES: dict[tuple[str, str], str] = {
    ("person", "family_id"): "cascade",
    ("notification", "family_id"): "cascade",
    ("assessment", "family_id"): "cascade",
    ("visit", "family_id"): "cascade",
    ("service", "family_id"): "cascade",
    ("service", "person_id"): "detach",
    ("participant", "person_id"): "detach",
    ("assessment", "notification_id"): "detach",
    ("intake", "family_id"): "detach",
    ("intake", "person_id"): "detach",
    ("referral", "intake_id"): "cascade",
    ("referral", "family_id"): "cascade",
    ("referral", "person_id"): "detach",
    ("participant", "group_id"): "cascade",
    ("session", "group_id"): "cascade",
    ("attendance", "session_id"): "cascade",
    ("attendance", "participant_id"): "cascade",
}


def referrers(type_name: str) -> list[tuple[EntitySpec, FieldSpec]]:
    """Every (entity, field) that references records of `type_name`."""
    return [
        (spec, f) for spec in SYNCED for f in spec.fields if f.kind == "ref" and f.to == type_name
    ]
