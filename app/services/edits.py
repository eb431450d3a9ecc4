"""One record edit as `records import`, a form or a conflict resolution states it: parsed and
checked field by field (`parse_edit`), aimed at the kept record of a merged duplicate, and
what a field laptop may change (`LaptopReach`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.actors import own_actors
from app.db.checks import parse_uuid, parse_value
from app.db.districts import Districts, within
from app.db.models import Change, Device
from app.db.registry import TYPES, EntitySpec
from app.errors import NotPermitted, ValidationError
from app.i18n import tr
from app.i18n.text import full_name, mixed_script_words
from app.sync.redirects import MERGEABLE, resolve_fields


class LaptopReach:
    """What a field laptop may change: records of its districts, before and after the edit,
    never reference data (CONTRACT.md «Accounts and roles»); the centre refuses the rest."""

    def __init__(self, session: Session, districts: list[str], actors: list[str], pending: Any):
        self.session = session
        self.allowed = frozenset(districts)
        self.actors = frozenset(actors)
        self.districts = Districts(session, pending)

    @classmethod
    def of(cls, session: Session, device_id: str, pending: Any) -> LaptopReach | None:
        """The reach of this replica when it is a laptop (None at the centre)."""
        device = session.get(Device, device_id)
        if device is None or device.kind != "field":
            return None
        return cls(session, device.districts or [], own_actors(session, device_id), pending)

    def check(
        self,
        entity: EntitySpec,
        record_id: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any],
    ) -> None:
        """Raise NotPermitted (exit 5) unless the record lies in reach before and after."""

        def created_here() -> bool:
            if before is None:
                return True
            origin = self.session.scalar(
                select(Change.origin)
                .where(Change.record_id == record_id)
                .order_by(Change.hlc)
                .limit(1)
            )
            return origin in self.actors

        name = entity.name
        district = self.districts.of(name, after)
        if district == "":
            return  # it names a record that does not exist: the reference check says so
        allowed = self.allowed
        # (the district of `after` is passed on: `within` would look it up again)
        if (
            before is not None and not within(self.districts, allowed, name, before, created_here)
        ) or not within(self.districts, allowed, name, after, created_here, district):
            raise NotPermitted(
                tr(
                    "this laptop may not change records outside its districts or "
                    "reference data ({type} {record})",
                    type=name,
                    record=record_id,
                )
            )


def person_name(record: Mapping[str, Any]) -> str:
    """«Surname Given Patronymic» of a person record."""
    return full_name(record.get("surname"), record.get("given_name"), record.get("patronymic"))


@dataclass(frozen=True)
class Edit:
    """One parsed edit: the entity, the record id, the stored values of the fields named,
    and whether it deletes (True), restores (False) or leaves the tombstone alone (None)."""

    entity: EntitySpec
    record_id: str
    fields: dict[str, Any]
    deleted: bool | None


def parse_edit(
    raw: Mapping[str, Any], codes: Mapping[str, set[str]], *, interchange: bool = True
) -> Edit:
    """Check one interchange object field by field and turn it into an `Edit`."""
    type_name = raw.get("type")
    entity = TYPES.get(type_name) if isinstance(type_name, str) else None
    if entity is None or (interchange and not entity.interchange):
        raise ValidationError("type", tr("unknown record type «{value}»", value=type_name))
    if "id" not in raw:
        raise ValidationError("id", tr("is required"))
    record_id = parse_uuid(raw["id"])
    deleted = raw.get("deleted")
    if deleted is not None and not isinstance(deleted, bool):
        raise ValidationError("deleted", tr("must be true or false"))
    fields: dict[str, Any] = {}
    by_name = entity.by_name
    for name, value in raw.items():
        if name in ("type", "id", "deleted"):
            continue
        spec = by_name.get(name)
        if spec is None:
            raise ValidationError(name, tr("unknown field"))
        fields[name] = parse_value(spec, value, codes)
    return Edit(entity, record_id, fields, deleted)


def redirected(edit: Edit, redirects: Mapping[str, str]) -> Edit:
    """An edit of a merged-away record goes to the record it was merged into, and references
    to merged-away records name the kept ones."""
    record_id = edit.record_id
    if edit.entity.name in MERGEABLE:
        record_id = redirects.get(record_id, record_id)
    fields = resolve_fields(edit.entity.name, edit.fields, redirects)
    return Edit(edit.entity, record_id, fields, edit.deleted)


def filled(record: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The fields of a record that hold a value: a restatement names only these, so a device
    that lacks the record builds it whole (the rest are empty on a new row) while an edit of
    an empty field made elsewhere meanwhile is not contested."""
    return {n: record[n] for n in names if record[n] is not None}


def reroutes(before: Mapping[str, Any], changes: Mapping[str, Any]) -> bool:
    """Whether a family edit may change which laptops receive the family: it moves to
    another settlement (perhaps another district), or its restriction or responsible
    changes."""
    if "settlement_id" in changes and before.get("settlement_id") is not None:
        return True  # the laptops of its new district receive it whole
    was = bool(before.get("restricted"))
    now = bool(changes.get("restricted", was))
    if was and not now:
        return True  # every laptop of the district receives it from now on
    return "responsible" in changes and now


def text_warnings(edit: Edit) -> Iterator[ValidationError]:
    """Doubts about an edit's text that do not stop it: a word mixing Latin look-alikes
    into Cyrillic («Мaрія»), flagged so that someone checks the spelling."""
    for name, value in edit.fields.items():
        spec = edit.entity.by_name[name]
        if spec.kind == "text" and isinstance(value, str) and mixed_script_words(value):
            yield ValidationError(
                name, tr("mixes Latin and Cyrillic letters in one word; check the spelling")
            )
