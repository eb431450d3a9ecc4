"""Scope: which records a centre sends to a laptop — reference data, and the families of the
districts it serves with everything that hangs on them.

Computed from the current rows, tombstones included (a delete must reach the laptop too).
References that leave the districts (a participant who is a person of another district's
family, a service to such a person) pull that person and family in, so every reference a
laptop holds points at a row it has.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import or_, select, union
from sqlalchemy.orm import Session

from app.db.districts import REFERENCE_TYPES
from app.db.models import (
    Assessment,
    Attendance,
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


class Scope:
    """The record ids a laptop serving `districts` receives, by entity type name."""

    def __init__(self, ids: dict[str, set[str]]) -> None:
        self.ids = ids

    def __contains__(self, item: tuple[str, str]) -> bool:
        entity, record_id = item
        return entity in REFERENCE_TYPES or record_id in self.ids.get(entity, ())


def _any_of(*selects: Any) -> Any:
    """The union of one-column selects, usable inside IN on SQLite (which refuses a bare
    parenthesised UNION there)."""
    return select(list(union(*selects).subquery().c)[0])


def scope_for(session: Session, districts: Collection[str]) -> Scope:
    """The scope of a laptop serving the districts with these ids (a few set queries, with
    sub-selects so no id list is ever sent back to the database as parameters)."""
    wanted = list(districts)
    settlements = select(Settlement.id).where(Settlement.district_id.in_(wanted))
    groups = select(SupportGroup.id).where(SupportGroup.district_id.in_(wanted))
    sessions = select(GroupSession.id).where(GroupSession.group_id.in_(groups))
    # Persons reached through groups (maybe of another district), and their families.
    grouped = select(Participant.person_id).where(
        Participant.group_id.in_(groups), Participant.person_id.is_not(None)
    )
    families = _any_of(
        select(Family.id).where(Family.settlement_id.in_(settlements)),
        select(Person.family_id).where(Person.id.in_(grouped), Person.family_id.is_not(None)),
    )
    persons = _any_of(select(Person.id).where(Person.family_id.in_(families)), grouped)
    services = select(ServiceRecord.id).where(
        or_(ServiceRecord.family_id.in_(families), ServiceRecord.person_id.in_(persons))
    )
    # A family's service may name a person of a family outside: bring that person and family.
    served = select(ServiceRecord.person_id).where(
        ServiceRecord.id.in_(services), ServiceRecord.person_id.is_not(None)
    )
    all_persons = _any_of(persons, served)
    all_families = _any_of(
        families,
        select(Person.family_id).where(Person.id.in_(served), Person.family_id.is_not(None)),
    )

    def ids(statement: Any) -> set[str]:
        return set(session.scalars(statement))

    # Intakes and referrals (issue 14): those of the families, persons or settlements in scope.
    # (Joins rather than nested IN sub-selects: SQLite's parser has a small stack.)
    in_scope = or_(
        Intake.family_id.in_(families),
        Intake.person_id.in_(persons),
        Intake.settlement_id.in_(settlements),
    )
    intakes = select(Intake.id).where(in_scope)
    referrals = (
        select(Referral.id)
        .outerjoin(Intake, Intake.id == Referral.intake_id)
        .where(or_(Referral.family_id.in_(families), Referral.person_id.in_(persons), in_scope))
    )

    return Scope(
        {
            "family": ids(all_families),
            "person": ids(all_persons),
            "notification": ids(
                select(Notification.id).where(
                    or_(
                        Notification.family_id.in_(families),
                        Notification.settlement_id.in_(settlements),
                    )
                )
            ),
            "assessment": ids(select(Assessment.id).where(Assessment.family_id.in_(families))),
            "visit": ids(select(Visit.id).where(Visit.family_id.in_(families))),
            "service": ids(services),
            "group": ids(groups),
            "participant": ids(select(Participant.id).where(Participant.group_id.in_(groups))),
            "session": ids(sessions),
            "attendance": ids(select(Attendance.id).where(Attendance.session_id.in_(sessions))),
            "intake": ids(intakes),
            "referral": ids(referrals),
        }
    )
