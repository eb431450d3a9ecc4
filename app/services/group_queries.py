"""Support groups for the GUI: the list, a group's participants × sessions with marks, and
the small writes the attendance grid makes (no Qt here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import District, GroupSession, Participant, SupportGroup
from app.errors import ValidationError
from app.i18n import tr
from app.i18n.text import sort_key
from app.services.permissions import actor_of, hidden_for
from app.services.records import RecordService
from app.services.rosters import ParticipantRow, SessionRow, load_roster


@dataclass(frozen=True)
class GroupRow:
    """A line of the groups list."""

    id: str
    name: str
    target_category: str
    district: str
    facilitator: str
    start_date: dt.date | None
    end_date: dt.date | None
    sessions_held: int
    participants: int


def group_rows(db: Database, today: dt.date | None = None) -> list[GroupRow]:
    """Live groups with sessions held so far and participants, alphabetically."""
    today = today or dt.date.today()
    with db.reading() as session:
        held = dict(
            session.execute(
                select(GroupSession.group_id, func.count())
                .where(GroupSession.deleted.is_(False), GroupSession.date <= today)
                .group_by(GroupSession.group_id)
            ).all()
        )
        members = dict(
            session.execute(
                select(Participant.group_id, func.count())
                .where(Participant.deleted.is_(False))
                .group_by(Participant.group_id)
            ).all()
        )
        rows = session.execute(
            select(SupportGroup, District.name)
            .outerjoin(District, District.id == SupportGroup.district_id)
            .where(SupportGroup.deleted.is_(False))
        ).all()
        result = [
            GroupRow(
                g.id,
                g.name or "",
                g.target_category or "",
                district or "",
                g.facilitator or "",
                g.start_date,
                g.end_date,
                int(held.get(g.id, 0)),
                int(members.get(g.id, 0)),
            )
            for g, district in rows
        ]
    return sorted(result, key=lambda r: sort_key(r.name))


@dataclass(frozen=True)
class GroupInfo:
    """A group's own fields as the card shows them."""

    name: str = ""
    target_category: str | None = None
    district_id: str | None = None
    place: str = ""
    facilitator: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None

    def before_start(self, day: dt.date) -> bool:
        return self.start_date is not None and day < self.start_date

    def after_end(self, day: dt.date) -> bool:
        return self.end_date is not None and day > self.end_date


@dataclass
class GroupSheet:
    """A group's fields, participants, sessions (by date) and marks with their record ids."""

    group: GroupInfo
    participants: list[ParticipantRow] = field(default_factory=list)
    sessions: list[SessionRow] = field(default_factory=list)
    marks: dict[tuple[str, str], str] = field(default_factory=dict)
    attendance_ids: dict[tuple[str, str], str] = field(default_factory=dict)


def group_sheet(db: Database, group_id: str) -> GroupSheet | None:
    """Everything the group card and its attendance grid show."""
    with db.reading() as session:
        group = session.get(SupportGroup, group_id)
        if group is None or group.deleted:
            return None
        info = GroupInfo(
            group.name or "",
            group.target_category,
            group.district_id,
            group.place or "",
            group.facilitator or "",
            group.start_date,
            group.end_date,
        )
        hidden = hidden_for(session, actor_of(db, session)).persons
        roster = load_roster(session, group_id, hidden)
    return GroupSheet(
        info, roster.participants, roster.sessions, roster.marks, roster.attendance_ids
    )


def set_mark(
    db: Database, sheet: GroupSheet, participant_id: str, session_id: str, mark: str | None
) -> None:
    """Record (or clear, with None) one participant's mark for one session."""
    service = RecordService(db)
    key = (participant_id, session_id)
    existing = sheet.attendance_ids.get(key)
    if mark is None:
        if existing:
            service.delete("attendance", existing)
            sheet.attendance_ids.pop(key, None)
        sheet.marks.pop(key, None)
        return
    fields = {"session_id": session_id, "participant_id": participant_id, "mark": mark}
    sheet.attendance_ids[key] = service.save("attendance", existing, fields)
    sheet.marks[key] = mark


def save_session(
    db: Database,
    group_id: str,
    session_id: str | None,
    day: dt.date | None,
    *,
    time: str = "",
    topic: str = "",
    format_code: str | None = None,
) -> str:
    """Create (session_id None) or change a session: date, time HH:MM, topic, format."""
    fields = {
        "group_id": group_id,
        "date": day,
        "time": time or None,
        "topic": topic or None,
        "format": format_code,
    }
    return RecordService(db).save("session", session_id, fields)


def delete_session(db: Database, session_id: str) -> None:
    """Delete a session together with its attendance marks."""
    RecordService(db).delete("session", session_id)


def remove_participant(db: Database, participant_id: str) -> None:
    """Take a participant out of the group, with their attendance marks."""
    RecordService(db).delete("participant", participant_id)


def add_participant(
    db: Database,
    group_id: str,
    *,
    person_id: str | None = None,
    name: str = "",
    phone: str = "",
) -> str:
    """A participant: a registered person (once per group), or an outside person with name
    and phone."""
    if person_id is not None:
        with db.reading() as session:
            joined = session.scalar(
                select(Participant.id).where(
                    Participant.group_id == group_id,
                    Participant.person_id == person_id,
                    Participant.deleted.is_(False),
                )
            )
        if joined is not None:
            raise ValidationError("person_id", tr("this person is already in the group"))
    fields = {
        "group_id": group_id,
        "person_id": person_id,
        "name": name or None,
        "phone": phone or None,
    }
    return RecordService(db).save("participant", None, fields)
