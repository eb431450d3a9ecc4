"""Restricted families travel only to the laptop of their `responsible` account.

Centre side: a laptop's scope loses every restricted family whose `responsible` is none of
that laptop's accounts, with everything that hangs on it (persons, notifications,
assessments, visits, services); a group record that names such a person travels without the
reference (its `person_id` reads null there; a participant's phone too), so the laptop holds
no dangling reference and no personal data of it. The ids of such families that the laptop
has held (it wrote them, or acknowledged a change of them) go in the bundle's header as
`purge`.

Laptop side: a family named in `purge` is erased from the database — its rows, the rows that
hang on it and their change log — once the centre has acknowledged every local change of
them; until then it is kept, so the unsent work goes first and the purge follows at the next
exchange. docs/decisions/061-restricted-routing.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from app.db.models import (
    Account,
    Assessment,
    Change,
    Conflict,
    Family,
    Notification,
    Participant,
    Person,
    ServiceRecord,
    Setting,
    Visit,
)
from app.sync.scope import Scope
from app.sync.watermarks import peer_acks

_HANGING = (Notification, Assessment, Visit)
_MOVED = "moved_family:"  # a family the centre moved to another settlement (setting key)


def note_moved(session: Session, family_id: str) -> None:
    """Centre: a family moved to another settlement. Laptops that held it and no longer
    serve its district are told to let it go (`purge_list`); noted once, kept."""
    session.merge(Setting(key=_MOVED + family_id, value=""))


def settlements_before(
    changes: Iterable[Any], stored: Mapping[tuple[str, str], Mapping[str, Any] | None]
) -> dict[tuple[str, str], str]:
    """The settlements of the stored families that a batch of changes may move, before it
    is applied (a merge compares them after, to `note_moved` a laptop's move)."""
    before: dict[tuple[str, str], str] = {}
    for change in changes:
        if change.entity.name != "family" or "settlement_id" not in change.data:
            continue
        key = ("family", change.record_id)
        row = stored.get(key)
        if row is not None and row.get("settlement_id") is not None:
            before[key] = row["settlement_id"]
    return before


def _moved_families(session: Session) -> set[str]:
    keys = session.scalars(select(Setting.key).where(Setting.key.startswith(_MOVED)))
    return {key[len(_MOVED) :] for key in keys}


class RoutedScope(Scope):
    """A laptop's scope without other accounts' restricted families."""

    def __init__(self, base: Scope, families: set[str], persons: set[str]) -> None:
        super().__init__(base.ids)
        self.base = base
        self.families = families
        self.persons = persons
        self.excluded: set[str] = set()
        self.participants: set[str] = set()  # those whose person is one of `persons`

    def __contains__(self, item: tuple[str, str]) -> bool:
        return item[1] not in self.excluded and item in self.base

    def line(self, line: dict[str, Any]) -> dict[str, Any]:
        """A change line as the laptop may receive it: no reference to an excluded person,
        and a participant who is one keeps no phone (whether the line names the person or,
        changing the phone alone, only the participant)."""
        if line["e"] not in ("participant", "service") or not self.persons:
            return line
        data = json.loads(line["d"])
        if "person_id" in data:
            hidden = data["person_id"] in self.persons
        else:  # the line changes other fields: the stored reference tells
            hidden = line["e"] == "participant" and line["r"] in self.participants
        if not hidden:
            return line
        if "person_id" in data:
            data["person_id"] = None
        if line["e"] == "participant" and "phone" in data:
            data["phone"] = None
        return {**line, "d": json.dumps(data, ensure_ascii=False)}


def device_logins(session: Session, device_id: str) -> set[str]:
    """The active accounts that sign in on a device (known at the centre from enrollment or
    an account file); a disabled account's restricted families no longer go there."""
    query = select(Account.login).where(
        Account.device_id == device_id, Account.disabled.is_not(True)
    )
    return set(session.scalars(query))


def excluded_families(session: Session, device_id: str) -> set[str]:
    """Restricted families whose responsible is not an account of the device."""
    logins = sorted(device_logins(session, device_id))
    query = select(Family.id).where(Family.restricted.is_(True))
    if logins:
        query = query.where(or_(Family.responsible.is_(None), Family.responsible.not_in(logins)))
    return set(session.scalars(query))


def _hanging_ids(session: Session, families: set[str]) -> tuple[set[str], set[str]]:
    """(persons, every other record id) hanging on the families."""
    ids = sorted(families)
    persons: set[str] = set()
    others: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        persons.update(session.scalars(select(Person.id).where(Person.family_id.in_(chunk))))
        for model in _HANGING:
            others.update(session.scalars(select(model.id).where(model.family_id.in_(chunk))))
        others.update(
            session.scalars(select(ServiceRecord.id).where(ServiceRecord.family_id.in_(chunk)))
        )
    person_ids = sorted(persons)
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        others.update(
            session.scalars(
                select(ServiceRecord.id).where(
                    ServiceRecord.person_id.in_(chunk), ServiceRecord.family_id.is_(None)
                )
            )
        )
    return persons, others


def routed_scope(session: Session, base: Scope, device_id: str) -> RoutedScope:
    """The scope of a laptop with other accounts' restricted families taken out."""
    families = excluded_families(session, device_id)
    persons, others = _hanging_ids(session, families) if families else (set(), set())
    scope = RoutedScope(base, families, persons)
    scope.excluded = families | persons | others
    person_ids = sorted(persons)
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        found = session.scalars(select(Participant.id).where(Participant.person_id.in_(chunk)))
        scope.participants.update(found)
    return scope


def purge_list(session: Session, scope: RoutedScope, device_id: str) -> list[str]:
    """Families outside the device's scope that it may hold: other accounts' restricted
    families it has held (it wrote a change of them, or acknowledged one), and families the
    centre moved (or merged) out of its districts."""
    moved = _moved_families(session) - scope.base.ids.get("family", set())
    if not scope.families:
        return sorted(moved)
    acks = peer_acks(session, device_id)
    # A moved family is named whatever the laptop held: a merged duplicate's replay may
    # have made a copy of it there that no change of the centre ever reached (a purge of
    # what a laptop does not hold does nothing).
    held = sorted(moved)
    for family_id in sorted(scope.families - moved):
        rows = session.execute(
            select(Change.origin, Change.seq).where(Change.record_id == family_id)
        ).all()
        if any(o == device_id or s <= acks.get(o, 0) for o, s in rows):
            held.append(family_id)
    return held


def purge(session: Session, family_ids: Iterable[str], own_device: str, acked: int) -> list[str]:
    """Laptop: erase the named families with what hangs on them and their change log, unless
    a local change of them is not yet acknowledged by the centre (`acked`: the centre's ack
    of this device's changes); returns the ids erased."""
    erased = []
    for family_id in family_ids:
        if not isinstance(family_id, str) or session.get(Family, family_id) is None:
            continue
        persons, others = _hanging_ids(session, {family_id})
        ids = sorted({family_id} | persons | others)
        unsent = session.scalar(
            select(Change.seq)
            .where(Change.origin == own_device, Change.seq > acked, Change.record_id.in_(ids))
            .limit(1)
        )
        if unsent is not None:
            continue  # the unsent work goes to the centre first; the purge comes next time
        person_ids = sorted(persons)
        if person_ids:
            session.execute(
                update(Participant)
                .where(Participant.person_id.in_(person_ids))
                .values(person_id=None, phone=None)
            )
            session.execute(
                update(ServiceRecord)
                .where(ServiceRecord.person_id.in_(person_ids))
                .values(person_id=None)
            )
        for model in (*_HANGING, ServiceRecord):
            session.execute(delete(model).where(model.id.in_(ids)))
        session.execute(delete(Person).where(Person.id.in_(person_ids)))
        session.execute(delete(Family).where(Family.id == family_id))
        session.execute(delete(Change).where(Change.record_id.in_(ids)))
        session.execute(delete(Conflict).where(Conflict.record_id.in_(ids)))
        erased.append(family_id)
    return erased
