"""A replica's own settings (the `settings` table): read and written one key at a time."""

from __future__ import annotations

from app.db.database import Database
from app.db.models import Setting


def set_setting(db: Database, key: str, value: str | None) -> None:
    """Store one setting of this replica."""
    with db.session() as session:
        session.merge(Setting(key=key, value=value))


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    """One setting of this replica, or `default`."""
    with db.reading() as session:
        row = session.get(Setting, key)
    return default if row is None or row.value is None else row.value
