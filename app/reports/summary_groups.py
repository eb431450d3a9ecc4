"""The summary's figures of group work, intake and referrals, counted by SQL aggregates over
the period (app/reports/summary_period.py)."""

from __future__ import annotations

from sqlalchemy import (
    Select,
    and_,
    func,
    not_,
    or_,
    select,
)

from app.db.models import (
    REFERRAL_OUTCOMES,
    Attendance,
    GroupSession,
    Intake,
    Mark,
    Participant,
    Person,
    Referral,
    Settlement,
    SupportGroup,
)
from app.reports.data import GroupFigures
from app.reports.summary_period import NO_TARGET, _ordered, _Period


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
            Attendance.mark == Mark.PRESENT,
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
    query = select(Intake.id).where(
        Intake.deleted.is_(False),
        p.within(Intake.date),
        p.visible(Intake.family_id, Intake.person_id),
    )
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
        .where(p.visible(Referral.family_id, Referral.person_id))
        .group_by(outcome)
    )
    if p.hidden is not None:
        hidden_intakes = select(Intake.id).where(
            not_(p.visible(Intake.family_id, Intake.person_id))
        )
        query = query.where(
            or_(Referral.intake_id.is_(None), Referral.intake_id.not_in(hidden_intakes))
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
