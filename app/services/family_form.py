"""The family card's data: a family with its members, its events and its change history,
read for the form and saved back as one unit of work (no Qt here)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.chunks import chunked
from app.db.clock import stamp_time
from app.db.database import Database, self_device_id
from app.db.models import (
    Account,
    Assessment,
    Change,
    Device,
    Family,
    Notification,
    Person,
    ServiceRecord,
    Setting,
    Visit,
)
from app.db.registry import TYPES
from app.errors import ValidationError
from app.i18n.text import full_name, sort_key
from app.services import audit
from app.services.permissions import actor_of
from app.services.queries import ServiceFilter, ServiceRow, service_rows
from app.services.records import RecordBatch, parse_edit

# The fields come from the registry (declared once, on the models); a member's family is
# the form's own, so the person's `family_id` is not one of the member's fields.
FAMILY_FIELDS = TYPES["family"].field_names
PERSON_FIELDS = tuple(name for name in TYPES["person"].field_names if name != "family_id")


@dataclass
class Member:
    """A family member as the form edits it; id None until saved."""

    id: str | None = None
    surname: str = ""
    given_name: str = ""
    patronymic: str = ""
    sex: str | None = None
    birth_date: dt.date | None = None
    relation: str | None = None
    phone: str = ""
    rnokpp: str = ""
    disability: bool = False
    notes: str = ""
    # the social card's per-member entries (DOMAIN.md «Social card»)
    registered_address: str = ""
    actual_address: str = ""
    legal_capacity: str | None = None
    work_study: str = ""

    @property
    def name(self) -> str:
        return full_name(self.surname, self.given_name, self.patronymic)

    def age(self, on: dt.date | None = None) -> int | None:
        if self.birth_date is None:
            return None
        day = on or dt.date.today()
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PERSON_FIELDS}


@dataclass
class FamilyData:
    """The family's own fields and its members."""

    id: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    members: list[Member] = field(default_factory=list)


class MemberError(ValidationError):
    """A member's field is invalid; `index` is the member's row in the form."""

    def __init__(self, index: int, error: ValidationError) -> None:
        super().__init__(error.field, error.message, record_type="person")
        self.index = index


def load_family(db: Database, family_id: str) -> FamilyData | None:
    """A live family the account may see, and its live members (by age, then name); the
    view is noted in the audit trail."""
    actor = actor_of(db)
    with db.session() as session:
        family = session.get(Family, family_id)
        if family is None or family.deleted:
            return None
        if not actor.may_see(family.restricted, family.responsible):
            return None
        audit.record(session, db.login, "view", "family", family_id)
        values = {name: getattr(family, name) for name in FAMILY_FIELDS}
        people = session.scalars(
            select(Person).where(Person.family_id == family_id, Person.deleted.is_(False))
        ).all()
        members = [
            Member(
                id=p.id,
                surname=p.surname or "",
                given_name=p.given_name or "",
                patronymic=p.patronymic or "",
                sex=p.sex,
                birth_date=p.birth_date,
                relation=p.relation,
                phone=p.phone or "",
                rnokpp=p.rnokpp or "",
                disability=bool(p.disability),
                notes=p.notes or "",
                registered_address=p.registered_address or "",
                actual_address=p.actual_address or "",
                legal_capacity=p.legal_capacity,
                work_study=p.work_study or "",
            )
            for p in people
        ]
    members.sort(key=lambda m: (m.birth_date or dt.date.max, sort_key(m.name)))
    return FamilyData(family_id, values, members)


def _raw(type_name: str, record_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if value == "":
            return None
        return value

    return {"type": type_name, "id": record_id, **{k: plain(v) for k, v in values.items()}}


def save_family(
    db: Database,
    data: FamilyData,
    removed: Sequence[str] = (),
    today: dt.date | None = None,
) -> str:
    """Write the family, its members and removals in one transaction; returns the family id.

    Raises ValidationError for a family field, MemberError for a member's field; nothing is
    written then."""
    from app.db.ids import new_id

    family_id = data.id or new_id()
    actor = actor_of(db)
    with db.session() as session:
        device_id = self_device_id(session)
        assert device_id is not None
        batch = RecordBatch(session, device_id, today=today, actor=actor)
        batch.apply(
            parse_edit(_raw("family", family_id, data.fields), batch.codes, interchange=False)
        )
        for index, member in enumerate(data.members):
            member.id = member.id or new_id()
            raw = _raw("person", member.id, {**member.fields(), "family_id": family_id})
            try:
                batch.apply(parse_edit(raw, batch.codes, interchange=False))
            except ValidationError as error:
                raise MemberError(index, error) from None
        for person_id in removed:
            batch.apply(
                parse_edit(
                    {"type": "person", "id": person_id, "deleted": True},
                    batch.codes,
                    interchange=False,
                )
            )
        batch.commit()
        audit.changed(session, db.login, batch.touched[:1])
    data.id = family_id
    return family_id


@dataclass(frozen=True)
class EventRow:
    """A visit, an assessment, a notification or a referral in the card's tabs."""

    id: str
    date: dt.date | None
    title: str
    text: str
    number: str = ""  # a notification's number


@dataclass
class FamilyEvents:
    services: list[ServiceRow]
    visits: list[EventRow]
    assessments: list[EventRow]
    notifications: list[EventRow]
    referrals: list[EventRow] = field(default_factory=list)  # title: where to; text: outcome
    # the first notification the family came from (the one with a number), if any
    origin: EventRow | None = None


def family_events(db: Database, family_id: str) -> FamilyEvents:
    """Services, visits, assessments and notifications of a family, newest first."""
    services = service_rows(db, ServiceFilter(family_id=family_id))
    with db.reading() as session:
        visits = [
            EventRow(v.id, v.date, v.purpose or "", v.result or "")
            for v in session.scalars(
                select(Visit).where(Visit.family_id == family_id, Visit.deleted.is_(False))
            )
        ]
        assessments = [
            EventRow(a.id, a.finished or a.started, a.parental_capacity or "", a.conclusion or "")
            for a in session.scalars(
                select(Assessment).where(
                    Assessment.family_id == family_id, Assessment.deleted.is_(False)
                )
            )
        ]
        notifications = [
            EventRow(n.id, n.date, n.source or "", n.summary or "", n.number or "")
            for n in session.scalars(
                select(Notification).where(
                    Notification.family_id == family_id, Notification.deleted.is_(False)
                )
            )
        ]

        referrals = family_referrals(session, family_id)

    def newest(rows: list[EventRow]) -> list[EventRow]:
        return sorted(rows, key=lambda r: r.date or dt.date.min, reverse=True)

    numbered = sorted(
        (n for n in notifications if n.number), key=lambda r: (r.date or dt.date.max, r.number)
    )
    return FamilyEvents(
        services,
        newest(visits),
        newest(assessments),
        newest(notifications),
        newest(referrals),
        numbered[0] if numbered else None,
    )


def family_referrals(session: Any, family_id: str) -> list[EventRow]:
    """Referrals of a family, of its members, and of intakes of the family or its members:
    (id, date, where to, the reason and the outcome as stored codes)."""
    from sqlalchemy import or_

    from app.db.models import Intake, Referral

    members = select(Person.id).where(Person.family_id == family_id)
    intakes = select(Intake.id).where(
        or_(Intake.family_id == family_id, Intake.person_id.in_(members))
    )
    rows = session.scalars(
        select(Referral).where(
            Referral.deleted.is_(False),
            or_(
                Referral.family_id == family_id,
                Referral.person_id.in_(members),
                Referral.intake_id.in_(intakes),
            ),
        )
    ).all()
    return [EventRow(r.id, r.date, r.to_whom or "", r.outcome or "unknown") for r in rows]


@dataclass(frozen=True)
class HistoryRow:
    """One change: when, on which device, which record, which fields, and who works on
    that device (see device_people)."""

    when: dt.datetime
    device: str
    entity: str
    record: str
    fields: tuple[str, ...]
    who: str = ""


DEVICE_LOGIN = "device_login:"  # setting key prefix: the account a laptop was enrolled for


def device_people(session: Session) -> dict[str, str]:
    """Device id → the person working on it. The change log records devices, not accounts:
    a laptop is enrolled for one specialist's account (remembered at enrollment), and this
    replica's own changes belong to its account when it has exactly one."""
    accounts = {
        login: name or login
        for login, name in session.execute(select(Account.login, Account.display_name))
    }
    people: dict[str, str] = {}
    for key, value in session.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(DEVICE_LOGIN))
    ):
        if value:
            people[key[len(DEVICE_LOGIN) :]] = accounts.get(value, value)
    me = session.scalar(select(Device).where(Device.is_self.is_(True)))
    if me is not None and me.id not in people:
        field_accounts = list(session.execute(select(Account.login, Account.display_name)))
        if len(field_accounts) == 1:
            login, name = field_accounts[0]
            people[me.id] = name or login
    return people


def family_history(db: Database, family_id: str, limit: int = 500) -> list[HistoryRow]:
    """The change log of the family, its members and its events, newest first."""
    with db.reading() as session:
        people = dict(
            session.execute(
                select(Person.id, Person.surname + " " + Person.given_name).where(
                    Person.family_id == family_id
                )
            ).all()
        )
        ids = {family_id, *people}
        for model in (ServiceRecord, Visit, Assessment, Notification):
            ids.update(session.scalars(select(model.id).where(model.family_id == family_id)))
        devices = dict(session.execute(select(Device.id, Device.name)).all())
        workers = device_people(session)
        changes = []
        wanted = sorted(ids)
        for chunk in chunked(wanted):
            changes.extend(
                session.execute(
                    select(
                        Change.hlc,
                        Change.origin,
                        Change.seq,
                        Change.entity,
                        Change.record_id,
                        Change.data,
                    ).where(Change.record_id.in_(chunk))
                ).all()
            )
        changes.sort(key=lambda c: c.hlc, reverse=True)
        changes = changes[:limit]
        # who: the account the audit trail names for the change; else who works on its device
        authors = audit.change_authors(session, ((c.origin, c.seq) for c in changes))
        names = {
            login: name or login
            for login, name in session.execute(select(Account.login, Account.display_name))
        }
    rows = []
    for hlc, origin, seq, entity, record_id, data in changes:
        author = authors.get((origin, seq))
        when = stamp_time(hlc)
        try:
            fields = tuple(sorted(json.loads(data)))
        except ValueError:
            fields = ()
        rows.append(
            HistoryRow(
                when,
                devices.get(origin, origin[:8]),
                entity,
                people.get(record_id, ""),
                fields,
                names.get(author, author) if author else workers.get(origin, ""),
            )
        )
    return rows
