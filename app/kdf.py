"""scrypt, the memory-hard derivation of a key from a password, with a head start.

A command on an encrypted database spends its start-up in two parts of similar length:
scrypt (about half a second, on purpose: docs/decisions/062) and loading the modules the
command needs. scrypt releases the interpreter's lock, so `start` begins the derivation for
the account in a thread, from the key file alone, before those modules load; `derive` takes
its result when asked for the same inputs, and derives anew otherwise. Nothing here imports
more than the standard library: it runs before everything else.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from pathlib import Path

MAX_MEMORY = 512 * 1024 * 1024  # scrypt's own ceiling: a forged key file cannot ask for more

Inputs = tuple[str, bytes, int, int, int]  # password, salt, N, r, p


def _scrypt(inputs: Inputs) -> bytes:
    password, salt, n, r, p = inputs
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=MAX_MEMORY, dklen=32
    )


class _Early:
    """One derivation started ahead, in a thread of its own."""

    def __init__(self, inputs: Inputs) -> None:
        self.inputs = inputs
        self.key: bytes | None = None
        self.thread = threading.Thread(target=self._run, name="opora-kdf", daemon=True)

    def _run(self) -> None:
        try:
            self.key = _scrypt(self.inputs)
        except (ValueError, MemoryError, OverflowError):
            self.key = None  # `derive` derives anew, and reports what goes wrong


_early: _Early | None = None
_lock = threading.Lock()


def derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """A 256-bit key from a password (scrypt; 128·N·r bytes of memory)."""
    global _early
    inputs = (password, salt, n, r, p)
    with _lock:
        early = _early if _early is not None and _early.inputs == inputs else None
        if early is not None:
            _early = None
    if early is not None:
        early.thread.join()
        if early.key is not None:
            return early.key
    return _scrypt(inputs)


def key_file(database: Path) -> Path:
    """Where the wrapped keys of a database file live (app/db/keyring.py)."""
    return database.with_name(database.name + ".keys")


def start(database: Path, login: str | None, password: str) -> None:
    """Begin deriving the key that unwraps `login`'s database key (the only account's when
    no login is given) if the database's key file names one; on any doubt, leave it all to
    `derive`."""
    global _early
    try:
        accounts = json.loads(key_file(database).read_text("utf-8"))["accounts"]
        if login is None:
            if len(accounts) != 1:
                return
            (entry,) = accounts.values()
        else:
            entry = accounts[login]
        inputs = (
            password,
            base64.b64decode(entry["salt"].encode("ascii"), validate=True),
            int(entry["n"]),
            int(entry["r"]),
            int(entry["p"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return  # no key file, or one `open_database` will explain
    early = _Early(inputs)
    with _lock:
        if _early is not None:
            return
        _early = early
    early.thread.start()
