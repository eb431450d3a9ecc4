"""Read-only queries behind the GUI's lists and pickers (no Qt here).

Each function opens one session, reads, and returns plain dataclasses; names sort by the
Ukrainian alphabet. Writes go through RecordService or app.services.family_form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select

from app.db.database import Database
from app.db.models import (
    Account,
    Change,
    Device,
    District,
    Family,
    Person,
    ServiceRecord,
    Settlement,
)
from app.db.reference import labels, retired_codes
from app.i18n import tr
from app.i18n.text import full_name, search_key, sort_key
from app.services.family_names import family_names
from app.services.permissions import RESTRICTED_LABEL, actor_of, hidden_for
from app.sync.tables import ImportedBundle, PeerAck


@dataclass(frozen=True)
class Choice:
    """A pickable record: id and what the user reads."""

    id: str
    label: str


@dataclass(frozen=True)
class SettlementChoice:
    id: str
    name: str
    district_id: str | None
    district: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.district})" if self.district else self.name


def districts(db: Database) -> list[Choice]:
    """Live starosta districts, alphabetically."""
    with db.reading() as session:
        rows = session.execute(
            select(District.id, District.name).where(District.deleted.is_(False))
        ).all()
    return sorted((Choice(i, n or "") for i, n in rows), key=lambda c: sort_key(c.label))


def settlements(db: Database) -> list[SettlementChoice]:
    """Live settlements with their district, alphabetically."""
    with db.reading() as session:
        rows = session.execute(
            select(Settlement.id, Settlement.name, Settlement.district_id, District.name)
            .outerjoin(District, District.id == Settlement.district_id)
            .where(Settlement.deleted.is_(False))
        ).all()
    result = [SettlementChoice(i, n or "", d, dn or "") for i, n, d, dn in rows]
    return sorted(result, key=lambda s: sort_key(s.name))


def reference_labels(db: Database, kind: str, language: str = "uk") -> list[tuple[str, str]]:
    """(code, label) of a reference kind (category, factor, service, relation,
    session_format) in the shipped order, retired entries included."""
    with db.reading() as session:
        return labels(session, kind, language)


def reference_retired(db: Database) -> dict[str, set[str]]:
    """Retired codes by kind: shown on the records that have them, not offered anew."""
    with db.session() as session:
        return retired_codes(session)


@dataclass(frozen=True)
class PersonChoice:
    """A person found by the pickers (services, group participants)."""

    id: str
    name: str
    birth_date: dt.date | None
    family_id: str | None
    settlement: str
    phone: str

    @property
    def label(self) -> str:
        parts = [self.name]
        if self.birth_date:
            parts.append(self.birth_date.strftime("%d.%m.%Y"))
        if self.settlement:
            parts.append(self.settlement)
        return ", ".join(parts)


def _person_choices() -> Select[Any]:
    """Persons with what a picker shows of them: name, birth date, family, phone, village."""
    return (
        select(
            Person.id,
            Person.surname,
            Person.given_name,
            Person.patronymic,
            Person.birth_date,
            Person.family_id,
            Person.phone,
            Settlement.name,
        )
        .outerjoin(Family, Family.id == Person.family_id)
        .outerjoin(Settlement, Settlement.id == Family.settlement_id)
    )


def _choice(row: Any) -> PersonChoice:
    pid, s, g, p, born, fid, phone, place = row
    return PersonChoice(pid, full_name(s, g, p), born, fid, place or "", phone or "")


def find_persons(db: Database, text: str, limit: int = 50) -> list[PersonChoice]:
    """Persons whose name or phone contains every typed word (apostrophes and case ignored);
    members of families the account may not see are not found."""
    query = _person_choices().where(Person.deleted.is_(False))
    for token in search_key(text).split():
        query = query.where(Person.search_key.contains(token, autoescape=True))
    actor = actor_of(db)
    with db.reading() as session:
        hidden = hidden_for(session, actor)
        if hidden:
            query = query.where(Person.id.not_in(sorted(hidden.persons)))
        rows = session.execute(query.limit(limit * 4)).all()
    found = [_choice(row) for row in rows]
    found.sort(key=lambda c: sort_key(c.name))
    return found[:limit]


def person_choice(db: Database, person_id: str) -> PersonChoice | None:
    """One person as a picker shows them, or None."""
    actor = actor_of(db)
    with db.reading() as session:
        if person_id in hidden_for(session, actor).persons:
            return None
        row = session.execute(_person_choices().where(Person.id == person_id)).first()
    return None if row is None else _choice(row)


@dataclass(frozen=True)
class ServiceRow:
    """A line of the services list."""

    id: str
    date: dt.date | None
    code: str
    recipient: str
    family_id: str | None
    person_id: str | None
    minutes: int | None
    form: str
    notes: str


@dataclass(frozen=True)
class ServiceFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    code: str | None = None
    district_id: str | None = None
    family_id: str | None = None


def service_rows(db: Database, wanted: ServiceFilter, limit: int = 5_000) -> list[ServiceRow]:
    """Services matching the filter, newest first, with the recipient's name."""
    query = (
        select(
            ServiceRecord.id,
            ServiceRecord.date,
            ServiceRecord.service_code,
            ServiceRecord.family_id,
            ServiceRecord.person_id,
            ServiceRecord.minutes,
            ServiceRecord.form,
            ServiceRecord.notes,
            Person.surname,
            Person.given_name,
            Person.patronymic,
        )
        .outerjoin(Person, Person.id == ServiceRecord.person_id)
        .where(ServiceRecord.deleted.is_(False))
    )
    if wanted.date_from:
        query = query.where(ServiceRecord.date >= wanted.date_from)
    if wanted.date_to:
        query = query.where(ServiceRecord.date <= wanted.date_to)
    if wanted.code:
        query = query.where(ServiceRecord.service_code == wanted.code)
    if wanted.family_id:
        query = query.where(ServiceRecord.family_id == wanted.family_id)
    if wanted.district_id:
        in_district = (
            select(Family.id)
            .join(Settlement, Settlement.id == Family.settlement_id)
            .where(Settlement.district_id == wanted.district_id)
        )
        query = query.where(ServiceRecord.family_id.in_(in_district))
    actor = actor_of(db)
    with db.reading() as session:
        hidden = hidden_for(session, actor)
        if hidden:
            query = query.where(
                or_(
                    ServiceRecord.family_id.is_(None),
                    ServiceRecord.family_id.not_in(sorted(hidden.families)),
                )
            )
        query = query.order_by(ServiceRecord.date.desc(), ServiceRecord.id).limit(limit)
        rows = [r for r in session.execute(query).all() if not hidden.hides("service", r)]
        family_ids = {r.family_id for r in rows if r.family_id and not r.person_id}
        names = family_names(session, family_ids)
    result = []
    for r in rows:
        if r.person_id and r.person_id in hidden.persons:
            recipient = tr(RESTRICTED_LABEL)
        elif r.person_id:
            recipient = full_name(r.surname, r.given_name, r.patronymic)
        else:
            recipient = names.get(r.family_id or "", "")
        result.append(
            ServiceRow(
                r.id,
                r.date,
                r.service_code or "",
                recipient,
                r.family_id,
                r.person_id,
                r.minutes,
                r.form or "",
                r.notes or "",
            )
        )
    return result


def same_services(
    db: Database,
    family_id: str | None,
    person_id: str | None,
    code: str,
    day: dt.date,
    other_than: str | None = None,
) -> int:
    """How many live services of this type are recorded for this recipient (the person, or
    the whole family when `person_id` is None) on this day, `other_than` aside: the quick
    entry asks before it records a second."""
    query = select(func.count()).where(
        ServiceRecord.deleted.is_(False),
        ServiceRecord.service_code == code,
        ServiceRecord.date == day,
        ServiceRecord.family_id.is_(None)
        if family_id is None
        else ServiceRecord.family_id == family_id,
        ServiceRecord.person_id.is_(None)
        if person_id is None
        else ServiceRecord.person_id == person_id,
    )
    if other_than is not None:
        query = query.where(ServiceRecord.id != other_than)
    with db.reading() as session:
        return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class StatusSummary:
    """The status bar: who, which device, which database, what is not yet sent."""

    user: str
    device: str
    database: str
    centre: bool
    pending: int
    last_exchange: dt.datetime | None


def status_summary(db: Database) -> StatusSummary:
    """What the status bar shows; exchange figures are 0/None before the first exchange."""
    with db.reading() as session:
        device = session.execute(
            select(Device.id, Device.name, Device.kind).where(Device.is_self.is_(True))
        ).first()
        account = session.get(Account, db.login) if db.login else None
        device_id = device.id if device else ""
        own = int(
            session.scalar(select(func.max(Change.seq)).where(Change.origin == device_id)) or 0
        )
    with db.reading() as session:
        acked = int(
            session.scalar(select(func.max(PeerAck.seq)).where(PeerAck.origin == device_id)) or 0
        )
        stamp = session.scalar(select(func.max(ImportedBundle.imported_at)))
    last = dt.datetime.fromisoformat(stamp) if stamp else None
    user = (account.display_name or account.login) if account else (db.login or "")
    where = str(db.path) if db.path else db.target.url.split("@")[-1]
    return StatusSummary(
        user=user,
        device=device.name if device else "",
        database=where,
        centre=bool(device and device.kind == "centre"),
        pending=max(0, own - acked),
        last_exchange=last,
    )


def family_names_of(db: Database, family_ids: Sequence[str]) -> dict[str, str]:
    """Display names of some families (their main member)."""
    with db.reading() as session:
        return family_names(session, set(family_ids))
