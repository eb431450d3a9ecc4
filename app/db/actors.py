"""Actors: the origin ids a replica stamps its own changes with (one per epoch).

A change is named by `(origin, seq)` everywhere, for ever. A database that is restored from a
backup or copied would count its sequence numbers again from where the copy was made, so a
replica's changes are stamped not with its device id but with its current *actor*, and a new
actor (a new epoch, with seqs from 1) begins whenever the database may be a copy:

- `restore` starts a new epoch explicitly (`new_epoch`);
- the first write after the file's identity (device and inode) changed starts one: a copy, a
  restore by a file manager, a database moved to another disk (a spurious new epoch costs
  nothing: one more origin in the known vectors);
- a bundle whose acknowledgement says a peer holds more of this actor's changes than the log
  does proves a rollback (`app/sync/exchange.py` calls `new_epoch`).

Every actor belongs to one enrolled device, which signs its bundles; the first actor of a
device is the device id itself. See docs/decisions/032-replica-epochs.md.
"""

from __future__ import annotations

import os
import uuid

from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.db.base import Base
from app.db.models import Change, Setting

ACTOR_KEY = "sync.actor"
FILE_KEY = "sync.file"


class Actor(Base):
    """An origin id and the device it belongs to (this replica's own, and every peer's)."""

    __tablename__ = "sync_actors"
    actor: Mapped[str] = mapped_column(String(36), primary_key=True)
    device: Mapped[str] = mapped_column(String(36), index=True)


def _setting(session: Session, key: str) -> str | None:
    return session.scalar(select(Setting.value).where(Setting.key == key))


def file_identity(session: Session) -> str | None:
    """`device:inode` of an SQLite database file (None for other databases)."""
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    try:
        info = os.stat(url.database)
    except OSError:
        return None
    return f"{info.st_dev}:{info.st_ino}"


def register(session: Session, actor: str, device: str) -> bool:
    """Record that `actor` belongs to `device`; False when it belongs to another device."""
    known = session.get(Actor, actor)
    if known is None:
        session.add(Actor(actor=actor, device=device))
        session.flush()
        return True
    return known.device == device


def new_epoch(session: Session, device_id: str) -> str:
    """Start a new actor for this replica's own changes; returns it."""
    actor = str(uuid.uuid4())
    register(session, actor, device_id)
    session.merge(Setting(key=ACTOR_KEY, value=actor))
    here = file_identity(session)
    if here is not None:
        session.merge(Setting(key=FILE_KEY, value=here))
    session.flush()
    return actor


def current_actor(session: Session, device_id: str) -> str:
    """The actor this replica's next change is stamped with (a new one if the file is a copy).

    A database that has no actor yet (made before epochs) adopts its device id, unless the log
    already holds changes of that device: then it may be a copy made before, so a new epoch.
    """
    actor = _setting(session, ACTOR_KEY)
    here = file_identity(session)
    if actor is None:
        used = session.scalar(select(Change.seq).where(Change.origin == device_id).limit(1))
        if used is not None:
            return new_epoch(session, device_id)
        register(session, device_id, device_id)
        session.merge(Setting(key=ACTOR_KEY, value=device_id))
        if here is not None:
            session.merge(Setting(key=FILE_KEY, value=here))
        session.flush()
        return device_id
    if here is not None and _setting(session, FILE_KEY) != here:
        return new_epoch(session, device_id)
    return actor


def own_actors(session: Session, device_id: str) -> list[str]:
    """Every actor of this replica's device, its device id included."""
    found = set(session.scalars(select(Actor.actor).where(Actor.device == device_id)))
    found.add(device_id)
    return sorted(found)


def actor_devices(session: Session) -> dict[str, str]:
    """Actor id → device id, for every actor known here."""
    return {a: d for a, d in session.execute(select(Actor.actor, Actor.device))}
