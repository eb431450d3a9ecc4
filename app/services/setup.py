"""Setting up a replica: a new centre database with its keys, admin account and reference data."""

from __future__ import annotations

from pathlib import Path

from app.db.database import Database, add_account, create_database, remove_database_files
from app.db.models import SettingKey
from app.db.reference import load_shipped
from app.db.settings import get_setting, set_setting
from app.db.writer import RecordWriter
from app.sync.devices import add_self_device
from app.sync.keys import DeviceKeys

__all__ = ["get_setting", "init_centre", "set_setting"]  # the settings live in app.db.settings


def init_centre(
    target: str | Path, *, name: str, admin: str, password: str, encrypted: bool = True
) -> Database:
    """A new centre database: its device keys, the admin account, reference data."""
    db = create_database(target, encrypted=encrypted)
    try:
        add_account(db, admin, password, role="admin", display_name=admin)
        device_id = add_self_device(db, name, "centre", DeviceKeys.generate())
        set_setting(db, SettingKey.CENTRE_NAME, name)
        with db.session() as session:
            load_shipped(session, RecordWriter(session, device_id))
        db.login = admin
    except BaseException:
        db.close()
        remove_database_files(db.target)
        raise
    return db
