"""The bookkeeping tables of one replica, never synced as records: accounts and their keys,
the audit trail, erasures, devices, settings, the change log and the kept conflicts. Re-exported by
app/db/models.py."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base


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
    # A `change` event names the change-log entries its unit of work appended (origin and
    # first..last seq): the history reads who made each change from here (decision 049).
    change_origin: Mapped[str | None] = mapped_column(String(36))
    change_first: Mapped[int | None] = mapped_column(Integer)
    change_last: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (Index("ix_audit_events_changes", "change_origin", "change_first"),)


class Erasure(Base):
    """A record erased for good under the data-protection law: only its id and type stay, so
    that every replica erases it too and a change of it that arrives later is erased again
    (app/services/erasure.py, docs/decisions/067-erasure.md)."""

    __tablename__ = "erasures"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    erased_at: Mapped[str] = mapped_column(String(32))


class AccountKey(Base):
    """A PostgreSQL centre's secret, wrapped for one account (scrypt + AES-GCM, the format of
    a file's `<db>.keys`): it seals the centre's private device keys inside the database, so
    a copy of the server's tables alone cannot sign or open bundles (decision 100)."""

    __tablename__ = "account_keys"
    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    wrapped: Mapped[str] = mapped_column(Text)  # JSON of keyring.wrap


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
    # Centre: a laptop's database key wrapped for the centre's own key, so the centre can
    # issue a recovery file for a forgotten password (docs/decisions/065-recovery-files.md).
    recovery: Mapped[str | None] = mapped_column(Text)


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
