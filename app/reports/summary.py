"""The period summary of DOMAIN.md (one definition of each figure).

JSON, PDF, XLSX and the GUI dashboard all take their numbers from :func:`compute_summary`.
The families in scope, the period's services, visits and assessments, and the persons are
each read once, and the figures that depend on them are counted from what was read; the rest
are SQL aggregates (docs/decisions/058). The queries use SQLAlchemy Core constructs only (no
SQLite-only functions), so they run on SQLite and PostgreSQL alike. The definitions and the
choices made where DOMAIN.md and CONTRACT.md leave room are in
docs/decisions/050-reports-summary-definitions.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import (
    Select,
    Text,
    func,
    not_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from app.db.ages import SENIOR_AGE, child_cutoff
from app.db.database import Database
from app.db.models import (
    Assessment,
    District,
    Family,
    Notification,
    ParentalCapacity,
    Person,
    Settlement,
    Visit,
)
from app.db.on_record import on_record
from app.db.reference import labels
from app.errors import UsageError
from app.i18n import sort_key, tr
from app.reports.data import Breakdown, PersonFigures, Summary
from app.reports.summary_groups import _groups, _intakes_in_scope, _referrals, _sessions_by_target
from app.reports.summary_period import _codes, _date, _ordered, _Period
from app.services.permissions import SYSTEM, Actor, actor_of

LOW_PARENTING_CAPACITY = "low_parenting_capacity"


class _Unit(NamedTuple):
    """A live service of the period: its code, and its family (the service's, else its
    person's) or, for a person without a family, that person."""

    code: str
    family_id: str | None
    person_id: str | None


def _services(units: list[_Unit], codes: list[str]) -> dict[str, int]:
    """Per service type, its distinct recipients (families, or persons without a family)."""
    recipients = {(u.code, u.family_id or u.person_id) for u in units}
    found = Counter(code for code, _ in recipients)
    # every known code (0 when none), then codes no longer in the reference data
    return _ordered(dict(found), codes, 0)


class _Family(NamedTuple):
    """A live family in scope, as the summary counts it."""

    district_id: str | None  # its settlement's district
    categories: frozenset[str]
    on_record: bool  # at the period end (app/db/on_record.py)
    low_factor: bool  # the factor «ухилення батьків від виконання батьківських обов'язків»


def _live_families(p: _Period) -> dict[str, _Family]:
    """Every live family in scope, read once."""
    query = (
        select(
            Family.id,
            Settlement.district_id,
            *(
                type_coerce(column, Text)
                for column in (
                    Family.categories,
                    Family.on_record_from,
                    Family.on_record_to,
                    Family.factors,
                )
            ),
        )
        .outerjoin(Settlement, Settlement.id == Family.settlement_id)
        .where(Family.deleted.is_(False))
    )
    if p.hidden is not None:
        query = query.where(not_(p.hidden))
    if p.district_ids is not None:
        query = query.where(Settlement.district_id.in_(p.district_ids))
    low = f'"{LOW_PARENTING_CAPACITY}"'  # inside the code list's JSON text
    return {
        family_id: _Family(
            district_id,
            _codes(codes),
            on_record(_date(start), _date(end), p.date_to),
            low in (factors or ""),
        )
        for family_id, district_id, codes, start, end, factors in p.session.execute(query)
    }


@dataclass(frozen=True)
class _Events:
    """What the period's services, home visits and assessments give the summary, read once."""

    units: list[_Unit]  # the services in scope
    visits: int
    assessments: int
    covered: set[str]  # families with a service, visit or assessment in the period
    lone: set[str]  # persons without a family who received a service (all districts)


def _events(p: _Period, families: dict[str, _Family]) -> _Events:
    """Services of a live family in scope, or of a person without a family (all districts);
    visits and assessments of live families in scope, dated in the period."""
    units = [
        unit
        for unit in map(_Unit._make, p.session.execute(p.service_units()))
        if unit.family_id in families or (unit.family_id is None and p.district_ids is None)
    ]
    covered = {u.family_id for u in units if u.family_id is not None}
    counts = []
    for model, dated in (
        (Visit, Visit.date),
        (Assessment, func.coalesce(Assessment.finished, Assessment.started)),
    ):
        query = select(model.family_id).where(model.deleted.is_(False), p.within(dated))
        touched = [f for f in p.session.scalars(query) if f in families]
        covered.update(touched)
        counts.append(len(touched))
    lone = {u.person_id for u in units if u.person_id is not None}
    return _Events(units, counts[0], counts[1], covered, lone)


def _by_category(
    codes: list[str], families: dict[str, _Family], covered: set[str]
) -> dict[str, Breakdown]:
    result = {code: Breakdown() for code in codes}
    for family_id, family in families.items():
        for code in family.categories & result.keys():
            before = result[code]
            result[code] = Breakdown(
                covered=before.covered + (family_id in covered),
                on_record=before.on_record + family.on_record,
            )
    return result


def _by_district(
    p: _Period, families: dict[str, _Family], covered: set[str]
) -> dict[str, Breakdown]:
    districts = select(District.id, District.name).where(District.deleted.is_(False))
    if p.district_ids is not None:
        districts = districts.where(District.id.in_(p.district_ids))
    names = {row.id: row.name or "" for row in p.session.execute(districts)}
    covered_in = Counter(families[f].district_id for f in covered)
    on_record_in = Counter(f.district_id for f in families.values() if f.on_record)
    result: dict[str, Breakdown] = {}
    for district_id, name in sorted(names.items(), key=lambda item: sort_key(item[1])):
        previous = result.get(name, Breakdown())
        result[name] = Breakdown(
            covered=previous.covered + covered_in[district_id],
            on_record=previous.on_record + on_record_in[district_id],
        )
    return result


def _low_capacity_by_assessment(p: _Period) -> Select:
    """Ids of families whose latest assessment up to ``to`` that records a parental capacity
    found it low (dated by ``finished``, else ``started``; ties broken by id)."""
    dated = func.coalesce(Assessment.finished, Assessment.started)
    rated = (
        select(
            Assessment.family_id.label("family_id"),
            Assessment.parental_capacity.label("capacity"),
            func.row_number()
            .over(partition_by=Assessment.family_id, order_by=(dated.desc(), Assessment.id.desc()))
            .label("rank"),
        )
        .where(
            Assessment.deleted.is_(False),
            Assessment.parental_capacity.is_not(None),
            dated.is_not(None),
            dated <= p.date_to,
        )
        .subquery()
    )
    return select(rated.c.family_id).where(
        rated.c.rank == 1, rated.c.capacity == ParentalCapacity.LOW
    )


@dataclass(frozen=True)
class _Persons:
    """Persons reached (live members of covered families, and persons without a family who
    received a service), and the children in families on record at the period end."""

    reached: PersonFigures
    children_on_record: int


def _persons(p: _Period, families: dict[str, _Family], events: _Events) -> _Persons:
    adult_from = child_cutoff(p.date_to)  # born after it: under 18 on ``to``
    senior_by = child_cutoff(p.date_to, SENIOR_AGE)  # born on or before it: 60 or older
    query = select(
        Person.id,
        Person.family_id,
        Person.sex,
        type_coerce(Person.birth_date, Text),
        Person.disability,
    ).where(Person.deleted.is_(False))
    total = female = male = children = adults = seniors = disabled = 0
    children_on_record = 0
    for person_id, family_id, sex, birth, disability in p.session.execute(query):
        born = _date(birth)
        child = born is not None and born > adult_from
        if family_id is not None:
            family = families.get(family_id)
            if family is None:
                continue
            children_on_record += child and family.on_record
            if family_id not in events.covered:
                continue
        elif person_id not in events.lone:
            continue
        total += 1
        female += sex == "F"
        male += sex == "M"
        children += child
        adults += born is not None and adult_from >= born > senior_by
        seniors += born is not None and born <= senior_by
        disabled += disability is True
    return _Persons(
        PersonFigures(
            total=total,
            by_sex={"F": female, "M": male},
            by_age={"under_18": children, "18_59": adults, "60_plus": seniors},
            with_disability=disabled,
        ),
        children_on_record,
    )


def _service_events(units: list[_Unit], codes: list[str]) -> dict[str, int]:
    return _ordered(dict(Counter(u.code for u in units)), codes, 0)


def _services_by_category(
    units: list[_Unit], families: dict[str, _Family], codes: list[str], categories: list[str]
) -> dict[str, dict[str, int]]:
    """Per service type, the distinct families of each category that received it."""
    pairs = {(u.code, u.family_id) for u in units if u.family_id is not None}
    found: dict[str, dict[str, int]] = {}
    for code, family_id in pairs:
        row = found.setdefault(code, dict.fromkeys(categories, 0))
        for category in families[family_id].categories & row.keys():
            row[category] += 1
    result = _ordered(found, codes, None)
    return {code: value or dict.fromkeys(categories, 0) for code, value in result.items()}


def compute_summary_in(
    session: Session,
    date_from: date,
    date_to: date,
    district: str | None = None,
    actor: Actor = SYSTEM,
) -> Summary:
    """The period summary within an open session (see :func:`compute_summary`), as ``actor``
    may see it: restricted families it may not see, and what hangs on them, count nowhere
    (programmatic use without an account counts everything)."""
    if date_from > date_to:
        raise UsageError(
            tr("the period's start {start} is after its end {end}", start=date_from, end=date_to)
        )
    p = _Period(session, date_from, date_to, district, actor)
    service_codes = [code for code, _ in labels(session, "service")]
    category_codes = [code for code, _ in labels(session, "category")]
    # the families in scope, the period's services, visits and assessments, and the persons
    # are each read once; the figures that depend on them are counted from what was read
    families = _live_families(p)
    events = _events(p, families)
    persons = _persons(p, families, events)
    low_by_assessment = set(session.scalars(_low_capacity_by_assessment(p)))
    low_capacity = [
        family_id
        for family_id, family in families.items()
        if family.on_record and (family.low_factor or family_id in low_by_assessment)
    ]
    return Summary(
        date_from=date_from,
        date_to=date_to,
        district=district,
        families_covered=len(events.covered) + len(events.lone),
        families_on_record=sum(family.on_record for family in families.values()),
        children_in_families_on_record=persons.children_on_record,
        families_low_parenting_capacity=len(low_capacity),
        notifications=p.dated_events(Notification, Notification.date),
        home_visits=events.visits,
        needs_assessments=events.assessments,
        services=_services(events.units, service_codes),
        groups=_groups(p),
        by_category=_by_category(category_codes, families, events.covered),
        by_district=_by_district(p, families, events.covered),
        persons=persons.reached,
        service_events=_service_events(events.units, service_codes),
        services_by_category=_services_by_category(
            events.units, families, service_codes, category_codes
        ),
        sessions_by_target=_sessions_by_target(p, category_codes),
        intake_consultations=p.count(_intakes_in_scope(p)),
        referrals=_referrals(p),
    )


def compute_summary(
    db: Database, date_from: date, date_to: date, district: str | None = None
) -> Summary:
    """Count the period summary of [``date_from``, ``date_to``], optionally in one district.

    Counts what the database's signed-in account may see. Raises ``UsageError`` for an
    unknown district or a period that ends before it starts.
    """
    with db.reading() as session:
        actor = actor_of(db, session)
        return compute_summary_in(session, date_from, date_to, district, actor)
