"""SQLite engines: SQLCipher keys, BEGIN IMMEDIATE with a wait the GUI can show, the read-only
snapshots."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

# How long one statement waits for a lock before SQLite reports «database is locked»; a
# unit of work that writes waits longer for its turn (`WriteWait`), in steps of this.
STATEMENT_WAIT_MS = 2000


READ_ONLY = "opora_read_only"


def _quick_binds(module: Any) -> None:
    """Bind None and booleans without the driver's adapter search. Both drivers look for an
    adapter for every value that is not exactly an int, float or str: for None and bool that
    is a failed registry lookup and two failed attribute lookups (sqlcipher3 builds an
    AttributeError for each), about 1 µs a value — a tenth of a merge, whose rows are mostly
    empty optional columns. Registered adapters make it one lookup and one C call, binding
    the same values (NULL, 0 and 1)."""
    module.register_adapter(type(None), {}.get)  # any key -> None: binds NULL
    module.register_adapter(bool, int)


_quick_binds(sqlite3)
_quick_binds(sqlcipher3)


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
