"""Opening and creating databases: SQLite (SQLCipher-encrypted or plain) or PostgreSQL.

SQLite files run in WAL mode with foreign keys on. An encrypted file's key comes from the
keyring sidecar, unwrapped with the account's password. Opening a database made by an older
version backs it up next to the file (SQLite online backup API) and runs the pending
Alembic migrations; one made by a newer version is refused.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from app.db import keyring, migrate
from app.db.models import Account, Device
from app.errors import AuthError, OporaError, UsageError
from app.files import fsync_directory
from app.i18n import tr


@dataclass(frozen=True)
class Target:
    """Where a database lives: an SQLite file, or a server URL."""

    url: str
    path: Path | None

    @classmethod
    def parse(cls, target: str | Path) -> Target:
        text = str(target)
        if "://" in text:
            if text.startswith("sqlite:///"):
                return cls(text, Path(text.removeprefix("sqlite:///")).resolve())
            return cls(text, None)
        path = Path(text).expanduser().resolve()
        return cls(f"sqlite:///{path}", path)

    @property
    def keyring(self) -> Path | None:
        return keyring.keyring_path(self.path) if self.path else None

    @property
    def encrypted(self) -> bool:
        return self.keyring is not None and self.keyring.exists()


def _sqlite_engine(path: Path, key: bytes | None) -> Engine:
    module: Any = sqlcipher3 if key is not None else sqlite3

    def connect() -> Any:
        connection = module.connect(str(path), check_same_thread=False, timeout=30)
        if key is not None:
            connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        return connection

    engine = create_engine("sqlite://", creator=connect, module=module)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy issues BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


@dataclass
class Database:
    """An open database: engine, sessions, and what this replica is."""

    target: Target
    engine: Engine
    key: bytes | None = None
    login: str | None = None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return self.target.path

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back if it raises."""
        with self._sessions() as session, session.begin():
            yield session

    @property
    def device_id(self) -> str:
        """This replica's device id."""
        with self.session() as session:
            return self_device_id(session)

    def close(self) -> None:
        """Release every connection (and the WAL) of this database."""
        self.engine.dispose()


def self_device_id(session: Session) -> str:
    """The id of the device this database belongs to."""
    device = session.scalar(select(Device.id).where(Device.is_self.is_(True)))
    if device is None:
        raise UsageError(tr("this database has no device identity"))
    return device


def _engine_for(target: Target, key: bytes | None) -> Engine:
    if target.path is not None:
        return _sqlite_engine(target.path, key)
    return create_engine(target.url, pool_pre_ping=True)


def create_database(target: str | Path, *, encrypted: bool) -> Database:
    """A new, empty database at `target`, migrated to the newest schema.

    The caller adds accounts (`add_account`) — an encrypted file needs one before it can be
    opened again.
    """
    where = Target.parse(target)
    if where.path is not None:
        if where.path.exists() and where.path.stat().st_size > 0:
            raise UsageError(tr("a database already exists at {path}", path=where.path))
        where.path.parent.mkdir(parents=True, exist_ok=True)
    elif encrypted:
        raise UsageError(
            tr("PostgreSQL databases are not encrypted by Opora; use the server's own protection")
        )
    key = keyring.new_database_key() if encrypted else None
    engine = _engine_for(where, key)
    with engine.begin() as connection:
        migrate.upgrade(connection)
    return Database(where, engine, key)


def add_account(
    db: Database, login: str, password: str, role: str, display_name: str | None = None
) -> None:
    """A new account; on an encrypted file its password also wraps the database key."""
    if not password:
        raise UsageError(tr("the password is empty"))
    with db.session() as session:
        session.add(
            Account(
                login=login,
                role=role,
                display_name=display_name,
                password_hash=keyring.hash_password(password),
                created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            )
        )
        if db.key is not None and db.target.keyring is not None:
            accounts = keyring.read(db.target.keyring) if db.target.keyring.exists() else {}
            accounts[login] = keyring.wrap(db.key, login, password)
            keyring.write(db.target.keyring, accounts)


def _single_login(logins: list[str]) -> str:
    if len(logins) == 1:
        return logins[0]
    raise UsageError(tr("the database has several accounts: name one with --user"))


def open_database(
    target: str | Path,
    *,
    login: str | None = None,
    password: str | None = None,
    authenticate: bool = True,
) -> Database:
    """Open an existing database, unlocking it with the account's password.

    `authenticate=False` opens a plain database without a password (the demo, tests); an
    encrypted one always needs the password. Pending migrations run after a backup.
    """
    where = Target.parse(target)
    if where.path is not None and not where.path.exists():
        raise UsageError(
            tr("no database at {path}: create one with «opora init centre»", path=where.path)
        )
    key = None
    if where.encrypted:
        assert where.keyring is not None
        accounts = keyring.read(where.keyring)
        login = login or _single_login(sorted(accounts))
        if password is None:
            raise AuthError(tr("no password given: set OPORA_PASSWORD"))
        key = keyring.unwrap(accounts, login, password)
    engine = _engine_for(where, key)
    db = Database(where, engine, key, login)
    try:
        _migrate_if_needed(db)
        if authenticate and key is None:
            db.login = _check_password(db, login, password)
        _refresh_reference(db)
    except SADatabaseError as error:
        engine.dispose()
        raise OporaError(
            tr(
                "the database {path} is not an Opora database or is damaged",
                path=where.path or where.url,
            )
        ) from error
    except BaseException:
        engine.dispose()
        raise
    return db


def _check_password(db: Database, login: str | None, password: str | None) -> str:
    with db.session() as session:
        if login is None:
            login = _single_login(list(session.scalars(select(Account.login))))
        verifier = session.scalar(select(Account.password_hash).where(Account.login == login))
    if password is None:
        raise AuthError(tr("no password given: set OPORA_PASSWORD"))
    if verifier is None or not keyring.verify_password(password, verifier):
        raise AuthError(tr("wrong login or password"))
    return login


def _migrate_if_needed(db: Database) -> None:
    with db.engine.connect() as connection:
        revision = migrate.current_revision(connection)
    head = migrate.head_revision()
    if revision == head:
        return
    if revision is None:
        raise OporaError(
            tr(
                "the database {path} is not an Opora database or is damaged",
                path=db.path or db.target.url,
            )
        )
    if revision not in migrate.known_revisions():
        raise OporaError(
            tr(
                "the database was made by a newer Opora (schema {revision}); "
                "install a newer version",
                revision=revision,
            )
        )
    if db.path is not None:
        backup_file(db, db.path.with_name(f"{db.path.stem}.before-{head}{db.path.suffix}"))
    with db.engine.begin() as connection:
        migrate.upgrade(connection)


def _refresh_reference(db: Database) -> None:
    """Bring the reference data to the version shipped with this program (a centre writes it
    through its change log, so its bundles carry it to the laptops)."""
    from app.services.reference import refresh_shipped  # services build on db, not the reverse

    with db.session() as session:
        refresh_shipped(session)


def backup_file(db: Database, destination: Path) -> Path:
    """A consistent copy of an SQLite database (online backup API), encrypted as the
    original; the keyring is copied beside it. Written to a temporary name, then renamed."""
    assert db.path is not None
    temporary = destination.with_name(destination.name + ".tmp")
    temporary.unlink(missing_ok=True)
    module: Any = sqlcipher3 if db.key is not None else sqlite3
    target = module.connect(str(temporary))
    try:
        if db.key is not None:
            target.execute(f"PRAGMA key = \"x'{db.key.hex()}'\"")
        raw = db.engine.raw_connection()
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
        finally:
            raw.close()
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    with open(temporary, "rb+") as handle:
        os.fsync(handle.fileno())
    temporary.replace(destination)
    fsync_directory(destination.parent)
    if db.target.encrypted and db.target.keyring is not None:
        keyring.write(keyring.keyring_path(destination), keyring.read(db.target.keyring))
    return destination


def count_rows(db: Database, model: type) -> int:
    """How many rows a table has (used by tests and the status bar)."""
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)
