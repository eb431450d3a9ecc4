"""Every entity of the domain (DOMAIN.md); the value lists (app/db/values.py) and the
bookkeeping tables of a replica (app/db/replica.py) are re-exported from here.

Interchange field names (CONTRACT.md) are the column names. Each interchange column carries
`info=field(kind, …)`, which the registry reads to validate, import and export it; there is
no second list of fields anywhere.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncedMixin, field
from app.db.replica import (  # noqa: F401 - re-exported: the tables of one replica
    Account,
    AccountKey,
    AuditEvent,
    Change,
    Conflict,
    Device,
    Erasure,
    Setting,
)
from app.db.values import (  # noqa: F401 - re-exported: the value lists
    ASSESSMENT_DECISIONS,
    CASE_LEVELS,
    ENVIRONMENT_IMPACT,
    LEGAL_CAPACITY,
    MARKS,
    PARENTAL_CAPACITY,
    PROBLEM_DURATION,
    REFERRAL_OUTCOMES,
    SERVICE_FORMS,
    SESSION_FORMATS,
    SEX,
    AssessmentDecision,
    CaseLevel,
    EnvironmentImpact,
    LegalCapacity,
    Mark,
    ParentalCapacity,
    ProblemDuration,
    ReferralOutcome,
    ServiceForm,
    SessionFormat,
    SettingKey,
    Sex,
)


def ref(table: str) -> ForeignKey:
    """A reference checked at commit time, so a merge may apply rows in any order."""
    return ForeignKey(f"{table}.id", deferrable=True, initially="DEFERRED")


class District(SyncedMixin, Base):
    """A starosta district (старостинський округ) of a community (громада)."""

    __tablename__ = "districts"
    name: Mapped[str | None] = mapped_column(info=field("text", required=True))
    community: Mapped[str | None] = mapped_column(info=field("text"))


class Settlement(SyncedMixin, Base):
    """A village, settlement or town (населений пункт) of a district."""

    __tablename__ = "settlements"
    name: Mapped[str | None] = mapped_column(info=field("text", required=True))
    district_id: Mapped[str | None] = mapped_column(
        ref("districts"), index=True, info=field("ref", to="district", required=True)
    )


class Family(SyncedMixin, Base):
    """A family in difficult life circumstances (or one person treated as a case)."""

    __tablename__ = "families"
    settlement_id: Mapped[str | None] = mapped_column(
        ref("settlements"), index=True, info=field("ref", to="settlement", required=True)
    )
    address: Mapped[str | None] = mapped_column(info=field("text"))
    phone: Mapped[str | None] = mapped_column(info=field("phone"))
    categories: Mapped[list[str] | None] = mapped_column(info=field("codes", of="category"))
    factors: Mapped[list[str] | None] = mapped_column(info=field("codes", of="factor"))
    on_record_from: Mapped[dt.date | None] = mapped_column(info=field("date", rule="event"))
    on_record_to: Mapped[dt.date | None] = mapped_column(
        info=field("date", rule="event", after="on_record_from")
    )
    close_reason: Mapped[str | None] = mapped_column(info=field("text"))
    specialist: Mapped[str | None] = mapped_column(info=field("text"))
    # The login of the account that answers for a restricted family (CONTRACT.md).
    responsible: Mapped[str | None] = mapped_column(info=field("text"))
    restricted: Mapped[bool | None] = mapped_column(info=field("bool"))
    notes: Mapped[str | None] = mapped_column(Text, info=field("text"))
    # The social card (DOMAIN.md «Social card»); the specialists' history is the change log's.
    card_number: Mapped[str | None] = mapped_column(info=field("text"))
    take_reason: Mapped[str | None] = mapped_column(Text, info=field("text"))
    organisations: Mapped[str | None] = mapped_column(Text, info=field("text"))
    search_key: Mapped[str] = mapped_column(default="")


class Person(SyncedMixin, Base):
    """A member of a family, or a person on their own (family_id null)."""

    __tablename__ = "persons"
    family_id: Mapped[str | None] = mapped_column(
        ref("families"), index=True, info=field("ref", to="family")
    )
    surname: Mapped[str | None] = mapped_column(info=field("text", required=True))
    given_name: Mapped[str | None] = mapped_column(info=field("text", required=True))
    patronymic: Mapped[str | None] = mapped_column(info=field("text"))
    sex: Mapped[str | None] = mapped_column(info=field("enum", values=SEX))
    birth_date: Mapped[dt.date | None] = mapped_column(info=field("date", rule="birth"))
    relation: Mapped[str | None] = mapped_column(info=field("text"))
    phone: Mapped[str | None] = mapped_column(info=field("phone"))
    rnokpp: Mapped[str | None] = mapped_column(info=field("rnokpp"))
    disability: Mapped[bool | None] = mapped_column(info=field("bool"))
    notes: Mapped[str | None] = mapped_column(Text, info=field("text"))
    registered_address: Mapped[str | None] = mapped_column(info=field("text"))
    actual_address: Mapped[str | None] = mapped_column(info=field("text"))
    legal_capacity: Mapped[str | None] = mapped_column(info=field("enum", values=LEGAL_CAPACITY))
    work_study: Mapped[str | None] = mapped_column(info=field("text"))
    # Substring search (LIKE '%…%') cannot use a b-tree index, so none is kept.
    search_key: Mapped[str] = mapped_column(default="")


class Notification(SyncedMixin, Base):
    """A notification or request (повідомлення/звернення) about a family — or, before a family
    record exists, about a person (a name) or just an address."""

    __tablename__ = "notifications"
    family_id: Mapped[str | None] = mapped_column(
        ref("families"), index=True, info=field("ref", to="family")
    )
    date: Mapped[dt.date | None] = mapped_column(
        index=True, info=field("date", rule="event", required=True)
    )
    source: Mapped[str | None] = mapped_column(info=field("text"))
    summary: Mapped[str | None] = mapped_column(Text, info=field("text"))
    number: Mapped[str | None] = mapped_column(info=field("text"))
    person_name: Mapped[str | None] = mapped_column(info=field("text"))
    address: Mapped[str | None] = mapped_column(info=field("text"))
    settlement_id: Mapped[str | None] = mapped_column(
        ref("settlements"), index=True, info=field("ref", to="settlement")
    )


class Assessment(SyncedMixin, Base):
    """A needs assessment (оцінка потреб) of a family."""

    __tablename__ = "assessments"
    family_id: Mapped[str | None] = mapped_column(
        ref("families"), index=True, info=field("ref", to="family", required=True)
    )
    started: Mapped[dt.date | None] = mapped_column(info=field("date", rule="event"))
    finished: Mapped[dt.date | None] = mapped_column(
        info=field("date", rule="event", after="started")
    )
    sjo_present: Mapped[bool | None] = mapped_column(info=field("bool"))
    parental_capacity: Mapped[str | None] = mapped_column(
        info=field("enum", values=PARENTAL_CAPACITY)
    )
    needed_services: Mapped[list[str] | None] = mapped_column(info=field("codes", of="service"))
    conclusion: Mapped[str | None] = mapped_column(Text, info=field("text"))
    # The act (DOMAIN.md «Needs assessment (the act)»; docs/decisions/054).
    notification_id: Mapped[str | None] = mapped_column(
        ref("notifications"), index=True, info=field("ref", to="notification")
    )
    specialist: Mapped[str | None] = mapped_column(info=field("text"))
    act: Mapped[dict | None] = mapped_column(info=field("document", rule="act"))
    sjo_causes: Mapped[str | None] = mapped_column(Text, info=field("text"))
    child_trauma: Mapped[bool | None] = mapped_column(info=field("bool"))
    environment_impact: Mapped[str | None] = mapped_column(
        info=field("enum", values=ENVIRONMENT_IMPACT)
    )
    problem_duration: Mapped[str | None] = mapped_column(
        info=field("enum", values=PROBLEM_DURATION)
    )
    family_aware: Mapped[bool | None] = mapped_column(info=field("bool"))
    family_ready: Mapped[bool | None] = mapped_column(info=field("bool"))
    decision: Mapped[str | None] = mapped_column(info=field("enum", values=ASSESSMENT_DECISIONS))
    family_agrees: Mapped[bool | None] = mapped_column(info=field("bool"))
    family_remarks: Mapped[str | None] = mapped_column(Text, info=field("text"))
    participants: Mapped[str | None] = mapped_column(Text, info=field("text"))
    approved_by: Mapped[str | None] = mapped_column(info=field("text"))
    case_level: Mapped[str | None] = mapped_column(info=field("enum", values=CASE_LEVELS))


class Visit(SyncedMixin, Base):
    """A home visit (відвідування за місцем проживання)."""

    __tablename__ = "visits"
    family_id: Mapped[str | None] = mapped_column(
        ref("families"), index=True, info=field("ref", to="family", required=True)
    )
    date: Mapped[dt.date | None] = mapped_column(
        index=True, info=field("date", rule="event", required=True)
    )
    purpose: Mapped[str | None] = mapped_column(info=field("text"))
    result: Mapped[str | None] = mapped_column(Text, info=field("text"))


class ServiceRecord(SyncedMixin, Base):
    """A social service provided (надана послуга) to a family and/or a person."""

    __tablename__ = "services"
    family_id: Mapped[str | None] = mapped_column(
        ref("families"), index=True, info=field("ref", to="family")
    )
    person_id: Mapped[str | None] = mapped_column(
        ref("persons"), index=True, info=field("ref", to="person")
    )
    service_code: Mapped[str | None] = mapped_column(
        info=field("code", of="service", required=True)
    )
    date: Mapped[dt.date | None] = mapped_column(
        index=True, info=field("date", rule="event", required=True)
    )
    minutes: Mapped[int | None] = mapped_column(Integer, info=field("int"))
    form: Mapped[str | None] = mapped_column(info=field("enum", values=SERVICE_FORMS))
    notes: Mapped[str | None] = mapped_column(Text, info=field("text"))


class SupportGroup(SyncedMixin, Base):
    """A support group (група взаємопідтримки / гурток самодопомоги)."""

    __tablename__ = "support_groups"
    name: Mapped[str | None] = mapped_column(info=field("text", required=True))
    target_category: Mapped[str | None] = mapped_column(info=field("code", of="category"))
    district_id: Mapped[str | None] = mapped_column(
        ref("districts"), index=True, info=field("ref", to="district")
    )
    place: Mapped[str | None] = mapped_column(info=field("text"))
    facilitator: Mapped[str | None] = mapped_column(info=field("text"))
    start_date: Mapped[dt.date | None] = mapped_column(info=field("date"))
    end_date: Mapped[dt.date | None] = mapped_column(info=field("date", after="start_date"))


class Participant(SyncedMixin, Base):
    """A participant of a group: a registered person or an outside person (name, phone)."""

    __tablename__ = "participants"
    group_id: Mapped[str | None] = mapped_column(
        ref("support_groups"), index=True, info=field("ref", to="group", required=True)
    )
    person_id: Mapped[str | None] = mapped_column(
        ref("persons"), index=True, info=field("ref", to="person")
    )
    name: Mapped[str | None] = mapped_column(info=field("text"))
    phone: Mapped[str | None] = mapped_column(info=field("phone"))


class GroupSession(SyncedMixin, Base):
    """A session (заняття) of a group; may be planned ahead, so its date may be in the future."""

    __tablename__ = "group_sessions"
    group_id: Mapped[str | None] = mapped_column(
        ref("support_groups"), index=True, info=field("ref", to="group", required=True)
    )
    date: Mapped[dt.date | None] = mapped_column(index=True, info=field("date", required=True))
    time: Mapped[str | None] = mapped_column(info=field("time"))
    topic: Mapped[str | None] = mapped_column(info=field("text"))
    format: Mapped[str | None] = mapped_column(info=field("enum", values=SESSION_FORMATS))


class Attendance(SyncedMixin, Base):
    """A participant's mark for one session."""

    __tablename__ = "attendance"
    session_id: Mapped[str | None] = mapped_column(
        ref("group_sessions"), index=True, info=field("ref", to="session", required=True)
    )
    participant_id: Mapped[str | None] = mapped_column(
        ref("participants"), index=True, info=field("ref", to="participant", required=True)
    )
    mark: Mapped[str | None] = mapped_column(info=field("enum", values=MARKS, required=True))


class Intake(SyncedMixin, Base):
    """An intake consultation (первинна консультація) of a walk-in visitor: by name, or
    anonymous, or a person or family on record."""

    __tablename__ = "intakes"
    date: Mapped[dt.date | None] = mapped_column(
        index=True, info=field("date", rule="event", required=True)
    )
    visitor_name: Mapped[str | None] = mapped_column(info=field("text"))
    phone: Mapped[str | None] = mapped_column(info=field("phone"))
    person_id: Mapped[str | None] = mapped_column(
        ref("persons"), index=True, info=field("ref", to="person")
    )
    family_id: Mapped[str | None] = mapped_column(
        ref("families"), index=True, info=field("ref", to="family")
    )
    settlement_id: Mapped[str | None] = mapped_column(
        ref("settlements"), index=True, info=field("ref", to="settlement")
    )
    summary: Mapped[str | None] = mapped_column(Text, info=field("text"))
    specialist: Mapped[str | None] = mapped_column(info=field("text"))


class Referral(SyncedMixin, Base):
    """A referral (скерування) to another service or organisation, with its outcome."""

    __tablename__ = "referrals"
    date: Mapped[dt.date | None] = mapped_column(
        index=True, info=field("date", rule="event", required=True)
    )
    intake_id: Mapped[str | None] = mapped_column(
        ref("intakes"), index=True, info=field("ref", to="intake")
    )
    person_id: Mapped[str | None] = mapped_column(
        ref("persons"), index=True, info=field("ref", to="person")
    )
    family_id: Mapped[str | None] = mapped_column(
        ref("families"), index=True, info=field("ref", to="family")
    )
    to_whom: Mapped[str | None] = mapped_column(info=field("text", required=True))
    reason: Mapped[str | None] = mapped_column(Text, info=field("text"))
    outcome: Mapped[str | None] = mapped_column(info=field("enum", values=REFERRAL_OUTCOMES))
    outcome_date: Mapped[dt.date | None] = mapped_column(
        info=field("date", rule="event", after="date")
    )


class RefEntry(SyncedMixin, Base):
    """An entry of reference data (category, factor, service type, relation, session format).

    Synced so that a centre's own entries reach the laptops; its id is derived from kind and
    code so every replica names the shipped entries alike.
    """

    __tablename__ = "ref_entries"
    kind: Mapped[str | None] = mapped_column(info=field("text", required=True))
    code: Mapped[str | None] = mapped_column(info=field("text", required=True))
    label_uk: Mapped[str | None] = mapped_column(info=field("text", required=True))
    label_en: Mapped[str | None] = mapped_column(info=field("text"))
    version: Mapped[str | None] = mapped_column(info=field("text"))
    position: Mapped[int | None] = mapped_column(Integer, info=field("int"))
    # Retired by a newer reference version (or by the centre): valid on old records, shown,
    # counted and exported, but not offered for new ones (docs/decisions/052).
    retired: Mapped[bool | None] = mapped_column(info=field("bool"))
    __table_args__ = (Index("ix_ref_entries_kind_code", "kind", "code"),)


class Redirect(SyncedMixin, Base):
    """A merged duplicate: the family or person `id` was merged into `target_id`.

    Its id is the dropped record's own id, so every replica names it alike. The dropped record
    stays a tombstone, and every change that arrives for it lands on the target (decision
    101). Synced, but not part of the interchange format.
    """

    __tablename__ = "redirects"
    entity: Mapped[str | None] = mapped_column(
        info=field("enum", values=("family", "person"), required=True)
    )
    target_id: Mapped[str | None] = mapped_column(String(36), info=field("text", required=True))


class DuplicateMark(SyncedMixin, Base):
    """«Not a duplicate»: a reviewer's verdict on a pair, so it is never proposed again.

    Its id is derived from the pair (decision 101), so two reviewers' marks are one record.
    """

    __tablename__ = "duplicate_marks"
    entity: Mapped[str | None] = mapped_column(
        info=field("enum", values=("family", "person"), required=True)
    )
    a_id: Mapped[str | None] = mapped_column(String(36), info=field("text", required=True))
    b_id: Mapped[str | None] = mapped_column(String(36), info=field("text", required=True))
