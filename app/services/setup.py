"""Setting up a replica: a new centre database with its keys, admin account and reference data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.db.database import Database, Target, add_account, create_database
from app.db.ids import new_id
from app.db.models import Device, Setting
from app.db.writer import RecordWriter
from app.services.reference import load_shipped
from app.sync.keys import DeviceKeys


def now_text() -> str:
    """The current UTC time as ISO text (seconds)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def add_self_device(
    db: Database, name: str, kind: str, keys: DeviceKeys, device_id: str | None = None
) -> str:
    """Record this replica's own device identity and private keys (inside the database,
    which is encrypted on laptops)."""
    device_id = device_id or new_id()
    public, private = keys.public.to_json(), keys.to_json()
    with db.session() as session:
        session.add(
            Device(
                id=device_id,
                name=name,
                kind=kind,
                is_self=True,
                sign_public=public["sign"],
                enc_public=public["encrypt"],
                sign_private=private["sign"],
                enc_private=private["encrypt"],
                enrolled_at=now_text(),
            )
        )
    return device_id


def set_setting(db: Database, key: str, value: str | None) -> None:
    """Store one setting of this replica."""
    with db.session() as session:
        session.merge(Setting(key=key, value=value))


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    """One setting of this replica, or `default`."""
    with db.reading() as session:
        row = session.get(Setting, key)
    return default if row is None or row.value is None else row.value


def remove_database_files(target: Target) -> None:
    """Remove a half-made SQLite database and its companions after a failed set-up."""
    if target.path is None:
        return
    for suffix in ("", "-wal", "-shm", ".keys"):
        Path(str(target.path) + suffix).unlink(missing_ok=True)


def init_centre(
    target: str | Path, *, name: str, admin: str, password: str, encrypted: bool = True
) -> Database:
    """A new centre database: its device keys, the admin account, reference data."""
    db = create_database(target, encrypted=encrypted)
    try:
        add_account(db, admin, password, role="admin", display_name=admin)
        device_id = add_self_device(db, name, "centre", DeviceKeys.generate())
        set_setting(db, "centre_name", name)
        with db.session() as session:
            load_shipped(session, RecordWriter(session, device_id))
        db.login = admin
    except BaseException:
        db.close()
        remove_database_files(db.target)
        raise
    return db
