"""Messages that say what is really wrong with a database that will not open (issue 12.5):
a missing or damaged key file, read-only media — never «not an Opora database», which
invites deleting a good file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.acceptance.conftest import (
    ROOT,
    _env,
    command,
    export_lines,
    opora,
    sample_records,
    write_lines,
)

NOT_OPORA = "не є базою даних Опори"


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("encrypted") / "centre.db"
    made = opora("init", "centre", "--name", "ЦНСП", "--admin", "admin", db=path)
    assert made.code == 0, str(made)
    return path


@pytest.fixture
def encrypted(encrypted_template: Path, tmp_path: Path) -> Path:
    for suffix in ("", ".keys"):
        shutil.copyfile(f"{encrypted_template}{suffix}", tmp_path / f"centre.db{suffix}")
    return tmp_path / "centre.db"


def test_a_missing_key_file_is_named(encrypted: Path) -> None:
    Path(f"{encrypted}.keys").rename(encrypted.with_name("elsewhere.keys"))
    result = opora("records", "export", db=encrypted)
    assert result.code == 1, str(result)
    assert "centre.db.keys" in result.err and NOT_OPORA not in result.err, result.err
    english = opora("records", "export", db=encrypted, lang="en")
    assert "key file" in english.err and "missing" in english.err, english.err


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: "{ not json",
        lambda doc: json.dumps([1, 2]),
        lambda doc: json.dumps({**doc, "accounts": ["admin"]}),
        lambda doc: json.dumps({**doc, "accounts": {"admin": {**doc["accounts"]["admin"],
                                                              "n": 2**40}}}),
        lambda doc: json.dumps({**doc, "accounts": {"admin": {**doc["accounts"]["admin"],
                                                              "p": 10**6}}}),
        lambda doc: json.dumps({**doc, "accounts": {"admin": {**doc["accounts"]["admin"],
                                                              "nonce": "AAAA"}}}),
        lambda doc: json.dumps({**doc, "accounts": {"admin": {"salt": 5}}}),
        lambda doc: "[" * 100_000,
    ],
    ids=["not-json", "a-list", "accounts-list", "huge-n", "huge-p", "short-nonce", "no-fields",
         "deep"],
)  # fmt: skip
def test_a_tampered_key_file_is_called_damaged(encrypted: Path, damage) -> None:
    keys = Path(f"{encrypted}.keys")
    keys.write_text(damage(json.loads(keys.read_text("utf-8"))), encoding="utf-8")
    result = opora("records", "export", db=encrypted)
    assert result.code == 1, str(result)
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "ключ" in result.err and "пошкоджено" in result.err, result.err


def test_a_key_file_of_another_database_is_named(encrypted: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "centre.db"
    other.parent.mkdir()
    assert opora("init", "centre", "--name", "Інший", "--admin", "admin", db=other).code == 0
    shutil.copyfile(f"{other}.keys", f"{encrypted}.keys")
    result = opora("records", "export", db=encrypted)
    assert result.code == 1, str(result)
    assert "centre.db.keys" in result.err and "іншої бази" in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1, result.err  # SQLCipher's own log silent


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    return done.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs a user mount namespace (unshare -rm)")
def test_read_only_media_is_named(sqlite_sample_db: Path, tmp_path: Path) -> None:
    media = sqlite_sample_db.parent
    extra = write_lines(tmp_path.parent / f"{tmp_path.name}-extra.jsonl", sample_records()[:2])
    expected = export_lines(sqlite_sample_db)
    script = (
        f'mount --bind "{media}" "{media}" && mount -o remount,bind,ro "{media}" && '
        + " ".join(f"'{a}'" for a in command("records", "import", extra, db=sqlite_sample_db))
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=_env("acceptance-secret-1", None, None),
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "лише для читання" in done.stderr and NOT_OPORA not in done.stderr, done.stderr
    assert export_lines(sqlite_sample_db) == expected
