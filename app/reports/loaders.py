"""Building the renderers' inputs (app.reports.data) from the database.

Only live rows (``deleted`` false) are read. Names of codes come from the reference data, so a
centre's own categories or service types print with their names.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.ages import child_cutoff
from app.db.database import Database
from app.db.models import (
    Assessment,
    District,
    Family,
    GroupSession,
    Notification,
    Person,
    ServiceRecord,
    Setting,
    SettingKey,
    Settlement,
    SupportGroup,
    Visit,
)
from app.db.reference import labels, relation_label
from app.errors import UsageError
from app.i18n import sort_key, tr
from app.i18n.text import full_name
from app.reports import words
from app.reports.data import (
    ActData,
    ActMember,
    ActPerson,
    Centre,
    EventEntry,
    FamilyCardData,
    FamilyMember,
    JournalData,
    RegistrationData,
    ServiceEntry,
    SummaryLabels,
)
from app.reports.family_history import code_history, specialist_history
from app.services.family_names import display_name
from app.services.permissions import actor_of, hidden_for
from app.services.rosters import load_participants, load_roster


def person_full_name(person: Person) -> str:
    """Surname, given name and patronymic of a person row."""
    return full_name(person.surname, person.given_name, person.patronymic)


def _family_name(members: Iterable[Person]) -> str:
    """The family's display name (app/services/family_names.py), as the list shows it."""
    return display_name((m.relation, m.birth_date, person_full_name(m), m.id) for m in members)


def short_name(person: Person) -> str:
    """Surname with initials: «Ґонтаренко Є. Ї.»."""
    initials = " ".join(f"{part[0]}." for part in (person.given_name, person.patronymic) if part)
    return f"{person.surname} {initials}".strip()


def load_centre(session: Session) -> Centre:
    """The centre's name and address from the settings."""
    name = session.get(Setting, SettingKey.CENTRE_NAME)
    address = session.get(Setting, SettingKey.CENTRE_ADDRESS)
    return Centre(
        name=(name.value if name and name.value else "Центр соціальних служб"),
        address=(address.value if address and address.value else ""),
    )


def _labels(session: Session, kind: str) -> dict[str, str]:
    return dict(labels(session, kind))


def load_summary_labels(session: Session) -> SummaryLabels:
    """Names of service types and categories for the summary."""
    return SummaryLabels(
        services=_labels(session, "service"), categories=_labels(session, "category")
    )


def _live(session: Session, model, record_id: str, missing: str):
    row = session.get(model, record_id)
    if row is None or row.deleted:
        raise UsageError(tr(missing, id=record_id))
    return row


def _hidden_persons(db: Database, session: Session) -> frozenset[str]:
    return hidden_for(session, actor_of(db, session)).persons


def _district_name(session: Session, district_id: str | None) -> str:
    if not district_id:
        return ""
    district = session.get(District, district_id)
    return district.name or "" if district is not None and not district.deleted else ""


def load_journal(
    db: Database, group_id: str, date_from: date | None = None, date_to: date | None = None
) -> JournalData:
    """The attendance journal of a group, for its sessions in [date_from, date_to]."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise UsageError(
            tr("the period's start {start} is after its end {end}", start=date_from, end=date_to)
        )
    with db.reading() as session:
        group = _live(session, SupportGroup, group_id, "no group with id {id}")
        roster = load_roster(session, group_id, _hidden_persons(db, session), date_from, date_to)
        sessions = roster.sessions
        return JournalData(
            centre=load_centre(session),
            group_name=group.name or "",
            district=_district_name(session, group.district_id),
            facilitator=group.facilitator or "",
            period_from=date_from or group.start_date or (sessions[0].date if sessions else None),
            period_to=date_to or group.end_date or (sessions[-1].date if sessions else None),
            sessions=tuple(sessions),
            participants=tuple(roster.participants),
            marks=roster.marks,
        )


def load_registration(db: Database, session_id: str, blank_rows: int = 5) -> RegistrationData:
    """The registration sheet of a session: the group's participants plus blank rows."""
    if blank_rows < 0:
        raise UsageError(tr("the number of blank rows cannot be negative"))
    with db.reading() as session:
        meeting = _live(session, GroupSession, session_id, "no session with id {id}")
        group = _live(session, SupportGroup, meeting.group_id, "no group with id {id}")
        formats = _labels(session, "session_format")
        return RegistrationData(
            centre=load_centre(session),
            group_name=group.name or "",
            district=_district_name(session, group.district_id),
            session_date=meeting.date,
            topic=meeting.topic or "",
            rows=tuple(load_participants(session, group.id, _hidden_persons(db, session))),
            session_time=meeting.time or "",
            session_format=formats.get(meeting.format or "", meeting.format or ""),
            facilitator=group.facilitator or "",
            place=group.place or "",
            blank_rows=blank_rows,
        )


def load_family_card(db: Database, family_id: str, today: date | None = None) -> FamilyCardData:
    """The family card: the family, its members, categories, factors and work log. A family
    the account may not see is reported as absent."""
    actor = actor_of(db)
    with db.reading() as session:
        family = _live(session, Family, family_id, "no family with id {id}")
        if not actor.may_see(family.restricted, family.responsible):
            raise UsageError(tr("no family with id {id}", id=family_id))
        settlement = session.get(Settlement, family.settlement_id) if family.settlement_id else None
        categories = _labels(session, "category")
        factors = _labels(session, "factor")
        relations = _labels(session, "relation")
        services = _labels(session, "service")
        members = sorted(
            session.scalars(
                select(Person).where(Person.family_id == family_id, Person.deleted.is_(False))
            ),
            key=lambda p: (p.birth_date or date.max, sort_key(person_full_name(p))),
        )
        member_ids = [m.id for m in members]
        by_id = {m.id: m for m in members}
        service_rows = session.scalars(
            select(ServiceRecord).where(
                ServiceRecord.deleted.is_(False),
                or_(ServiceRecord.family_id == family_id, ServiceRecord.person_id.in_(member_ids)),
            )
        ).all()
        log = tuple(
            ServiceEntry(
                date=s.date,
                service=f"{s.service_code} {services.get(s.service_code, '')}".strip(),
                recipient=short_name(by_id[s.person_id]) if s.person_id in by_id else "сім'я",
                minutes=s.minutes,
                form=s.form or "",
                notes=s.notes or "",
            )
            for s in service_rows
        )
        events = _events(session, family_id)
        title = _family_name(members) or (settlement.name if settlement else "") or family_id
        return FamilyCardData(
            centre=load_centre(session),
            title=title,
            settlement=(settlement.name or "") if settlement else "",
            district=_district_name(session, settlement.district_id if settlement else None),
            address=family.address or "",
            phone=family.phone or "",
            categories=tuple(categories.get(c, c) for c in family.categories or ()),
            factors=tuple(factors.get(c, c) for c in family.factors or ()),
            on_record_from=family.on_record_from,
            on_record_to=family.on_record_to,
            close_reason=family.close_reason or "",
            specialist=family.specialist or "",
            members=tuple(
                FamilyMember(
                    name=person_full_name(m),
                    sex=m.sex or "",
                    birth_date=m.birth_date,
                    relation=relation_label(
                        m.relation, m.sex, relations.get(m.relation or "", m.relation or "")
                    ),
                    phone=m.phone or "",
                    disability=bool(m.disability),
                    registered_address=m.registered_address or "",
                    actual_address=m.actual_address or "",
                    legal_capacity=m.legal_capacity or "",
                    work_study=m.work_study or "",
                )
                for m in members
            ),
            services=log,
            events=events,
            notes=family.notes or "",
            restricted=bool(family.restricted),
            printed_on=today or date.today(),
            card_number=family.card_number or "",
            take_reason=family.take_reason or "",
            organisations=family.organisations or "",
            specialists=specialist_history(session, family_id),
            code_history=code_history(session, family_id, "category", categories)
            + code_history(session, family_id, "factor", factors),
        )


def load_assessment_act(db: Database, assessment_id: str) -> ActData:
    """The needs-assessment act of one assessment, for printing. The act of a family the
    account may not see is reported as absent."""
    actor = actor_of(db)
    with db.session() as session:
        a = _live(session, Assessment, assessment_id, "no assessment with id {id}")
        family = _live(session, Family, a.family_id, "no family with id {id}")
        if not actor.may_see(family.restricted, family.responsible):
            raise UsageError(tr("no assessment with id {id}", id=assessment_id))
        settlement = session.get(Settlement, family.settlement_id) if family.settlement_id else None
        relations = _labels(session, "relation")
        services = _labels(session, "service")
        members = sorted(
            session.scalars(
                select(Person).where(Person.family_id == family.id, Person.deleted.is_(False))
            ),
            key=lambda p: (p.birth_date or date.max, sort_key(person_full_name(p))),
        )
        by_id = {m.id: m for m in members}
        address = ", ".join(
            part for part in ((settlement.name if settlement else None), family.address) if part
        )
        notification = session.get(Notification, a.notification_id) if a.notification_id else None
        if notification is not None and notification.deleted:
            notification = None
        act = a.act or {}

        def person(entry: dict) -> ActPerson:
            who = by_id.get(entry.get("person_id") or "")
            name = person_full_name(who) if who is not None else entry.get("name") or ""
            areas = {k: v for k, v in entry.items() if k not in ("person_id", "name", "impact")}
            return ActPerson(name=name, areas=areas, impact=entry.get("impact") or "")

        # an act recorded without its people's areas: a blank block for each child (under
        # 18 on the day the assessment started) and each adult of the family, as the form has
        cutoff = child_cutoff(a.started or a.finished or date.today())

        def people(key: str, children: bool) -> tuple[ActPerson, ...]:
            if act.get(key) is not None:
                return tuple(person(e) for e in act[key])
            return tuple(
                ActPerson(person_full_name(m))
                for m in members
                if (m.birth_date is not None and m.birth_date > cutoff) == children
            )

        return ActData(
            centre=load_centre(session),
            family_title=_family_name(members) or address,
            address=address,
            notification_number=(notification.number or "") if notification else "",
            notification_date=notification.date if notification else None,
            started=a.started,
            finished=a.finished,
            members=tuple(
                ActMember(
                    name=person_full_name(m),
                    birth_date=m.birth_date,
                    relation=relation_label(
                        m.relation, m.sex, relations.get(m.relation or "", m.relation or "")
                    ),
                    lives=m.actual_address or address,
                    work_study=m.work_study or "",
                )
                for m in members
            ),
            children=people("children", True),
            adults=people("adults", False),
            family=dict(act.get("family", {})),
            sjo_present=a.sjo_present,
            sjo_causes=a.sjo_causes or "",
            child_trauma=a.child_trauma,
            parental_capacity=a.parental_capacity or "",
            environment_impact=a.environment_impact or "",
            problem_duration=a.problem_duration or "",
            family_aware=a.family_aware,
            family_ready=a.family_ready,
            needed_services=tuple(
                f"{code} {services.get(code, '')}".strip() for code in a.needed_services or ()
            ),
            decision=a.decision or "",
            conclusion=a.conclusion or "",
            family_agrees=a.family_agrees,
            family_remarks=a.family_remarks or "",
            specialist=a.specialist or family.specialist or "",
            participants=a.participants or "",
            approved_by=a.approved_by or "",
            case_level=a.case_level or "",
        )


def _events(session: Session, family_id: str) -> tuple[EventEntry, ...]:
    events: list[EventEntry] = []
    for n in session.scalars(
        select(Notification).where(
            Notification.family_id == family_id, Notification.deleted.is_(False)
        )
    ):
        text = "; ".join(part for part in (n.source, n.summary) if part)
        events.append(EventEntry(n.date, "Повідомлення", text))
    for a in session.scalars(
        select(Assessment).where(Assessment.family_id == family_id, Assessment.deleted.is_(False))
    ):
        day = a.finished or a.started
        if day is None:
            continue
        parts = []
        if a.sjo_present is not None:
            parts.append(f"СЖО: {'так' if a.sjo_present else 'ні'}")
        if a.parental_capacity:
            parts.append(
                f"батьківський потенціал: {words.CAPACITY.get(a.parental_capacity or '', '')}"
            )
        if a.conclusion:
            parts.append(a.conclusion)
        kind = "Оцінка потреб" if a.finished else "Оцінка потреб (триває)"
        events.append(EventEntry(day, kind, "; ".join(parts)))
    for v in session.scalars(
        select(Visit).where(Visit.family_id == family_id, Visit.deleted.is_(False))
    ):
        text = "; ".join(part for part in (v.purpose, v.result) if part)
        events.append(EventEntry(v.date, "Відвідування", text))
    from app.db.models import Intake
    from app.services.family_form import family_referrals

    for i in session.scalars(
        select(Intake).where(Intake.family_id == family_id, Intake.deleted.is_(False))
    ):
        events.append(EventEntry(i.date, "Первинна консультація", i.summary or ""))
    outcomes = {"accepted": "прийнято", "refused": "відмовлено", "unknown": "результат невідомий"}
    for r in family_referrals(session, family_id):
        text = f"{r.title}; {outcomes.get(r.text, r.text)}"
        events.append(EventEntry(r.date, "Скерування", text))
    return tuple(events)
