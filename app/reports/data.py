"""Plain, immutable inputs of the report renderers.

The renderers in :mod:`app.reports.pdf` and :mod:`app.reports.xlsx` know nothing about the
database: :mod:`app.reports.loaders` and :mod:`app.reports.summary` build these objects from it,
and tests build them by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.db.models import Mark
from app.services.rosters import ParticipantRow, SessionRow


@dataclass(frozen=True)
class Centre:
    """The organisation whose name and address head every printout."""

    name: str
    address: str = ""


# --- attendance journal -------------------------------------------------------------------


@dataclass(frozen=True)
class JournalData:
    """Everything the attendance journal prints.

    ``marks`` maps ``(participant_id, session_id)`` to a mark; a missing pair prints empty.
    Sessions and participants are printed in the given order.
    """

    centre: Centre
    group_name: str
    district: str
    facilitator: str
    period_from: date | None
    period_to: date | None
    sessions: tuple[SessionRow, ...]
    participants: tuple[ParticipantRow, ...]
    marks: Mapping[tuple[str, str], Mark] = field(default_factory=dict)

    def present_count(self, participant_id: str) -> int:
        """Sessions of the journal the participant attended."""
        return sum(
            1 for s in self.sessions if self.marks.get((participant_id, s.id)) == Mark.PRESENT
        )

    def session_present_count(self, session_id: str) -> int:
        """Participants of the journal present at the session."""
        return sum(
            1 for p in self.participants if self.marks.get((p.id, session_id)) == Mark.PRESENT
        )


# --- registration sheet -------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationData:
    """Everything the registration sheet of one session prints."""

    centre: Centre
    group_name: str
    district: str
    session_date: date
    topic: str
    rows: tuple[ParticipantRow, ...]
    session_time: str = ""
    session_format: str = ""  # the format's name, e.g. «Тренінг»
    facilitator: str = ""
    place: str = ""
    blank_rows: int = 5


# --- family card --------------------------------------------------------------------------


@dataclass(frozen=True)
class FamilyMember:
    """A person of the family as the card shows them."""

    name: str
    sex: str = ""
    birth_date: date | None = None
    relation: str = ""
    phone: str = ""
    disability: bool = False
    registered_address: str = ""
    actual_address: str = ""
    legal_capacity: str = ""  # a code: full, limited, none
    work_study: str = ""


@dataclass(frozen=True)
class ServiceEntry:
    """One line of the services log."""

    date: date
    service: str
    recipient: str = ""
    minutes: int | None = None
    form: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EventEntry:
    """A dated visit, assessment or notification in the card's work log."""

    date: date
    kind: str
    text: str = ""


@dataclass(frozen=True)
class CodeSpan:
    """A category or СЖО factor of a family and the days it applied (``until`` None: still)."""

    kind: str  # "category" | "factor"
    label: str
    since: date
    until: date | None = None


@dataclass(frozen=True)
class FamilyCardData:
    """Everything the family card prints; names and labels already in Ukrainian."""

    centre: Centre
    title: str
    settlement: str
    district: str
    address: str
    phone: str
    categories: tuple[str, ...]
    factors: tuple[str, ...]
    on_record_from: date | None
    on_record_to: date | None
    close_reason: str
    specialist: str
    members: tuple[FamilyMember, ...]
    services: tuple[ServiceEntry, ...]
    events: tuple[EventEntry, ...] = ()
    notes: str = ""
    restricted: bool = False
    printed_on: date | None = None
    card_number: str = ""
    take_reason: str = ""
    organisations: str = ""
    specialists: tuple[tuple[date, str], ...] = ()  # (since, name), oldest first
    # the dated history of categories and СЖО factors (the social card's), categories first
    code_history: tuple[CodeSpan, ...] = ()


# --- needs-assessment act ------------------------------------------------------------------


@dataclass(frozen=True)
class ActMember:
    """A family member as the act's general information lists them."""

    name: str
    birth_date: date | None = None
    relation: str = ""
    lives: str = ""  # where the person actually lives
    work_study: str = ""


@dataclass(frozen=True)
class ActPerson:
    """One child's or adult's section: the person's name and a text per area."""

    name: str
    areas: Mapping[str, str] = field(default_factory=dict)
    impact: str = ""  # children: the impact of the circumstances (a code of IMPACT_LEVELS)


@dataclass(frozen=True)
class ActData:
    """Everything the needs-assessment act prints; names already in Ukrainian, codes as
    stored (the renderer words them)."""

    centre: Centre
    family_title: str
    address: str
    notification_number: str = ""
    notification_date: date | None = None
    started: date | None = None
    finished: date | None = None
    members: tuple[ActMember, ...] = ()
    children: tuple[ActPerson, ...] = ()
    adults: tuple[ActPerson, ...] = ()
    family: Mapping[str, str] = field(default_factory=dict)
    sjo_present: bool | None = None
    sjo_causes: str = ""
    child_trauma: bool | None = None
    parental_capacity: str = ""
    environment_impact: str = ""
    problem_duration: str = ""
    family_aware: bool | None = None
    family_ready: bool | None = None
    needed_services: tuple[str, ...] = ()  # «code name»
    decision: str = ""
    conclusion: str = ""
    family_agrees: bool | None = None
    family_remarks: str = ""
    specialist: str = ""
    participants: str = ""
    approved_by: str = ""
    case_level: str = ""


# --- period summary -----------------------------------------------------------------------


@dataclass(frozen=True)
class GroupFigures:
    """Group work in the period."""

    active: int = 0
    sessions: int = 0
    participants: int = 0
    attendances: int = 0


@dataclass(frozen=True)
class Breakdown:
    """Covered and on-record families of one category or district."""

    covered: int = 0
    on_record: int = 0


@dataclass(frozen=True)
class PersonFigures:
    """Persons reached: by sex, by age band on the period's end, with a disability."""

    total: int = 0
    by_sex: Mapping[str, int] = field(default_factory=lambda: {"F": 0, "M": 0})
    by_age: Mapping[str, int] = field(
        default_factory=lambda: {"under_18": 0, "18_59": 0, "60_plus": 0}
    )
    with_disability: int = 0


@dataclass(frozen=True)
class Summary:
    """The period summary of DOMAIN.md; ``to_json`` gives CONTRACT.md «Summary JSON»."""

    date_from: date
    date_to: date
    district: str | None
    families_covered: int
    families_on_record: int
    children_in_families_on_record: int
    families_low_parenting_capacity: int
    notifications: int
    home_visits: int
    needs_assessments: int
    services: Mapping[str, int]
    groups: GroupFigures
    by_category: Mapping[str, Breakdown]
    by_district: Mapping[str, Breakdown]
    persons: PersonFigures = field(default_factory=PersonFigures)
    service_events: Mapping[str, int] = field(default_factory=dict)
    services_by_category: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    sessions_by_target: Mapping[str, int] = field(default_factory=dict)
    intake_consultations: int = 0
    referrals: Mapping[str, int] = field(
        default_factory=lambda: {"accepted": 0, "refused": 0, "unknown": 0}
    )

    def to_json(self) -> dict[str, Any]:
        """The summary as the JSON document of the contract (keys as CONTRACT.md names them)."""
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "district": self.district,
            "families_covered": self.families_covered,
            "families_on_record": self.families_on_record,
            "children_in_families_on_record": self.children_in_families_on_record,
            "families_low_parenting_capacity": self.families_low_parenting_capacity,
            "notifications": self.notifications,
            "home_visits": self.home_visits,
            "needs_assessments": self.needs_assessments,
            "services": dict(self.services),
            "groups": {
                "active": self.groups.active,
                "sessions": self.groups.sessions,
                "participants": self.groups.participants,
                "attendances": self.groups.attendances,
            },
            "by_category": {
                code: {"covered": b.covered, "on_record": b.on_record}
                for code, b in self.by_category.items()
            },
            "by_district": {
                name: {"covered": b.covered, "on_record": b.on_record}
                for name, b in self.by_district.items()
            },
            "persons": {
                "total": self.persons.total,
                "by_sex": dict(self.persons.by_sex),
                "by_age": dict(self.persons.by_age),
                "with_disability": self.persons.with_disability,
            },
            "service_events": dict(self.service_events),
            "services_by_category": {
                code: dict(row) for code, row in self.services_by_category.items()
            },
            "sessions_by_target": dict(self.sessions_by_target),
            "intake_consultations": self.intake_consultations,
            "referrals": dict(self.referrals),
        }


@dataclass(frozen=True)
class SummaryLabels:
    """Ukrainian names of codes for the human-readable summary (PDF, XLSX).

    Built from the reference data; a code without a name prints as the code itself.
    """

    services: Mapping[str, str] = field(default_factory=dict)
    categories: Mapping[str, str] = field(default_factory=dict)

    def service(self, code: str) -> str:
        """The service type's name, or its code."""
        return self.services.get(code, code)

    def category(self, code: str) -> str:
        """The category's name, or its code."""
        return self.categories.get(code, code)
