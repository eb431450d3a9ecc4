"""A support group's participants, sessions and attendance marks, loaded once for the group
card (the attendance grid) and the printouts (journal, registration sheet).

One set of rules: a participant who is a registered, live person shows that person's full
name and (unless the participant has its own) phone; a deleted person falls back to the
name typed on the participant; a person of a family the account may not see shows as
«обмежений запис» without phone. Participants are in Ukrainian alphabet order, ties by id;
sessions by date, time and id, and a session without a date (never valid, but a bundle
from an old replica may hold one) is left out everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.chunks import chunked
from app.db.models import Attendance, GroupSession, Participant, Person
from app.i18n import tr
from app.i18n.text import full_name, sort_key
from app.services.permissions import RESTRICTED_LABEL


@dataclass(frozen=True)
class ParticipantRow:
    """A participant as the grid and the printouts show them (a row)."""

    id: str
    name: str
    phone: str = ""
    person_id: str | None = None


@dataclass(frozen=True)
class SessionRow:
    """A group session (a column of the grid and the journal)."""

    id: str
    date: dt.date
    time: str = ""
    topic: str = ""
    format: str = ""


@dataclass
class Roster:
    """A group's participants and sessions in order, and the marks with their record ids."""

    participants: list[ParticipantRow] = field(default_factory=list)
    sessions: list[SessionRow] = field(default_factory=list)
    marks: dict[tuple[str, str], str] = field(default_factory=dict)
    attendance_ids: dict[tuple[str, str], str] = field(default_factory=dict)


def load_participants(
    session: Session, group_id: str, hidden: frozenset[str] = frozenset()
) -> list[ParticipantRow]:
    """The group's live participants; `hidden`: the persons the account may not see."""
    rows = session.execute(
        select(Participant, Person)
        .outerjoin(Person, (Person.id == Participant.person_id) & Person.deleted.is_(False))
        .where(Participant.group_id == group_id, Participant.deleted.is_(False))
    ).all()
    result = []
    for participant, person in rows:
        if participant.person_id in hidden:
            result.append(ParticipantRow(participant.id, tr(RESTRICTED_LABEL)))
            continue
        if person is not None:
            name = full_name(person.surname, person.given_name, person.patronymic)
        else:
            name = participant.name or ""
        phone = participant.phone or (person.phone if person is not None else None) or ""
        result.append(ParticipantRow(participant.id, name, phone, participant.person_id))
    result.sort(key=lambda p: (sort_key(p.name), p.id))
    return result


def load_sessions(
    session: Session,
    group_id: str,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[SessionRow]:
    """The group's live, dated sessions in [date_from, date_to] (either end open)."""
    query = select(GroupSession).where(
        GroupSession.group_id == group_id,
        GroupSession.deleted.is_(False),
        GroupSession.date.is_not(None),
    )
    if date_from is not None:
        query = query.where(GroupSession.date >= date_from)
    if date_to is not None:
        query = query.where(GroupSession.date <= date_to)
    rows = [
        SessionRow(s.id, s.date, s.time or "", s.topic or "", s.format or "")
        for s in session.scalars(query)
        if s.date is not None  # the query leaves them out already; this tells the types
    ]
    rows.sort(key=lambda s: (s.date, s.time, s.id))
    return rows


def same_day_tags(sessions: Sequence[SessionRow], numbered: str = "№ {n}") -> list[str]:
    """What tells apart the sessions (in order) held on one day, for their column titles:
    "" for a day's only session; else its start time, when no other session that day starts
    then; else its place among that day's sessions (`numbered`, with {n})."""
    days: dict[dt.date, list[SessionRow]] = {}
    for row in sessions:
        days.setdefault(row.date, []).append(row)
    tags = []
    for row in sessions:
        same_day = days[row.date]
        if len(same_day) == 1:
            tags.append("")
        elif row.time and [s.time for s in same_day].count(row.time) == 1:
            tags.append(row.time)
        else:
            tags.append(numbered.format(n=same_day.index(row) + 1))
    return tags


def load_roster(
    session: Session,
    group_id: str,
    hidden: frozenset[str] = frozenset(),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Roster:
    """Participants, sessions in the period, and the live marks between them."""
    roster = Roster(
        load_participants(session, group_id, hidden),
        load_sessions(session, group_id, date_from, date_to),
    )
    for chunk in chunked([s.id for s in roster.sessions]):
        for aid, sid, pid, mark in session.execute(
            select(
                Attendance.id, Attendance.session_id, Attendance.participant_id, Attendance.mark
            ).where(Attendance.session_id.in_(chunk), Attendance.deleted.is_(False))
        ):
            if pid is None or sid is None or mark is None:
                continue  # a mark no cell shows (required fields; never in a checked record)
            roster.marks[(pid, sid)] = mark
            roster.attendance_ids[(pid, sid)] = aid
    return roster
