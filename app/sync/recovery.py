"""Recovery and account files: a laptop account set up from the centre, no password needed.

At enrollment the centre makes the laptop's database key itself, seals it into the
enrollment file for the laptop, and keeps it wrapped for its own encryption key
(`Device.recovery`, X25519 + HKDF-SHA256 + ChaCha20-Poly1305, the bundles' key wrap). From
that the centre issues, in person:

- a **recovery file** (`devices recovery`): a laptop account whose password is forgotten gets
  a new one (`accounts recover --file` on the laptop) — the database is not touched, so no
  unsent work is lost;
- an **account file** (`accounts add … --device`): a second account on a shared laptop, or
  the account of the specialist a laptop is handed to (`accounts join --file`).

Both are sealed like an enrollment file with the account's new password and signed by the
centre's device key; the laptop checks that the file names this laptop, that the centre it
knows signed it, and that the key opens its database. docs/decisions/065-recovery-files.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session

from app.db import keyring
from app.db.clock import now_text
from app.db.database import Database, Target, open_with_key
from app.db.models import Account, Device
from app.errors import OporaError, UsageError
from app.i18n import tr
from app.services.accounts import check_new_password
from app.sync.devices import find_device, own_keys, public_keys, self_device, the_centre
from app.sync.enrollment_file import read_enrollment_file, write_enrollment_file
from app.sync.keys import DeviceKeys, PublicKeys, b64decode, b64encode

FORMAT = 1
RECOVERY, ACCOUNT = "recovery", "account"
_INFO = b"opora recovery key v1"


def _aad(device_id: str) -> bytes:
    return b"opora database key " + device_id.encode("ascii")


def _kek(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=epk + recipient, info=_INFO).derive(shared)


def seal_key(key: bytes, centre: PublicKeys, device_id: str) -> str:
    """A laptop's database key wrapped for the centre's encryption key (JSON text)."""
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(centre.encrypt))
    nonce = os.urandom(12)
    sealed = ChaCha20Poly1305(_kek(shared, epk, centre.encrypt)).encrypt(
        nonce, key, _aad(device_id)
    )
    return json.dumps({"epk": b64encode(epk), "nonce": b64encode(nonce), "key": b64encode(sealed)})


def unseal_key(text: str, centre: DeviceKeys, device_id: str) -> bytes:
    """The laptop's database key from `seal_key`'s text (the centre's private key opens it)."""
    try:
        entry = json.loads(text)
        epk = b64decode(entry["epk"])
        own = centre.encrypt.public_key().public_bytes_raw()
        shared = centre.encrypt.exchange(X25519PublicKey.from_public_bytes(epk))
        return ChaCha20Poly1305(_kek(shared, epk, own)).decrypt(
            b64decode(entry["nonce"]), b64decode(entry["key"]), _aad(device_id)
        )
    except (ValueError, KeyError, TypeError, InvalidTag) as exc:
        raise OporaError(tr("the recovery key of this laptop is damaged")) from exc


def _canonical(content: dict[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")


def issue_file(
    db: Database,
    *,
    device: str,
    login: str | None,
    password: str,
    out: str | os.PathLike[str],
) -> dict[str, str]:
    """Centre: write a recovery file for an active account of a laptop (the only one when
    `login` is None), sealed with the account's new `password`."""
    with db.session() as session:
        return _issue(session, device, login, password, out, RECOVERY)


def add_laptop_account(
    db: Database,
    *,
    login: str,
    role: str,
    name: str | None,
    device: str,
    password: str,
    out: str | os.PathLike[str],
) -> dict[str, str]:
    """Centre: a new account that signs in on a laptop (a second one on a shared laptop, or
    the specialist the laptop is handed to), recorded here and carried in an account file."""
    if role not in ("specialist", "viewer"):
        raise UsageError(tr("a laptop's account is a specialist or a viewer"))
    with db.session() as session:
        if session.get(Account, login) is not None:
            raise UsageError(tr("an account «{login}» already exists", login=login))
        laptop = find_device(session, device)
        session.add(
            Account(
                login=login,
                role=role,
                display_name=name or login,
                password_hash="!",  # it signs in on the laptop, never here
                created=now_text(),
                districts=None,
                device_id=laptop.id,
            )
        )
        session.flush()
        return _issue(session, device, login, password, out, ACCOUNT)


def _issue(
    session: Session,
    device: str,
    login: str | None,
    password: str,
    out: str | os.PathLike[str],
    kind: str,
) -> dict[str, str]:
    me = self_device(session)
    if me.kind != "centre":
        raise UsageError(tr("only the centre issues recovery files"))
    laptop = find_device(session, device)
    if laptop.kind != "field" or laptop.revoked_at is not None:
        raise UsageError(tr("«{name}» is not an active laptop", name=laptop.name))
    if not laptop.recovery:
        raise UsageError(
            tr(
                "the laptop «{name}» was enrolled without a recovery key: enroll it again",
                name=laptop.name,
            )
        )
    logins = list(
        session.scalars(
            select(Account.login)
            .where(Account.device_id == laptop.id, Account.disabled.is_not(True))
            .order_by(Account.login)
        )
    )
    if login is None:
        if len(logins) != 1:
            raise UsageError(tr("the laptop has several accounts: name one with --login"))
        login = logins[0]
    if login not in logins:
        raise UsageError(
            tr("no active account «{login}» on «{name}»", login=login, name=laptop.name)
        )
    check_new_password(login, password)  # the account's new password, by the policy
    account = session.get(Account, login)
    assert account is not None
    keys = own_keys(me)
    content = {
        "format": FORMAT,
        "kind": kind,
        "device": laptop.id,
        "centre": me.id,
        "login": login,
        "role": account.role,
        "name": account.display_name or login,
        "key": b64encode(unseal_key(laptop.recovery, keys, laptop.id)),
        "issued": now_text(),
    }
    signature = b64encode(keys.sign.sign(_canonical(content)))
    write_enrollment_file(out, {"content": content, "signature": signature}, password)
    return {"device": laptop.name, "login": login}


def _read(path: str | os.PathLike[str], password: str, kind: str) -> dict[str, Any]:
    envelope = read_enrollment_file(path, password)
    content = envelope.get("content")
    if kind == RECOVERY:
        wrong_kind = UsageError(tr("{file} is not a recovery file", file=path))
    else:
        wrong_kind = UsageError(tr("{file} is not an account file", file=path))
    if (
        not isinstance(content, dict)
        or content.get("format") != FORMAT
        or content.get("kind") != kind
        or not isinstance(envelope.get("signature"), str)
        or not all(isinstance(content.get(k), str) for k in ("device", "login", "key"))
    ):
        raise wrong_kind
    return envelope


def apply_file(
    target: str | Path, path: str | os.PathLike[str], password: str, kind: str = RECOVERY
) -> Database:
    """Laptop: set the password of the file's account (a recovery file) or add the account
    (an account file); returns the database, open and signed in as that account."""
    envelope = _read(path, password, kind)
    content = envelope["content"]
    where = Target.parse(target)
    if where.path is None:
        raise UsageError(tr("recovery files are for a laptop's database file"))
    try:
        key = b64decode(content["key"])
    except ValueError:
        raise UsageError(tr("{file} is damaged", file=path)) from None
    db = open_with_key(where.path, key if where.encrypted else None)
    try:
        login = str(content["login"])
        try:
            _apply(db, content, envelope["signature"], password, kind)
        except SADatabaseError:  # another key: this database is not the file's laptop's
            raise UsageError(tr("{file} was made for another laptop", file=path)) from None
        if db.key is not None and db.target.keyring is not None:
            accounts = keyring.read(db.target.keyring)
            accounts[login] = keyring.wrap(db.key, login, password)
            keyring.write(db.target.keyring, accounts)
        db.login = login
    except BaseException:
        db.close()
        raise
    return db


def _apply(db: Database, content: dict[str, Any], signature: str, password: str, kind: str) -> None:
    login = content["login"]
    with db.session() as session:
        me = self_device(session)
        if me.id != content["device"] or me.kind != "field":
            raise UsageError(tr("the file was made for another laptop"))
        centre = the_centre(session)
        if centre.id != content.get("centre"):
            raise UsageError(tr("the file was made by another centre"))
        try:
            public_keys(centre).verifier().verify(b64decode(signature), _canonical(content))
        except (InvalidSignature, ValueError):
            raise UsageError(tr("the file's signature is not the centre's")) from None
        account = session.get(Account, login)
        if kind == RECOVERY:
            if account is None or account.disabled:
                raise UsageError(tr("no active account «{login}» on this laptop", login=login))
            account.password_hash = keyring.hash_password(password)
            return
        if account is not None:
            raise UsageError(tr("an account «{login}» already exists", login=login))
        session.add(
            Account(
                login=login,
                role=str(content.get("role") or "specialist"),
                display_name=str(content.get("name") or login),
                password_hash=keyring.hash_password(password),
                created=now_text(),
            )
        )


def recovery_blob(key: bytes, centre: Device, device_id: str) -> str:
    """Centre, at enrollment: the new laptop's key wrapped for the centre's own key."""
    return seal_key(key, public_keys(centre), device_id)
