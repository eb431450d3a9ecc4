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
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

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


# How long one statement waits for a lock before SQLite reports «database is locked»; a
# unit of work that writes waits longer for its turn (`WriteWait`), in steps of this.
STATEMENT_WAIT_MS = 2000
READ_ONLY = "opora_read_only"


@dataclass
class WriteWait:
    """How long a unit of work waits for another program's write to finish, and whom to
    tell once it starts waiting (the command line prints a notice)."""

    seconds: float = 30.0
    on_wait: Callable[[], None] | None = None


def _use_key(connection: Any, key: bytes) -> None:
    """Key an SQLCipher connection (quietly: a wrong key is our message, not its log)."""
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def _begin_immediate(driver: Any, wait: WriteWait) -> None:
    """`BEGIN IMMEDIATE`, retried until `wait.seconds` have passed: a writer takes the write
    lock before it reads, so its snapshot can never go stale under another writer (a
    deferred transaction that read first gets «database is locked» at once, busy timeout or
    not)."""
    deadline = time.monotonic() + wait.seconds
    told = False
    while True:
        try:
            driver.execute("BEGIN IMMEDIATE")
            return
        except (sqlite3.OperationalError, sqlcipher3.OperationalError) as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if time.monotonic() >= deadline:
                raise
            if not told and wait.on_wait is not None:
                wait.on_wait()
            told = True


def _sqlite_engine(path: Path, key: bytes | None, wait: WriteWait) -> Engine:
    module: Any = sqlcipher3 if key is not None else sqlite3

    def connect() -> Any:
        connection = module.connect(
            str(path), check_same_thread=False, timeout=STATEMENT_WAIT_MS / 1000
        )
        if key is not None:
            _use_key(connection, key)
        return connection

    # hide_parameters: an error's text never carries a record's values (DESIGN, invariant 7).
    # QueuePool: "sqlite://" would otherwise get SingletonThreadPool, which keeps five
    # threads' connections and closes the others' under them («Cannot operate on a closed
    # database» when the GUI's worker threads and the status bar read at once).
    engine = create_engine(
        "sqlite://", creator=connect, module=module, poolclass=QueuePool, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy issues BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={STATEMENT_WAIT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")  # a reader never waits for writers (WAL)
        else:
            _begin_immediate(connection.connection.driver_connection, wait)

    return engine


@dataclass
class Database:
    """An open database: engine, sessions, and what this replica is."""

    target: Target
    engine: Engine
    key: bytes | None = None
    login: str | None = None
    wait: WriteWait = field(default_factory=WriteWait)
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
    wait = WriteWait()
    engine = _engine_for(where, key, wait)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
    except BaseException:
        engine.dispose()
        if where.path is not None:
            _remove_with_companions(where.path)
        raise
    return Database(where, engine, key, wait=wait)


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
        if key is not None and password is not None and login is not None:
            _strengthen_verifier(db, login, password)
        _refresh_reference(db)
    except SADatabaseError as error:
        engine.dispose()
        explained = _open_failure(where, error, encrypted=key is not None)
        if explained is None:
            raise  # busy, full, failing disk: the error boundary says which
        raise explained from error
    except BaseException:
        engine.dispose()
        raise
    return db


SQLITE_HEADER = b"SQLite format 3\x00"


def _open_failure(where: Target, error: SADatabaseError, *, encrypted: bool) -> OporaError | None:
    """Why a database file did not open, said accurately: read-only media, a missing or
    foreign key file, or a file that is not an Opora database; None to let the error
    boundary speak (a busy, full or failing disk)."""
    path = where.path
    code = str(getattr(error.orig, "sqlite_errorname", "") or "")
    if path is None:
        return OporaError(
            tr("the database {path} is not an Opora database or is damaged", path=where.url)
        )
    if code.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")):
        if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
            return OporaError(
                tr(
                    "the database {path} is on read-only media or in a write-protected folder; "
                    "copy it, with its companion files, to a writable folder",
                    path=path,
                )
            )
        return None
    if not code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return None
    keys = keyring.keyring_path(path)
    if encrypted:
        return OporaError(
            tr(
                "the key file {keys} does not open the database {path}: it belongs to another "
                "database, or the database is damaged; restore both from a backup",
                keys=keys,
                path=path,
            )
        )
    if _looks_encrypted(path):
        return OporaError(
            tr(
                "the database {path} is encrypted, but its key file {keys} is missing; put the "
                "key file back beside it (a backup has one)",
                path=path,
                keys=keys,
            )
        )
    return OporaError(tr("the database {path} is not an Opora database or is damaged", path=path))


def _looks_encrypted(path: Path) -> bool:
    """Whether a file that SQLite cannot read looks like an SQLCipher database: whole pages
    of random bytes rather than a damaged SQLite file or some other document."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    if size < 1024 or size % 1024 or head.startswith(SQLITE_HEADER):
        return False
    return len(set(head)) > 200  # random bytes use nearly all 256 values


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


def _remove_with_companions(path: Path) -> None:
    """Remove an SQLite file and the journal, WAL and shared-memory files SQLite made for it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _refresh_reference(db: Database) -> None:
    """Bring the reference data to the version shipped with this program (a centre writes it
    through its change log, so its bundles carry it to the laptops)."""
    from app.services.reference import refresh_shipped  # services build on db, not the reverse

    with db.session() as session:
        refresh_shipped(session)


def backup_file(db: Database, destination: Path) -> Path:
    """A consistent copy of an SQLite database (online backup API), encrypted as the
    original; the keyring is copied beside it. Written to a temporary name, then renamed;
    a failure (a full disk) leaves nothing behind."""
    assert db.path is not None
    temporary = destination.with_name(destination.name + ".tmp")
    _remove_with_companions(temporary)
    module: Any = sqlcipher3 if db.key is not None else sqlite3
    try:
        target = module.connect(str(temporary))
        try:
            if db.key is not None:
                _use_key(target, db.key)
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
        if db.target.encrypted and db.target.keyring is not None:
            keyring.write(keyring.keyring_path(destination), keyring.read(db.target.keyring))
        temporary.replace(destination)
        fsync_directory(destination.parent)
    finally:
        _remove_with_companions(temporary)
    return destination


def restore_content(backup: Database, target: Target, key: bytes | None) -> None:
    """Replace the content of the database file at `target` (keyed with `key`) with that of
    `backup`, in place and atomically, holding the file exclusively.

    The file is never swapped under a live connection: if any other program has it open
    (the GUI, an import), it is refused with a message; while the copy runs, no one else
    can read or write it; a crash or a full disk mid-way leaves the old content (SQLite's
    rollback journal). The file keeps `key` unless the backup's differs, then it is re-keyed
    to the backup's so that the backup's key file opens it."""
    assert target.path is not None
    module: Any = sqlcipher3 if key is not None else sqlite3
    live = module.connect(str(target.path), timeout=STATEMENT_WAIT_MS / 1000)
    try:
        if key is not None:
            _use_key(live, key)
        live.isolation_level = None
        live.execute("PRAGMA locking_mode=EXCLUSIVE")
        try:
            mode = live.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            live.execute("BEGIN EXCLUSIVE")
            live.execute("COMMIT")  # the exclusive lock stays until the connection closes
        except module.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            mode = "wal"
        if str(mode).lower() != "delete":
            raise OporaError(
                tr(
                    "the database {path} is in use by another program (an Opora window or "
                    "command); close it, then restore again",
                    path=target.path,
                )
            )
        raw = backup.engine.raw_connection()
        try:
            raw.driver_connection.backup(live)  # type: ignore[union-attr]
        finally:
            raw.close()
        if backup.key is not None and backup.key != key:
            live.execute(f"PRAGMA rekey = \"x'{backup.key.hex()}'\"")
        live.execute("PRAGMA journal_mode=WAL")
    finally:
        live.close()
    fsync_directory(target.path.parent)


def count_rows(db: Database, model: type) -> int:
    """How many rows a table has (used by tests and the status bar)."""
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)
