"""What the exchange page lists: peer devices and conflicts with readable values."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.database import Database
from app.db.models import Device
from app.i18n.text import sort_key


@dataclass(frozen=True)
class Peer:
    id: str
    name: str
    kind: str


def this_device(db: Database) -> Peer | None:
    with db.reading() as session:
        row = session.execute(
            select(Device.id, Device.name, Device.kind).where(Device.is_self.is_(True))
        ).first()
    return Peer(*row) if row else None


def peers(db: Database) -> list[Peer]:
    """Devices this replica exchanges with (not revoked), by name."""
    with db.reading() as session:
        rows = session.execute(
            select(Device.id, Device.name, Device.kind).where(
                Device.is_self.is_(False), Device.revoked_at.is_(None)
            )
        ).all()
    return sorted((Peer(*r) for r in rows), key=lambda p: sort_key(p.name))


@dataclass(frozen=True)
class DeviceRow:
    """A line of the centre's devices list, in readable words."""

    id: str
    name: str
    kind: str
    is_self: bool
    districts: tuple[str, ...]
    enrolled: str  # dd.mm.yyyy
    revoked: str  # dd.mm.yyyy, "" while active
    who: str


def _day(stamp: str | None) -> str:
    return f"{stamp[8:10]}.{stamp[5:7]}.{stamp[:4]}" if stamp and len(stamp) >= 10 else ""


def device_rows(db: Database) -> list[DeviceRow]:
    """Every known device with its districts' names and the person it was enrolled for."""
    from app.db.models import District
    from app.services.family_form import device_people

    with db.session() as session:
        names = dict(session.execute(select(District.id, District.name)).all())
        people = device_people(session)
        devices = list(session.scalars(select(Device)))
        rows = [
            DeviceRow(
                d.id,
                d.name,
                d.kind,
                d.is_self,
                tuple(sorted((names.get(x) or x for x in d.districts or []), key=sort_key)),
                _day(d.enrolled_at),
                _day(d.revoked_at),
                people.get(d.id, ""),
            )
            for d in devices
        ]
    return sorted(rows, key=lambda r: sort_key(r.name))


def record_names(db: Database, records: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Readable names of (type, id) records for the discrepancies list: a person's full
    name, a family's main member, an event's date and family, a group's name, a session's
    group and date. Deleted records are named too; unknown ones get ""."""
    from app.db import models
    from app.i18n.text import full_name
    from app.services.queries import family_names_of

    wanted: dict[str, set[str]] = {}
    for kind, record_id in records:
        wanted.setdefault(kind, set()).add(record_id)
    names: dict[tuple[str, str], str] = {}
    family_of: dict[tuple[str, str], str] = {}
    with db.session() as session:
        for person_id, surname, given, patronymic in session.execute(
            select(
                models.Person.id,
                models.Person.surname,
                models.Person.given_name,
                models.Person.patronymic,
            ).where(models.Person.id.in_(wanted.get("person", set())))
        ):
            names[("person", person_id)] = full_name(surname, given, patronymic)
        for kind, model in (
            ("visit", models.Visit),
            ("notification", models.Notification),
            ("service", models.ServiceRecord),
        ):
            for record_id, family_id, day in session.execute(
                select(model.id, model.family_id, model.date).where(
                    model.id.in_(wanted.get(kind, set()))
                )
            ):
                names[(kind, record_id)] = f"{day:%d.%m.%Y}" if day else ""
                if family_id:
                    family_of[(kind, record_id)] = family_id
        for record_id, family_id, day in session.execute(
            select(
                models.Assessment.id, models.Assessment.family_id, models.Assessment.started
            ).where(models.Assessment.id.in_(wanted.get("assessment", set())))
        ):
            names[("assessment", record_id)] = f"{day:%d.%m.%Y}" if day else ""
            family_of[("assessment", record_id)] = family_id
        for kind, model in (
            ("group", models.SupportGroup),
            ("district", models.District),
            ("settlement", models.Settlement),
        ):
            for record_id, name in session.execute(
                select(model.id, model.name).where(model.id.in_(wanted.get(kind, set())))
            ):
                names[(kind, record_id)] = name or ""
        for record_id, group_name, day in session.execute(
            select(models.GroupSession.id, models.SupportGroup.name, models.GroupSession.date)
            .join(models.SupportGroup, models.SupportGroup.id == models.GroupSession.group_id)
            .where(models.GroupSession.id.in_(wanted.get("session", set())))
        ):
            names[("session", record_id)] = f"{group_name or ''}, {day:%d.%m.%Y}" if day else ""
    families = family_names_of(db, sorted(wanted.get("family", set()) | set(family_of.values())))
    for family_id in wanted.get("family", set()):
        names[("family", family_id)] = families.get(family_id, "")
    for key, family_id in family_of.items():
        family = families.get(family_id, "")
        names[key] = " · ".join(part for part in (names.get(key, ""), family) if part)
    return names
