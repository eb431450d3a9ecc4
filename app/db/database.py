"""Opening and creating databases: SQLite (SQLCipher-encrypted or plain) or PostgreSQL.

SQLite files run in WAL mode with foreign keys on. An encrypted file's key comes from the
keyring sidecar, unwrapped with the account's password. Opening a database made by an older
version backs it up next to the file (SQLite online backup API) and runs the pending
Alembic migrations; one made by a newer version is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.db import keyring, migrate, server_keys
from app.db.engines import READ_ONLY, WriteWait, _sqlite_engine
from app.db.models import Account, Device
from app.db.open_errors import open_failure
from app.db.postgres import display_url
from app.errors import AuthError, OporaError, UsageError
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
    def display(self) -> str:
        """How messages name the database: its file, or its URL without a password."""
        return str(self.path) if self.path is not None else display_url(self.url)

    @property
    def keyring(self) -> Path | None:
        return keyring.keyring_path(self.path) if self.path else None

    @property
    def encrypted(self) -> bool:
        return self.keyring is not None and self.keyring.exists()


@dataclass
class Database:
    """An open database: engine, sessions, and what this replica is."""

    target: Target
    engine: Engine
    key: bytes | None = None
    login: str | None = None
    wait: WriteWait = field(default_factory=WriteWait)
    secret: bytes | None = None  # a PostgreSQL centre's unwrapped secret (server_keys.py)
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _readers: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        readers = self.engine.execution_options(**{READ_ONLY: True})
        self._readers = sessionmaker(readers, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return self.target.path

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back if it raises.

        On SQLite it takes the write lock first (`BEGIN IMMEDIATE`), waiting its turn while
        another program writes; reads that change nothing use `reading`."""
        with self._sessions() as session, session.begin():
            session.info["secret"] = self.secret
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads: one consistent snapshot that never waits for a
        writer (SQLite's WAL); it is rolled back when the block ends."""
        with self._readers() as session:
            yield session

    @property
    def device_id(self) -> str:
        """This replica's device id."""
        with self.reading() as session:
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


def _engine_for(target: Target, key: bytes | None, wait: WriteWait | None = None) -> Engine:
    if target.path is not None:
        return _sqlite_engine(target.path, key, wait or WriteWait())
    return create_engine(target.url, pool_pre_ping=True, hide_parameters=True)


def create_database(target: str | Path, *, encrypted: bool, key: bytes | None = None) -> Database:
    """A new, empty database at `target`, migrated to the newest schema.

    The caller adds accounts (`add_account`) — an encrypted file needs one before it can be
    opened again. `key`: the database key to use (a laptop's, made by the centre at
    enrollment so that it can be recovered); a fresh random one by default.
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
    key = (key or keyring.new_database_key()) if encrypted else None
    wait = WriteWait()
    engine = _engine_for(where, key, wait)
    try:
        with engine.begin() as connection:
            if where.path is None and inspect(connection).get_table_names():
                # A server database must be made empty by its administrator first.
                raise UsageError(tr("a database already exists at {path}", path=where.display))
            migrate.upgrade(connection)
    except OperationalError as error:
        engine.dispose()
        if where.path is not None:
            _remove_with_companions(where.path)
            raise
        raise _unreachable(where) from error
    except BaseException:
        engine.dispose()
        if where.path is not None:
            _remove_with_companions(where.path)
        raise
    # A server database is not encrypted; a secret of its own seals its device keys.
    secret = keyring.new_database_key() if where.path is None else None
    return Database(where, engine, key, wait=wait, secret=secret)


def _unreachable(where: Target) -> OporaError:
    return OporaError(tr("cannot connect to the database {path}", path=where.display))


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
        if db.secret is not None and db.path is None:
            server_keys.store_wrap(session, login, db.secret, password)
        if db.key is not None and db.target.keyring is not None:
            accounts = keyring.read(db.target.keyring) if db.target.keyring.exists() else {}
            accounts[login] = keyring.wrap(db.key, login, password)
            keyring.write(db.target.keyring, accounts)


def open_with_key(target: str | Path, key: bytes | None) -> Database:
    """A database file opened with its key itself (None: a plain file), without an account:
    for a recovery file, which carries the key (app/sync/recovery.py). A wrong key is an
    error the caller explains."""
    where = Target.parse(target)
    if where.path is None or not where.path.exists():
        raise UsageError(
            tr("no database at {path}: create one with «opora init centre»", path=where.display)
        )
    wait = WriteWait()
    engine = _engine_for(where, key, wait)
    return Database(where, engine, key, None, wait)


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
        if keyring.needs_rewrap(accounts, login):  # made with an older, cheaper scrypt
            accounts[login] = keyring.wrap(key, login, password)
            keyring.write(where.keyring, accounts)
    wait = WriteWait()
    engine = _engine_for(where, key, wait)
    db = Database(where, engine, key, login, wait)
    try:
        _migrate_if_needed(db)
        if authenticate and key is None:
            db.login = _check_password(db, login, password)
            if where.path is None and password is not None:
                with db.session() as session:
                    db.secret = server_keys.unwrap(session, db.login, password)
        if key is not None and password is not None and login is not None:
            _strengthen_verifier(db, login, password)
        _refresh_reference(db)
    except SADatabaseError as error:
        engine.dispose()
        if where.path is None and isinstance(error, OperationalError):
            raise _unreachable(where) from error
        explained = open_failure(where, error, encrypted=key is not None)
        if explained is None:
            raise  # busy, full, failing disk: the error boundary says which
        raise explained from error
    except BaseException:
        engine.dispose()
        raise
    return db


def _check_password(db: Database, login: str | None, password: str | None) -> str:
    with db.session() as session:
        if login is None:
            # Accounts that sign in elsewhere (a laptop's, known here by enrollment) have no
            # verifier here ("!") and do not count.
            login = _single_login(
                list(session.scalars(select(Account.login).where(Account.password_hash != "!")))
            )
        verifier = session.scalar(select(Account.password_hash).where(Account.login == login))
    if password is None:
        raise AuthError(tr("no password given: set OPORA_PASSWORD"))
    if verifier is None or not keyring.verify_password(password, verifier):
        raise AuthError(tr("wrong login or password"))
    if keyring.verifier_is_weak(verifier):
        with db.session() as session:
            account = session.get(Account, login)
            if account is not None:
                account.password_hash = keyring.hash_password(password)
    return login


def _strengthen_verifier(db: Database, login: str, password: str) -> None:
    """Replace a verifier made with an older scrypt N, now that the password is known good."""
    with db.session() as session:
        account = session.get(Account, login)
        if account is not None and keyring.verifier_is_weak(account.password_hash):
            if keyring.verify_password(password, account.password_hash):
                account.password_hash = keyring.hash_password(password)


def _migrate_if_needed(db: Database) -> None:
    with db.engine.execution_options(**{READ_ONLY: True}).connect() as connection:
        revision = migrate.current_revision(connection)
    head = migrate.head_revision()
    if revision == head:
        return
    if revision is None:
        raise OporaError(
            tr(
                "the database {path} is not an Opora database or is damaged",
                path=db.target.display,
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
        from app.db.backups import backup_file  # lazy: backups build on this module

        backup_file(db, db.path.with_name(f"{db.path.stem}.before-{head}{db.path.suffix}"))
    with db.engine.begin() as connection:
        migrate.upgrade(connection)


def _remove_with_companions(path: Path) -> None:
    """Remove an SQLite file and the journal, WAL and shared-memory files SQLite made for it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def remove_database_files(target: Target) -> None:
    """Remove a half-made SQLite database and its companions after a failed set-up."""
    if target.path is None:
        return
    for suffix in ("", "-wal", "-shm", ".keys"):
        Path(str(target.path) + suffix).unlink(missing_ok=True)


def _refresh_reference(db: Database) -> None:
    """Bring the reference data to the version shipped with this program (a centre writes it
    through its change log, so its bundles carry it to the laptops)."""
    from app.db.reference import refresh_shipped  # lazy: reference writes through writer.py

    with db.session() as session:
        refresh_shipped(session)
