"""What the sender of a bundle may do, and the checks of its changes against it: origins and
ranges, values (the same checks as `records import`), districts, the records it names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.checks import parse_value
from app.db.districts import Districts, links_in, within
from app.db.models import Change
from app.db.registry import EntitySpec, FieldSpec
from app.errors import ValidationError
from app.i18n import tr
from app.sync.changes import UUID_TEXT, IncomingChange, invalid
from app.sync.errors import BundleError, Reason


@dataclass(frozen=True)
class Trust:
    """What the sender of a bundle may do, as this replica sees it.

    A centre is trusted to relay anything (its signature covers what it relays). A laptop is
    semi-trusted: each of its changes must come from one of its own actors, fall in the ranges
    its header claims (which its content must cover exactly), and touch only records of its
    districts, never reference data. Its changes stamped beyond the allowed drift are held
    for review rather than applied; from a centre, such a bundle is refused.
    """

    sender: str
    from_field: bool = False
    actors: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    ranges: Mapping[str, list[int]] | None = None
    me: str | None = None
    lines: int = 0  # the changes the signed header announces


TRUSTED = Trust(sender="")


class TrustChecks:
    """The merge's checks of a change against the sender's trust (a mixin of `Merger`)."""

    session: Session
    trust: Trust
    codes: dict[str, set[str]]
    districts: Districts
    _seen: dict[str, tuple[int, bytearray]]
    _covered: dict[str, int]
    _quick: dict[str, dict[str, Callable[[Any], bool]]]
    _creators: dict[str, bool]
    _rows: dict[tuple[str, str], dict[str, Any]]

    _target_state: Callable[[str, set[str]], dict[str, tuple[bool, str]]]  # references.py

    def _check_origin(self, change: IncomingChange) -> None:
        trust = self.trust
        if trust.ranges is not None:
            claimed = trust.ranges.get(change.origin)
            if claimed is None or not claimed[0] <= change.seq <= claimed[1]:
                raise BundleError(Reason.BAD_RANGE)
        if trust.from_field:
            if change.origin not in trust.actors:
                raise BundleError(Reason.FORGED_ORIGIN)
            first, bits = self._seen[change.origin]
            index = change.seq - first
            mask = 1 << (index & 7)
            if bits[index >> 3] & mask:
                raise BundleError(Reason.BAD_RANGE)  # a laptop never sends a change twice
            bits[index >> 3] |= mask
            self._covered[change.origin] += 1

    def _check_coverage(self) -> None:
        """A laptop's claimed ranges must be exactly what it sent: a range claimed beyond its
        content would mark changes as held that this replica never received."""
        trust = self.trust
        if not trust.from_field or trust.ranges is None:
            return
        for origin, (first, last) in trust.ranges.items():
            if self._covered[origin] != last - first + 1:
                raise BundleError(Reason.BAD_RANGE)

    def _check_values(self, change: IncomingChange) -> None:
        """The same checks as `records import` (types, dates, codes, sizes, UUIDs). A value
        in the canonical form an honest replica writes passes a quick test; anything else
        goes through `parse_value`, which says what is wrong."""
        quick = self._quick.get(change.entity.name)
        if quick is None:
            quick = self._quick[change.entity.name] = {
                spec.name: quick_check(spec, self.codes) for spec in change.entity.fields
            }
        texts = text_limits(change.entity)
        required = required_fields(change.entity)
        spec_of = change.entity.by_name
        for name, value in change.data.items():
            if value is None and name != "deleted":  # an empty field: valid unless required
                if name in required:
                    raise invalid(change, name, tr("is required"))
                continue
            limit = texts.get(name)
            if limit is not None and value.__class__ is str and len(value) <= limit:
                continue  # text, the most common kind, without a call
            if name == "deleted":
                if value is not True and value is not False:
                    raise invalid(change, name, tr("must be true or false"))
                continue
            if quick[name](value):
                continue
            spec = spec_of[name]
            try:
                parsed = parse_value(spec, value, self.codes)
            except ValidationError as error:
                raise invalid(change, name, error.message) from None
            # Stored as sent, so only the canonical form (what `records import` stores).
            if spec.kind == "ref" and parsed != value:
                raise invalid(change, name, tr("is not a valid UUID"))
            if spec.kind == "codes" and parsed != value:
                raise invalid(change, name, tr("must be a list of codes"))

    def _in_scope(self, change: IncomingChange, row: dict[str, Any], exists: bool) -> bool:
        """Whether a laptop may make this change: the record lies in its districts before
        and after it (CONTRACT.md «A record's district»), and it is not reference data."""
        name = change.entity.name
        allowed = self.trust.districts

        def creator() -> bool:
            return not exists or self._created_by_sender(change.record_id)

        if exists and not within(self.districts, allowed, name, row, creator):
            return False
        if exists and not links_in(name, change.data):
            return True  # the same district after the change
        after = {**row, **change.data}
        return within(self.districts, allowed, name, after, creator)

    def _check_targets_exist(self, change: IncomingChange) -> None:
        for spec in change.entity.references:
            target = change.data.get(spec.name)
            if target is None or (spec.to, target) in self._rows:
                continue
            if not self._target_state(spec.to or "", {target}):
                raise invalid(change, spec.name, tr("refers to a record that does not exist"))

    def _created_by_sender(self, record_id: str) -> bool:
        if record_id not in self._creators:
            origin = self.session.scalar(
                select(Change.origin)
                .where(Change.record_id == record_id)
                .order_by(Change.hlc)
                .limit(1)
            )
            self._creators[record_id] = origin in self.trust.actors
        return self._creators[record_id]


_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_PHONE_TEXT = re.compile(r"\+380\d{9}\Z")


def quick_check(spec: FieldSpec, codes: Mapping[str, set[str]]) -> Callable[[Any], bool]:
    """A fast test that a (non-null) value is valid in the canonical form `parse_value`
    returns; False only means "ask `parse_value`", which finds the error if there is one."""
    kind, limit = spec.kind, spec.max_length
    if kind == "text":
        return lambda v: v.__class__ is str and len(v) <= limit
    if kind == "ref":
        return lambda v: v.__class__ is str and UUID_TEXT.match(v) is not None
    if kind == "bool":
        return lambda v: v is True or v is False
    if kind == "date":
        valid: set[str] = set()

        def date(v: Any) -> bool:
            if v in valid:
                return True
            if v.__class__ is str and _DATE_TEXT.match(v):
                try:
                    dt.date.fromisoformat(v)
                except ValueError:
                    return False
                valid.add(v)
                return True
            return False

        return date
    if kind == "enum":
        allowed = frozenset(spec.values)
        return lambda v: v.__class__ is str and v in allowed
    if kind == "code":
        known = codes.get(spec.of or "", set())
        return lambda v: v.__class__ is str and v in known
    if kind == "codes":
        known = codes.get(spec.of or "", set())
        most = spec.max_items
        return lambda v: (
            v.__class__ is list
            and 0 < len(v) <= most
            and all(c.__class__ is str and c in known for c in v)
            and v == sorted(set(v))
        )
    if kind == "phone":
        return lambda v: v.__class__ is str and _PHONE_TEXT.match(v) is not None
    if kind == "int":
        most = spec.max_value
        return lambda v: v.__class__ is int and 0 <= v <= most
    return lambda v: False  # the rest (РНОКПП, time) always through parse_value


# Per entity name: hashing an EntitySpec (a frozen dataclass) hashes all its fields, which
# costs more per change than the lookups it would save.
_TEXT_LIMITS: dict[str, dict[str, int]] = {}
_REQUIRED: dict[str, tuple[str, ...]] = {}


def text_limits(entity: EntitySpec) -> dict[str, int]:
    limits = _TEXT_LIMITS.get(entity.name)
    if limits is None:
        limits = {spec.name: spec.max_length for spec in entity.fields if spec.kind == "text"}
        _TEXT_LIMITS[entity.name] = limits
    return limits


def required_fields(entity: EntitySpec) -> tuple[str, ...]:
    names = _REQUIRED.get(entity.name)
    if names is None:
        names = _REQUIRED[entity.name] = tuple(s.name for s in entity.fields if s.required)
    return names
