"""Every entity of the domain (DOMAIN.md) and the bookkeeping tables of a replica.

Interchange field names (CONTRACT.md) are the column names. Each interchange column carries
`info=field(kind, …)`, which the registry reads to validate, import and export it; there is
no second list of fields anywhere.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, SyncedMixin, field


def ref(table: str) -> ForeignKey:
    """A reference checked at commit time, so a merge may apply rows in any order."""
    return ForeignKey(f"{table}.id", deferrable=True, initially="DEFERRED")


PARENTAL_CAPACITY = ("high", "medium", "low")
ENVIRONMENT_IMPACT = ("positive", "neutral", "negative")
PROBLEM_DURATION = ("under_1m", "1_3m", "3_6m", "6_12m", "over_1y")
ASSESSMENT_DECISIONS = ("provide", "close", "transfer")
CASE_LEVELS = ("complex", "medium", "simple", "emergency")
LEGAL_CAPACITY = ("full", "limited", "none")
REFERRAL_OUTCOMES = ("accepted", "refused", "unknown")
SEX = ("F", "M")
SERVICE_FORMS = ("individual", "group")
SESSION_FORMATS = ("talk", "training", "lecture", "interactive", "workshop", "forum_theatre")
MARKS = ("present", "absent", "excused")


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


class Account(Base):
    """A user account; the password verifier is scrypt (the SQLCipher key is in the keyring).

    `role` is admin, head, specialist or viewer (app/services/permissions.py); `districts`
    the district ids a specialist works in (none: the device's); `device_id` the laptop a
    field account signs in on (known at the centre, for routing restricted families)."""

    __tablename__ = "accounts"
    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    display_name: Mapped[str | None]
    password_hash: Mapped[str]
    created: Mapped[str]
    districts: Mapped[list[str] | None]
    disabled: Mapped[bool] = mapped_column(default=False, server_default=false())
    device_id: Mapped[str | None] = mapped_column(String(36))


class AuditEvent(Base):
    """Who viewed, printed, exported or changed which record, on which device, when; never
    the record's content. Append-only; `(device_id, seq)` names an event everywhere, so the
    centre takes a laptop's events once however often they arrive."""

    __tablename__ = "audit_events"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(index=True)
    user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str | None] = mapped_column(String(32))
    record_id: Mapped[str | None] = mapped_column(String(36))
    count: Mapped[int | None] = mapped_column(Integer)


class Device(Base):
    """A replica: this laptop or centre, and (at the centre) every enrolled laptop."""

    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # "centre" or "field"
    is_self: Mapped[bool] = mapped_column(default=False)
    sign_public: Mapped[str | None]
    enc_public: Mapped[str | None]
    sign_private: Mapped[str | None]
    enc_private: Mapped[str | None]
    districts: Mapped[list[str] | None]
    enrolled_at: Mapped[str | None]
    revoked_at: Mapped[str | None]


class Setting(Base):
    """A key-value setting of this replica (centre name and address for printouts, …)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class Change(Base):
    """One write to one synced record: the fields written and the versions they overwrote.

    `(origin, seq)` identifies it everywhere; local writes and merged remote ones alike are
    kept, so a replica can pass on what it received and trace a field's history.
    """

    __tablename__ = "changes"
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hlc: Mapped[str] = mapped_column(String(16), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    data: Mapped[str] = mapped_column(Text)  # JSON {field: value}
    bases: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: "HLC/DEVICE"}
    # Clustered on (origin, seq): the log is appended in that order and read by ranges of it.
    __table_args__ = {"sqlite_with_rowid": False}


class Conflict(Base):
    """Two concurrent values of one field: the winner applied, the loser kept for review."""

    __tablename__ = "conflicts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    winner: Mapped[str | None] = mapped_column(Text)  # JSON value
    loser: Mapped[str | None] = mapped_column(Text)  # JSON value
    winner_version: Mapped[str] = mapped_column(String(64))
    loser_version: Mapped[str] = mapped_column(String(64))
    winner_device: Mapped[str] = mapped_column(String(36))
    loser_device: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16), default="open")
    detected_at: Mapped[str]
    resolved_at: Mapped[str | None]
    resolved_by: Mapped[str | None]
    __table_args__ = (
        Index(
            "ux_conflicts_versions",
            "record_id",
            "field",
            "winner_version",
            "loser_version",
            unique=True,
        ),
    )
