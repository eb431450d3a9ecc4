"""A command on an encrypted database starts scrypt before its modules load (app/kdf.py).

The derivation runs in a thread of its own from the key file alone; the unlock takes its
result only for exactly the same inputs, so a wrong password, another account or a damaged
key file still get the answer they got before (exit 4 and the same messages).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app import kdf
from app.db import keyring
from app.services.setup import init_centre

PASSWORD = "пароль для заміру старту"


@pytest.fixture()
def scrypt_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread of every scrypt call."""
    calls: list[str] = []
    real = hashlib.scrypt

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", recorded)
    monkeypatch.setattr(kdf, "_early", None)
    return calls


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kdf") / "centre.db"
    init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=True).close()
    return path


def _unwrap(path: Path, login: str, password: str) -> bytes:
    return keyring.unwrap(keyring.read(keyring.keyring_path(path)), login, password)


def test_the_head_start_is_taken_and_gives_the_same_key(
    centre: Path, scrypt_calls: list[str]
) -> None:
    expected = _unwrap(centre, "admin", PASSWORD)
    scrypt_calls.clear()
    kdf.start(centre, None, PASSWORD)  # the only account
    assert _unwrap(centre, "admin", PASSWORD) == expected
    assert scrypt_calls == ["opora-kdf"]  # derived once, in its own thread
    assert kdf._early is None  # taken: a later unlock derives anew


def test_a_head_start_for_other_inputs_is_not_taken(centre: Path, scrypt_calls: list[str]) -> None:
    kdf.start(centre, "admin", "не той пароль")
    with pytest.raises(keyring.AuthError):
        _unwrap(centre, "admin", "ще інший пароль")
    assert sorted(scrypt_calls) == ["MainThread", "opora-kdf"]
    scrypt_calls.clear()
    with pytest.raises(keyring.AuthError):  # the head start's own password: still wrong
        _unwrap(centre, "admin", "не той пароль")
    assert scrypt_calls == []


@pytest.mark.parametrize(
    "content", ["", "{", '{"accounts": {}}', '{"accounts": {"admin": {"salt": "!!"}}}', "[1]"]
)
def test_a_missing_or_damaged_key_file_starts_nothing(
    tmp_path: Path, scrypt_calls: list[str], content: str
) -> None:
    database = tmp_path / "x.db"
    kdf.start(database, None, PASSWORD)  # no key file at all
    kdf.key_file(database).write_text(content, "utf-8")
    kdf.start(database, "admin", PASSWORD)
    assert kdf._early is None and scrypt_calls == []


def run_command(database: Path, password: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import hashlib, sys, threading\n"
        "real = hashlib.scrypt\n"
        "def scrypt(*a, **k):\n"
        "    print('scrypt in', threading.current_thread().name, file=sys.stderr)\n"
        "    return real(*a, **k)\n"
        "hashlib.scrypt = scrypt\n"
        "from app.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "OPORA_PASSWORD": password, "OPORA_LANG": "en"}
    command = [sys.executable, "-c", code, "--db", str(database), "conflicts", "list"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_a_command_unlocks_with_the_key_derived_ahead(centre: Path) -> None:
    done = run_command(centre, PASSWORD)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[0] == "scrypt in opora-kdf"
    assert "scrypt in MainThread" not in done.stderr


def test_a_wrong_password_is_still_refused_with_exit_4(centre: Path) -> None:
    done = run_command(centre, "не той пароль")
    assert done.returncode == 4, done.stderr
    assert "wrong login or password" in done.stderr
