"""Accounts: who is signed in, the password policy, and the admin's account management."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import keyring, server_keys
from app.db.database import Database, add_account
from app.db.models import Account, Device, District
from app.errors import AuthError, UsageError
from app.i18n import tr
from app.services.permissions import ROLES, SPECIALIST, Actor, actor_of, normalise_role

MIN_LENGTH = 10

# Passwords every guessing list starts with (and their Ukrainian-keyboard twins): refused
# whatever their length, compared without case.
WELL_KNOWN = frozenset(
    """
    1234567890 0123456789 0987654321 12345678910 123456789a 1234567890q 1q2w3e4r5t
    1qaz2wsx3edc qwertyuiop qwertyuiop1 asdfghjkl1 zxcvbnm123 password12 password123
    password1234 passw0rd123 iloveyou12 princess12 football12 sunshine12 1111111111
    0000000000 aaaaaaaaaa abcdefghij abc1234567 qwerty1234 qwerty12345 adminadmin
    administrator admin12345 letmein123 welcome123 changeme12 trustno1234 11223344556
    йцукенгшщз йцукенгшщзх пароль1234 пароль12345 парольпароль україна123 славаукраїні
    славаукраїні1 ukraine123 ukraine1234 kyiv123456 opora12345 опора12345
    """.split()
)


def password_problem(login: str, password: str) -> str | None:
    """Why a new password is refused (in the user's language), or None when it is good:
    at least 10 characters (Ukrainian letters welcome), not the login, not a well-known one."""
    if len(password) < MIN_LENGTH:
        return tr("the password must have at least {count} characters", count=MIN_LENGTH)
    folded = password.casefold()
    if folded == login.casefold():
        return tr("the password must not be the login")
    if folded in WELL_KNOWN or len(set(folded)) < 4:
        return tr("the password is too easy to guess: choose a less common one")
    return None


def check_new_password(login: str, password: str | None) -> str:
    """The new password, or UsageError (exit 2) saying what is wrong with it."""
    if not password:
        raise UsageError(tr("no password for the new account: set OPORA_NEW_PASSWORD"))
    problem = password_problem(login, password)
    if problem:
        raise UsageError(problem)
    return password


def viewer_for(db: Database) -> Actor:
    """The signed-in account with its role and districts (app.services.permissions); a
    database opened without an account (the demo) acts with full access."""
    return actor_of(db)


@dataclass(frozen=True)
class AccountRow:
    login: str
    role: str
    name: str
    districts: tuple[str, ...]
    disabled: bool

    def to_json(self) -> dict[str, object]:
        return {
            "login": self.login,
            "role": self.role,
            "name": self.name,
            "districts": list(self.districts),
            "disabled": self.disabled,
        }


def list_accounts(db: Database) -> list[AccountRow]:
    """Every account of this database, by login. A laptop's specialist without districts of
    its own works in its device's (`devices enroll --login`), and is listed with them."""
    with db.session() as session:
        names = dict(session.execute(select(District.id, District.name)).all())
        devices = dict(session.execute(select(Device.id, Device.districts)).all())
        rows = []
        for a in session.scalars(select(Account).order_by(Account.login)):
            role = normalise_role(a.role)
            districts = a.districts or []
            if not districts and role == SPECIALIST and a.device_id:
                districts = devices.get(a.device_id) or []
            rows.append(
                AccountRow(
                    a.login,
                    role,
                    a.display_name or "",
                    tuple(sorted(names.get(d, d) or d for d in districts)),
                    bool(a.disabled),
                )
            )
        return rows


def _district_ids(db: Database, districts: Iterable[str]) -> list[str]:
    wanted = list(districts)
    with db.session() as session:
        found = []
        for name in wanted:
            district = session.scalar(
                select(District.id).where(
                    District.deleted.is_(False), (District.name == name) | (District.id == name)
                )
            )
            if district is None:
                raise UsageError(tr("no district named «{name}»", name=name))
            found.append(district)
    return found


def create_account(
    db: Database,
    login: str,
    role: str,
    password: str | None,
    name: str | None = None,
    districts: Iterable[str] = (),
) -> AccountRow:
    """A new account (checked: login free, role known, districts known, password policy)."""
    login = login.strip()
    if not login or len(login) > 64 or any(c.isspace() for c in login):
        raise UsageError(tr("a login is one word of at most 64 characters"))
    if role not in ROLES:
        raise UsageError(tr("unknown role «{role}»", role=role))
    district_ids = _district_ids(db, districts)
    if district_ids and role != SPECIALIST:
        raise UsageError(tr("only a specialist works in given districts"))
    with db.session() as session:
        if session.get(Account, login) is not None:
            raise UsageError(tr("an account «{login}» already exists", login=login))
    secret = check_new_password(login, password)
    add_account(db, login, secret, role, display_name=name or None)
    with db.session() as session:
        account = session.get(Account, login)
        assert account is not None
        account.districts = district_ids or None
    return next(a for a in list_accounts(db) if a.login == login)


def disable_account(db: Database, login: str) -> None:
    """An account that may no longer sign in; its key is taken out of the keyring."""
    if login == db.login:
        raise UsageError(tr("you cannot disable your own account"))
    with db.session() as session:
        account = session.get(Account, login)
        if account is None:
            raise UsageError(tr("no account with the login «{login}»", login=login))
        account.disabled = True
    if db.target.keyring is not None and db.target.keyring.exists():
        accounts = keyring.read(db.target.keyring)
        if login in accounts:
            del accounts[login]
            keyring.write(db.target.keyring, accounts)


def set_password(db: Database, login: str, new_password: str | None) -> None:
    """A new password for an account (the admin's reset, or one's own change): the verifier
    is replaced and, on an encrypted file, the database key re-wrapped under it."""
    secret = check_new_password(login, new_password)
    with db.session() as session:
        account = session.get(Account, login)
        if account is None:
            raise UsageError(tr("no account with the login «{login}»", login=login))
        account.password_hash = keyring.hash_password(secret)
        if db.secret is not None and db.path is None:  # a PostgreSQL centre's wrapped secret
            server_keys.store_wrap(session, login, db.secret, secret)
        if db.key is not None and db.target.keyring is not None:
            accounts = keyring.read(db.target.keyring)
            accounts[login] = keyring.wrap(db.key, login, secret)
            keyring.write(db.target.keyring, accounts)


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
    set_password(db, login, new_password)


def disabled_logins(session: Session, device_id: str) -> list[str]:
    """Centre: the disabled accounts of a laptop (its next bundle tells it)."""
    query = select(Account.login).where(Account.device_id == device_id, Account.disabled.is_(True))
    return sorted(session.scalars(query))


def apply_disabled(session: Session, logins: Any) -> None:
    """Laptop: accounts the centre disabled may no longer sign in here either."""
    if not isinstance(logins, list):
        return
    for login in logins:
        account = session.get(Account, login) if isinstance(login, str) else None
        if account is not None:
            account.disabled = True
