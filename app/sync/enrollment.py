"""Enrollment: the centre makes a laptop's identity; the laptop starts from it.

Done in person. The centre generates the laptop's device id and key pairs, records its
public keys and districts, and seals in one file (with the new user's password): the
device's keys, the centre's public keys, the account to create, and the centre's data in
the laptop's scope as change-log lines. The laptop's database is built from that file alone,
so nothing is trusted on first use.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import __version__
from app.db.clock import now_text
from app.db.database import Database, add_account, create_database, remove_database_files
from app.db.ids import new_id
from app.db.keyring import new_database_key
from app.db.migrate import head_revision, known_revisions
from app.db.models import Account, Device, District, Setting, SettingKey
from app.db.settings import set_setting
from app.errors import UsageError
from app.i18n import tr
from app.sync.devices import add_self_device, public_keys, self_device
from app.sync.enrollment_file import read_enrollment_file, write_enrollment_file
from app.sync.exchange import outgoing_changes
from app.sync.keys import DeviceKeys, PublicKeys, b64decode, b64encode
from app.sync.merge import Merger
from app.sync.recovery import recovery_blob
from app.sync.restricted import routed_scope
from app.sync.scope import scope_for
from app.sync.watermarks import known_vector, raise_known, record_acks

FORMAT = 1


def enroll_device(
    db: Database,
    *,
    name: str,
    districts: list[str],
    login: str,
    password: str,
    out: str | os.PathLike[str],
    exchange: dict[str, Any] | None = None,
) -> str:
    """Centre: enroll a laptop serving `districts` (names or ids) and write its enrollment
    file sealed with `password`; returns the new device id."""
    if not password:
        raise UsageError(tr("the password is empty"))
    with db.session() as session:
        me = self_device(session)
        if me.kind != "centre":
            raise UsageError(tr("only the centre enrolls devices"))
        if session.scalar(select(Device.id).where(Device.name == name)) is not None:
            raise UsageError(tr("a device named «{name}» already exists", name=name))
        district_ids = [_district_id(session, d) for d in districts]
        keys = DeviceKeys.generate()
        device_id = new_id()
        public = keys.public.to_json()
        # The laptop's database key is made here, so that the centre keeps it for recovery.
        database_key = new_database_key()
        session.add(
            Device(
                id=device_id,
                name=name,
                kind="field",
                is_self=False,
                sign_public=public["sign"],
                enc_public=public["encrypt"],
                districts=district_ids,
                enrolled_at=now_text(),
                recovery=recovery_blob(database_key, me, device_id),
            )
        )
        if session.get(Account, login) is not None:
            raise UsageError(tr("an account «{login}» already exists", login=login))
        # The centre knows the laptop's account (for `responsible` and for routing restricted
        # families to this device); it cannot sign in here: its key lives on the laptop.
        session.add(
            Account(
                login=login,
                role="specialist",
                display_name=login,
                password_hash="!",
                created=now_text(),
                districts=None,
                device_id=device_id,
            )
        )
        session.flush()
        known = known_vector(session, me.id)
        ranges, lines = outgoing_changes(
            session,
            known=known,
            acks={},
            origins=None,
            scope=routed_scope(session, scope_for(session, district_ids), device_id),
        )
        centre_name = session.get(Setting, SettingKey.CENTRE_NAME)
        content: dict[str, Any] = {
            "format": FORMAT,
            "schema": head_revision(),
            "app_version": __version__,
            "device": {"id": device_id, "name": name, "districts": district_ids},
            "keys": keys.to_json(),
            "database_key": b64encode(database_key),
            "centre": {
                "id": me.id,
                "name": me.name,
                "keys": public_keys(me).to_json(),
                "title": centre_name.value if centre_name else me.name,
            },
            "account": {"login": login, "role": "specialist"},
            "ranges": ranges,
            "ack": known,
            "changes": list(lines),
        }
        if exchange:
            content["exchange"] = exchange  # online exchange address and certificate pin
        write_enrollment_file(out, content, password)
    return device_id


def _district_id(session: Any, name_or_id: str) -> str:
    found = session.scalar(
        select(District.id).where(
            District.deleted.is_(False), (District.name == name_or_id) | (District.id == name_or_id)
        )
    )
    if found is None:
        raise UsageError(tr("no district named «{name}»", name=name_or_id))
    return str(found)


def init_field(
    target: str | Path, enrollment: str | os.PathLike[str], password: str, *, encrypted: bool
) -> Database:
    """Laptop: a new database from an enrollment file opened with the account's password."""
    content = read_enrollment_file(enrollment, password)
    if content.get("schema") not in known_revisions():
        raise UsageError(
            tr(
                "the enrollment file was made by Opora {app}; install Opora {app} or newer",
                app=content.get("app_version", "?"),
            )
        )
    key = content.get("database_key")
    db = create_database(
        target, encrypted=encrypted, key=b64decode(key) if isinstance(key, str) else None
    )
    try:
        device, centre = content["device"], content["centre"]
        add_account(db, content["account"]["login"], password, role="specialist")
        add_self_device(
            db, device["name"], "field", DeviceKeys.from_json(content["keys"]), device["id"]
        )
        set_setting(db, SettingKey.CENTRE_NAME, centre.get("title") or centre["name"])
        exchange = content.get("exchange") or {}
        for key in ("url", "pin"):  # the online exchange's address and certificate pin
            if isinstance(exchange.get(key), str):
                set_setting(db, f"exchange_{key}", exchange[key])
        centre_keys = PublicKeys.from_json(centre["keys"]).to_json()
        with db.session() as session:
            session.get(Device, device["id"]).districts = device["districts"]  # type: ignore[union-attr]
            session.add(
                Device(
                    id=centre["id"],
                    name=centre["name"],
                    kind="centre",
                    is_self=False,
                    sign_public=centre_keys["sign"],
                    enc_public=centre_keys["encrypt"],
                    enrolled_at=now_text(),
                )
            )
            known = known_vector(session, device["id"])
            Merger(session, known, now_text()).merge(content["changes"])
            raise_known(session, device["id"], content["ranges"], known)
            record_acks(session, centre["id"], content["ack"])
        db.login = content["account"]["login"]
    except BaseException:
        db.close()
        remove_database_files(db.target)
        raise
    return db
