"""The period summary of DOMAIN.md, counted by SQL aggregates (one definition of each figure).

JSON, PDF, XLSX and the GUI dashboard all take their numbers from :func:`compute_summary`.
The queries use SQLAlchemy Core constructs only (no SQLite-only functions), so they run on
SQLite and PostgreSQL alike. The definitions and the choices made where DOMAIN.md and
CONTRACT.md leave room are in docs/decisions/050-reports-summary-definitions.md.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    and_,
    case,
    func,
    or_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session, aliased

from app.db.database import Database
from app.db.models import (
    REFERRAL_OUTCOMES,
    Assessment,
    Attendance,
    District,
    Family,
    GroupSession,
    Intake,
    Notification,
    Participant,
    Person,
    Referral,
    ServiceRecord,
    Settlement,
    SupportGroup,
    Visit,
)
from app.errors import UsageError
from app.i18n import sort_key, tr
from app.reports.data import Breakdown, GroupFigures, PersonFigures, Summary
from app.services.reference import labels

LOW_PARENTING_CAPACITY = "low_parenting_capacity"
CHILD_AGE = 18
SENIOR_AGE = 60
NO_TARGET = "none"  # sessions of groups without a target category


def child_cutoff(day: date, years: int = CHILD_AGE) -> date:
    """Persons born after this date are younger than ``years`` on ``day``.

    A person whose 18th birthday is ``day`` itself is not a child. For 29 February the
    birthday in a common year is taken as 28 February.
    """
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February, and the year ``years`` back is not a leap year
        return day.replace(year=day.year - years, day=28)


def _has_code(column: Any, code: str) -> ColumnElement[bool]:
    """Whether a code list column (JSON text of codes) holds ``code``: a portable, escaped LIKE."""
    return type_coerce(column, Text).contains(f'"{code}"', autoescape=True)


class _Period:
    """The period, the optional district and the query pieces that depend on them."""

    def __init__(self, session: Session, date_from: date, date_to: date, district: str | None):
        self.session = session
        self.date_from = date_from
        self.date_to = date_to
        self.district = district
        self.district_ids: list[str] | None = None
        if district is not None:
            self.district_ids = list(
                session.scalars(
                    select(District.id).where(
                        District.name == district, District.deleted.is_(False)
                    )
                )
            )
            if not self.district_ids:
                raise UsageError(tr("unknown district «{name}»", name=district))

    def within(self, column: Any) -> ColumnElement[bool]:
        return column.between(self.date_from, self.date_to)

    def live_families(self) -> Select:
        """Ids of live families, in the district when one is chosen."""
        query = select(Family.id).where(Family.deleted.is_(False))
        if self.district_ids is not None:
            query = query.join(Settlement, Settlement.id == Family.settlement_id).where(
                Settlement.district_id.in_(self.district_ids)
            )
        return query

    def on_record(self) -> ColumnElement[bool]:
        """The condition «on record at the period end» on the Family table."""
        return and_(
            Family.on_record_from.is_not(None),
            Family.on_record_from <= self.date_to,
            or_(Family.on_record_to.is_(None), Family.on_record_to > self.date_to),
        )

    def service_units(self) -> Select:
        """(code, family_id, person_id) of every live service in the period.

        ``family_id`` is the service's family, else its person's family; it is null for a
        person without a family, who then counts as a unit of their own.
        """
        person = aliased(Person)
        family_id = func.coalesce(ServiceRecord.family_id, person.family_id)
        return (
            select(
                ServiceRecord.service_code.label("code"),
                family_id.label("family_id"),
                case((family_id.is_(None), person.id), else_=None).label("person_id"),
            )
            .outerjoin(
                person, and_(person.id == ServiceRecord.person_id, person.deleted.is_(False))
            )
            .where(ServiceRecord.deleted.is_(False), self.within(ServiceRecord.date))
            .where(or_(ServiceRecord.family_id.is_not(None), person.id.is_not(None)))
        )

    def covered_family_ids(self) -> Select:
        """Ids of live families with a service, home visit or needs assessment in the period."""
        services = self.service_units().subquery()
        dated = func.coalesce(Assessment.finished, Assessment.started)
        touched = union(
            select(services.c.family_id).where(services.c.family_id.is_not(None)),
            select(Visit.family_id).where(Visit.deleted.is_(False), self.within(Visit.date)),
            select(Assessment.family_id).where(Assessment.deleted.is_(False), self.within(dated)),
        ).subquery()
        return self.live_families().where(Family.id.in_(select(touched.c[0])))

    def lone_persons(self) -> int:
        """Persons without a family who received a service (none within a chosen district)."""
        if self.district_ids is not None:
            return 0
        units = self.service_units().subquery()
        query = select(func.count(func.distinct(units.c.person_id))).where(
            units.c.person_id.is_not(None)
        )
        return int(self.session.scalar(query) or 0)

    def count(self, query: Select) -> int:
        """How many rows ``query`` returns."""
        return int(self.session.scalar(select(func.count()).select_from(query.subquery())) or 0)

    def dated_events(self, model: Any, dated: Any) -> int:
        """Live events of families in scope, dated inside the period."""
        query = (
            select(model.id)
            .where(model.deleted.is_(False), self.within(dated))
            .where(model.family_id.in_(self.live_families()))
        )
        return self.count(query)


def _services(p: _Period, codes: list[str]) -> dict[str, int]:
    units = p.service_units().subquery()
    unit = func.coalesce(units.c.family_id, units.c.person_id)
    query = select(units.c.code, func.count(func.distinct(unit))).group_by(units.c.code)
    if p.district_ids is not None:
        query = query.where(units.c.family_id.in_(p.live_families()))
    else:
        query = query.where(
            or_(units.c.family_id.is_(None), units.c.family_id.in_(p.live_families()))
        )
    # every known code (0 when none), then codes no longer in the reference data
    return _ordered({code: int(n) for code, n in p.session.execute(query)}, codes, 0)


def _groups(p: _Period) -> GroupFigures:
    groups = select(SupportGroup.id).where(SupportGroup.deleted.is_(False))
    if p.district_ids is not None:
        groups = groups.where(SupportGroup.district_id.in_(p.district_ids))
    sessions = select(GroupSession.id, GroupSession.group_id).where(
        GroupSession.deleted.is_(False),
        p.within(GroupSession.date),
        GroupSession.group_id.in_(groups),
    )
    session_ids = select(sessions.subquery().c.id)
    dated_overlap = and_(
        or_(SupportGroup.start_date.is_not(None), SupportGroup.end_date.is_not(None)),
        or_(SupportGroup.start_date.is_(None), SupportGroup.start_date <= p.date_to),
        or_(SupportGroup.end_date.is_(None), SupportGroup.end_date >= p.date_from),
    )
    with_session = select(sessions.subquery().c.group_id)
    active = groups.where(or_(dated_overlap, SupportGroup.id.in_(with_session)))
    present = (
        select(Attendance.id, Participant.person_id, Participant.id.label("participant_id"))
        .join(Participant, Participant.id == Attendance.participant_id)
        .where(
            Attendance.deleted.is_(False),
            Participant.deleted.is_(False),
            Attendance.mark == "present",
            Attendance.session_id.in_(session_ids),
        )
        .subquery()
    )
    who = func.coalesce(present.c.person_id, present.c.participant_id)
    participants = p.session.scalar(select(func.count(func.distinct(who))))
    attendances = p.session.scalar(select(func.count()).select_from(present))
    return GroupFigures(
        active=p.count(active),
        sessions=p.count(sessions),
        participants=int(participants or 0),
        attendances=int(attendances or 0),
    )


def _by_category(p: _Period, codes: list[str]) -> dict[str, Breakdown]:
    if not codes:
        return {}
    covered_ids = p.covered_family_ids()

    def counts(where) -> list[int]:
        columns = [
            func.count(case((_has_code(Family.categories, code), Family.id))) for code in codes
        ]
        row = p.session.execute(select(*columns).where(where)).one()
        return [int(n) for n in row]

    covered = counts(Family.id.in_(covered_ids))
    on_record = counts(and_(Family.id.in_(p.live_families()), p.on_record()))
    return {
        code: Breakdown(covered=c, on_record=o)
        for code, c, o in zip(codes, covered, on_record, strict=True)
    }


def _by_district(p: _Period) -> dict[str, Breakdown]:
    districts = select(District.id, District.name).where(District.deleted.is_(False))
    if p.district_ids is not None:
        districts = districts.where(District.id.in_(p.district_ids))
    names = {row.id: row.name or "" for row in p.session.execute(districts)}

    def per_district(where) -> dict[str, int]:
        query = (
            select(Settlement.district_id, func.count(Family.id))
            .join(Settlement, Settlement.id == Family.settlement_id)
            .where(where)
            .group_by(Settlement.district_id)
        )
        return {district_id: int(n) for district_id, n in p.session.execute(query)}

    covered = per_district(Family.id.in_(p.covered_family_ids()))
    on_record = per_district(and_(Family.id.in_(p.live_families()), p.on_record()))
    result: dict[str, Breakdown] = {}
    for district_id, name in sorted(names.items(), key=lambda item: sort_key(item[1])):
        previous = result.get(name, Breakdown())
        result[name] = Breakdown(
            covered=previous.covered + covered.get(district_id, 0),
            on_record=previous.on_record + on_record.get(district_id, 0),
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
    return select(rated.c.family_id).where(rated.c.rank == 1, rated.c.capacity == "low")


def _reached_persons(p: _Period) -> ColumnElement[bool]:
    """The condition on Person of the persons reached: live members of covered families, and
    persons without a family who received a service in the period (none within a district)."""
    members = and_(Person.deleted.is_(False), Person.family_id.in_(p.covered_family_ids()))
    if p.district_ids is not None:
        return members
    units = p.service_units().subquery()
    lone = select(units.c.person_id).where(units.c.person_id.is_not(None))
    return or_(members, Person.id.in_(lone))


def _persons(p: _Period) -> PersonFigures:
    adult_from = child_cutoff(p.date_to)  # born after it: under 18 on ``to``
    senior_by = child_cutoff(p.date_to, SENIOR_AGE)  # born on or before it: 60 or older

    def total(condition: Any) -> Any:
        return func.count(case((condition, Person.id)))

    row = p.session.execute(
        select(
            func.count(Person.id),
            total(Person.sex == "F"),
            total(Person.sex == "M"),
            total(Person.birth_date > adult_from),
            total(and_(Person.birth_date <= adult_from, Person.birth_date > senior_by)),
            total(Person.birth_date <= senior_by),
            total(Person.disability.is_(True)),
        ).where(_reached_persons(p))
    ).one()
    n = [int(v or 0) for v in row]
    return PersonFigures(
        total=n[0],
        by_sex={"F": n[1], "M": n[2]},
        by_age={"under_18": n[3], "18_59": n[4], "60_plus": n[5]},
        with_disability=n[6],
    )


def _in_scope(p: _Period, units: Any) -> ColumnElement[bool]:
    """Service units of families in scope, or of persons without a family (all districts)."""
    if p.district_ids is not None:
        return units.c.family_id.in_(p.live_families())
    return or_(units.c.family_id.is_(None), units.c.family_id.in_(p.live_families()))


def _ordered(found: dict[str, Any], codes: list[str], empty: Any) -> dict[str, Any]:
    """Every known code in reference order (``empty`` when none), then unknown ones by code."""
    result = {code: found.pop(code, empty) for code in codes}
    result.update(sorted(found.items()))
    return result


def _service_events(p: _Period, codes: list[str]) -> dict[str, int]:
    units = p.service_units().subquery()
    query = select(units.c.code, func.count()).where(_in_scope(p, units)).group_by(units.c.code)
    return _ordered({code: int(n) for code, n in p.session.execute(query)}, codes, 0)


def _services_by_category(
    p: _Period, codes: list[str], categories: list[str]
) -> dict[str, dict[str, int]]:
    """Per service type, the distinct families of each category that received it."""
    units = p.service_units().subquery()
    pairs = (
        select(units.c.code, units.c.family_id)
        .where(units.c.family_id.in_(p.live_families()))
        .distinct()
        .subquery()
    )
    columns = [
        func.count(case((_has_code(Family.categories, code), Family.id))) for code in categories
    ]
    query = (
        select(pairs.c.code, *columns)
        .join(Family, Family.id == pairs.c.family_id)
        .group_by(pairs.c.code)
    )
    found = {
        row[0]: {c: int(n) for c, n in zip(categories, row[1:], strict=True)}
        for row in p.session.execute(query)
    }
    result = _ordered(found, codes, None)
    return {code: value or dict.fromkeys(categories, 0) for code, value in result.items()}


def _sessions_by_target(p: _Period, categories: list[str]) -> dict[str, int]:
    """Sessions in the period by their group's target category (NO_TARGET: none given)."""
    query = (
        select(SupportGroup.target_category, func.count(GroupSession.id))
        .join(SupportGroup, SupportGroup.id == GroupSession.group_id)
        .where(
            GroupSession.deleted.is_(False),
            SupportGroup.deleted.is_(False),
            p.within(GroupSession.date),
        )
        .group_by(SupportGroup.target_category)
    )
    if p.district_ids is not None:
        query = query.where(SupportGroup.district_id.in_(p.district_ids))
    found = {(code or NO_TARGET): int(n) for code, n in p.session.execute(query)}
    none = found.pop(NO_TARGET, 0)
    result = _ordered(found, categories, 0)
    if none:
        result[NO_TARGET] = none
    return result


def _intakes_in_scope(p: _Period) -> Select:
    """Ids of live intakes dated in the period (in the district: of its families, persons of
    its families or its settlements)."""
    query = select(Intake.id).where(Intake.deleted.is_(False), p.within(Intake.date))
    if p.district_ids is not None:
        families = p.live_families()
        settlements = select(Settlement.id).where(Settlement.district_id.in_(p.district_ids))
        persons = select(Person.id).where(Person.family_id.in_(families))
        query = query.where(
            or_(
                Intake.family_id.in_(families),
                Intake.person_id.in_(persons),
                Intake.settlement_id.in_(settlements),
            )
        )
    return query


def _referrals(p: _Period) -> dict[str, int]:
    """Referrals dated in the period by outcome (none recorded yet: ``unknown``)."""
    outcome = func.coalesce(Referral.outcome, "unknown")
    query = (
        select(outcome, func.count(Referral.id))
        .where(Referral.deleted.is_(False), p.within(Referral.date))
        .group_by(outcome)
    )
    if p.district_ids is not None:
        families = p.live_families()
        persons = select(Person.id).where(Person.family_id.in_(families))
        intakes = select(Intake.id).where(
            or_(
                Intake.family_id.in_(families),
                Intake.person_id.in_(persons),
                Intake.settlement_id.in_(
                    select(Settlement.id).where(Settlement.district_id.in_(p.district_ids))
                ),
            )
        )
        query = query.where(
            or_(
                Referral.family_id.in_(families),
                Referral.person_id.in_(persons),
                Referral.intake_id.in_(intakes),
            )
        )
    found = {code: int(n) for code, n in p.session.execute(query)}
    return {code: found.get(code, 0) for code in REFERRAL_OUTCOMES}


def compute_summary_in(
    session: Session, date_from: date, date_to: date, district: str | None = None
) -> Summary:
    """The period summary within an open session (see :func:`compute_summary`)."""
    if date_from > date_to:
        raise UsageError(
            tr("the period's start {start} is after its end {end}", start=date_from, end=date_to)
        )
    p = _Period(session, date_from, date_to, district)
    on_record_ids = p.live_families().where(p.on_record())
    children = select(Person.id).where(
        Person.deleted.is_(False),
        Person.family_id.in_(on_record_ids),
        Person.birth_date.is_not(None),
        Person.birth_date > child_cutoff(date_to),
    )
    low_capacity = on_record_ids.where(
        or_(
            _has_code(Family.factors, LOW_PARENTING_CAPACITY),
            Family.id.in_(_low_capacity_by_assessment(p)),
        )
    )
    service_codes = [code for code, _ in labels(session, "service")]
    category_codes = [code for code, _ in labels(session, "category")]
    return Summary(
        date_from=date_from,
        date_to=date_to,
        district=district,
        families_covered=p.count(p.covered_family_ids()) + p.lone_persons(),
        families_on_record=p.count(on_record_ids),
        children_in_families_on_record=p.count(children),
        families_low_parenting_capacity=p.count(low_capacity),
        notifications=p.dated_events(Notification, Notification.date),
        home_visits=p.dated_events(Visit, Visit.date),
        needs_assessments=p.dated_events(
            Assessment, func.coalesce(Assessment.finished, Assessment.started)
        ),
        services=_services(p, service_codes),
        groups=_groups(p),
        by_category=_by_category(p, category_codes),
        by_district=_by_district(p),
        persons=_persons(p),
        service_events=_service_events(p, service_codes),
        services_by_category=_services_by_category(p, service_codes, category_codes),
        sessions_by_target=_sessions_by_target(p, category_codes),
        intake_consultations=p.count(_intakes_in_scope(p)),
        referrals=_referrals(p),
    )


def compute_summary(
    db: Database, date_from: date, date_to: date, district: str | None = None
) -> Summary:
    """Count the period summary of [``date_from``, ``date_to``], optionally in one district.

    Raises ``UsageError`` for an unknown district or a period that ends before it starts.
    """
    with db.reading() as session:
        return compute_summary_in(session, date_from, date_to, district)
