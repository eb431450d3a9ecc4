"""A record's district (CONTRACT.md «A record's district»): the one place it is computed.

A family's district is its settlement's; everything hanging on a family (persons, visits,
assessments, notifications, services) has the family's; a group's is its `district_id`, and
its sessions, participants and attendance have the group's; a service without a family has
its person's. A person without a family has none in its data: it belongs to the device that
created it (`district_of` returns None and the caller asks who created it).

Used by the centre to check what a laptop may change (app/sync/merge.py) and by a laptop to
refuse such edits locally (app/services/records.py); `app/sync/scope.py` selects the same
records set-wise with `PARENTS`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.registry import TYPES

# Redirects of merged duplicates travel like reference data: a laptop must know them all, so
# that its own later edits of a dropped record land on the kept one (app/sync/redirects.py);
# only the centre writes them.
REFERENCE_TYPES = frozenset({"ref_entry", "district", "settlement", "redirect"})

# Per type, the references that lead to its district, tried in order (the first set wins).
PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "settlement": (("district_id", "district"),),
    "family": (("settlement_id", "settlement"),),
    "person": (("family_id", "family"),),
    "notification": (("family_id", "family"),),
    "assessment": (("family_id", "family"),),
    "visit": (("family_id", "family"),),
    "service": (("family_id", "family"), ("person_id", "person")),
    "group": (("district_id", "district"),),
    "participant": (("group_id", "group"),),
    "session": (("group_id", "group"),),
    "attendance": (("session_id", "session"),),
}
_LINKS: dict[str, tuple[str, ...]] = {
    name: tuple(f for f, _ in links) for name, links in PARENTS.items()
}


def links_in(type_name: str, fields: Mapping[str, Any]) -> bool:
    """Whether a change to these fields may move a record to another district."""
    return any(name in fields for name in _LINKS.get(type_name, ()))


Pending = Callable[[str, str], Mapping[str, Any] | None]


class Districts:
    """Finds records' districts, reading parents first from `pending` (rows being written in
    the same unit of work), then from a cache, then from the database."""

    def __init__(self, session: Session, pending: Pending | None = None) -> None:
        self.session = session
        self.pending = pending or (lambda _type, _id: None)
        self._links: dict[tuple[str, str], dict[str, Any] | None] = {}

    def remember(self, type_name: str, row: Mapping[str, Any]) -> None:
        """Note a row just written (keeps the cache true within one unit of work)."""
        links = _LINKS.get(type_name)
        if links is not None:
            self._links[(type_name, row["id"])] = {f: row.get(f) for f in links}

    def _parent_links(self, type_name: str, record_id: str) -> Mapping[str, Any] | None:
        row = self.pending(type_name, record_id)
        if row is not None:
            return row
        key = (type_name, record_id)
        if key not in self._links:
            table = TYPES[type_name].table
            names = _LINKS[type_name]
            found = self.session.execute(
                select(*(table.c[n] for n in names)).where(table.c.id == record_id)
            ).first()
            self._links[key] = None if found is None else dict(zip(names, found, strict=True))
        return self._links[key]

    def of(self, type_name: str, row: Mapping[str, Any] | None) -> str | None:
        """The district id of a record (given as its fields); None for a person without a
        family (its creator's district applies), "" when its chain names no known record."""
        depth = 0
        while row is not None and depth < 8:
            links = PARENTS.get(type_name)
            if links is None:
                return str(row.get("id") or "") if type_name == "district" else ""
            for name, parent in links:
                value = row.get(name)
                if value is None:
                    continue
                if parent == "district":
                    return str(value)
                type_name, row = parent, self._parent_links(parent, value)
                break
            else:
                return None if type_name == "person" else ""
            depth += 1
        return ""


_UNKNOWN = object()  # `within` without a district already found


def within(
    districts: Districts,
    allowed: Collection[str],
    type_name: str,
    row: Mapping[str, Any],
    created_by_self: Callable[[], bool],
    district: str | None | object = _UNKNOWN,
) -> bool:
    """Whether a record (its fields) lies in the `allowed` districts; a record whose data names
    no district counts as inside when this device created it. Reference data never does.
    `district`, when given, is what `districts.of(type_name, row)` returned for this row."""
    if type_name in REFERENCE_TYPES:
        return False
    if district is _UNKNOWN:
        district = districts.of(type_name, row)
    if district is None:
        return created_by_self()
    return district in allowed
