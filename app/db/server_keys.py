"""A PostgreSQL centre's secret: wrapped per account in a table, sealing the device's keys.

A file database keeps its random key wrapped per account in `<db>.keys` beside it. A server
database is shared by several staff PCs, so the wrapped copies live in the table
`account_keys` instead (same format: scrypt + AES-256-GCM, keyring.py). The secret does not
encrypt the database (the server protects its storage); it seals the centre's private
signing and encryption keys in `devices`, so that whoever can read the tables but knows no
account's password cannot sign or open bundles. Signing in unwraps it (decision 100).
"""

from __future__ import annotations

import base64
import json
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from app.db import keyring
from app.db.models import AccountKey
from app.errors import AuthError
from app.i18n import tr

SEALED = "sealed:"


def store_wrap(session: Session, login: str, secret: bytes, password: str) -> None:
    """Wrap the secret for an account (a new one, or a new password)."""
    entry = json.dumps(keyring.wrap(secret, login, password), sort_keys=True)
    session.merge(AccountKey(login=login, wrapped=entry))


def unwrap(session: Session, login: str, password: str) -> bytes | None:
    """The secret, if the account has a wrapped copy (AuthError for a wrong password)."""
    row = session.get(AccountKey, login)
    if row is None:
        return None
    return keyring.unwrap({login: json.loads(row.wrapped)}, login, password)


def seal(secret: bytes, text: str, label: str) -> str:
    """`text` sealed under the secret (AES-256-GCM; `label` binds it to its place)."""
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(secret).encrypt(nonce, text.encode("utf-8"), label.encode("utf-8"))
    return SEALED + base64.b64encode(nonce + sealed).decode("ascii")


def unseal(secret: bytes | None, text: str, label: str) -> str:
    """The text `seal` sealed; plain text passes through."""
    if not text.startswith(SEALED):
        return text
    if secret is None:
        raise AuthError(tr("sign in with a password to use the centre's keys"))
    raw = base64.b64decode(text.removeprefix(SEALED))
    try:
        return AESGCM(secret).decrypt(raw[:12], raw[12:], label.encode("utf-8")).decode("utf-8")
    except InvalidTag:
        raise AuthError(tr("sign in with a password to use the centre's keys")) from None
