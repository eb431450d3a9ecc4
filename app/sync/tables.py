"""Bookkeeping tables of sync: what this replica holds, what each peer holds, what was imported.

Created by the Alembic revisions `0002` and `0003` (app/db/migrations/versions/).
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.actors import Actor  # noqa: F401  (its table is sync state too)
from app.db.base import Base


class KnownSeq(Base):
    """The highest sequence number of an origin device up to which this replica holds every
    change in its scope (its own device's is read from the change log instead)."""

    __tablename__ = "sync_known"
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)


class PeerAck(Base):
    """What a peer has acknowledged holding, per origin: the next bundle for it starts above."""

    __tablename__ = "sync_peer_acks"
    peer: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)


class ImportedBundle(Base):
    """The import log: a bundle applied once is a no-op ever after."""

    __tablename__ = "sync_imports"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender: Mapped[str] = mapped_column(String(36))
    created: Mapped[str]
    imported_at: Mapped[str]
    changes: Mapped[int] = mapped_column(Integer)
    conflicts: Mapped[int] = mapped_column(Integer)


class Drop(Base):
    """At the centre: a record a laptop must drop (it was refused there and lies outside the
    laptop's scope); told to the laptop in each bundle while it stays outside."""

    __tablename__ = "sync_drops"
    peer: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
