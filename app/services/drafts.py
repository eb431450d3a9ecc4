"""Drafts of unsaved forms, kept inside the database (encrypted with it, never synced) so
that a crash or a flat battery does not lose what was typed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import delete, select

from app.db.database import Database
from app.db.models import Setting

_PREFIX = "draft:"


def save_draft(db: Database, key: str, content: dict[str, Any]) -> None:
    """Keep (or replace) the draft of one form; `key` names the form and record."""
    document = {"saved_at": dt.datetime.now().isoformat(timespec="seconds"), "content": content}
    with db.session() as session:
        session.merge(
            Setting(key=_PREFIX + key, value=json.dumps(document, ensure_ascii=False, default=str))
        )


def load_draft(db: Database, key: str) -> tuple[dt.datetime, dict[str, Any]] | None:
    """The draft of a form and when it was saved, or None."""
    with db.reading() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == _PREFIX + key))
    if not value:
        return None
    try:
        document = json.loads(value)
        return dt.datetime.fromisoformat(document["saved_at"]), dict(document["content"])
    except (ValueError, KeyError, TypeError):
        return None


def drop_draft(db: Database, key: str) -> None:
    """Forget a form's draft (after it was saved or deliberately discarded)."""
    with db.session() as session:
        session.execute(delete(Setting).where(Setting.key == _PREFIX + key))


def draft_keys(db: Database) -> list[tuple[str, dt.datetime]]:
    """Every form with a draft left (after a crash), oldest first."""
    with db.session() as session:
        keys = list(session.scalars(select(Setting.key).where(Setting.key.startswith(_PREFIX))))
    found = []
    for key in keys:
        draft = load_draft(db, key[len(_PREFIX) :])
        if draft is not None:
            found.append((key[len(_PREFIX) :], draft[0]))
    return sorted(found, key=lambda item: item[1])
