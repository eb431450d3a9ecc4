"""What the exchange page lists: peer devices and conflicts with readable values."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.database import Database
from app.db.models import Device
from app.i18n.text import sort_key


@dataclass(frozen=True)
class Peer:
    id: str
    name: str
    kind: str


def this_device(db: Database) -> Peer | None:
    with db.reading() as session:
        row = session.execute(
            select(Device.id, Device.name, Device.kind).where(Device.is_self.is_(True))
        ).first()
    return Peer(*row) if row else None


def peers(db: Database) -> list[Peer]:
    """Devices this replica exchanges with (not revoked), by name."""
    with db.reading() as session:
        rows = session.execute(
            select(Device.id, Device.name, Device.kind).where(
                Device.is_self.is_(False), Device.revoked_at.is_(None)
            )
        ).all()
    return sorted((Peer(*r) for r in rows), key=lambda p: sort_key(p.name))
