"""Who is signed in, and what they may see."""

from __future__ import annotations

from app.db import keyring
from app.db.database import Database
from app.db.models import Account
from app.errors import AuthError, UsageError
from app.i18n import tr
from app.services.family_index import Viewer


def viewer_for(db: Database) -> Viewer:
    """The signed-in account as a `Viewer`: restricted cases show only to their specialist
    and to centre staff. A database opened without an account (the demo) sees everything."""
    with db.reading() as session:
        account = session.get(Account, db.login) if db.login else None
        if account is None:
            return Viewer(login=db.login or "", centre=True)
        return Viewer(
            account.login, account.display_name or account.login, account.role == "centre"
        )


def change_password(db: Database, login: str, old_password: str, new_password: str) -> None:
    """A new password for an account: its verifier is replaced and, on an encrypted file,
    the database key is re-wrapped under it — the database itself is not re-encrypted.
    The old password must be right (`AuthError` otherwise)."""
    if not new_password:
        raise UsageError(tr("the password is empty"))
    with db.reading() as session:
        account = session.get(Account, login)
        if account is None or not keyring.verify_password(old_password, account.password_hash):
            raise AuthError(tr("wrong login or password"))
        account.password_hash = keyring.hash_password(new_password)
        if db.key is not None and db.target.keyring is not None:
            accounts = keyring.read(db.target.keyring)
            keyring.unwrap(accounts, login, old_password)
            accounts[login] = keyring.wrap(db.key, login, new_password)
            keyring.write(db.target.keyring, accounts)
