"""Encryption at rest, accounts, migrations and backups on real files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from app.cli import main
from app.db import migrate
from app.db.database import add_account, open_database
from app.db.registry import INTERCHANGE
from app.errors import AuthError
from app.services.records import export_records, import_records
from app.services.setup import init_centre
from tests.conftest import PASSWORD
from tests.core.sample import records, write_lines

NAMES = ["Мар'яненко", "Олена", "Ігор", "Наталія Сірко", "Ірина Ґудзь", "Їжакова"]


def test_encrypted_file_leaks_no_names_and_plain_sqlite_cannot_read_it(tmp_path: Path) -> None:
    db = init_centre(tmp_path / "c.db", name="ЦНСП", admin="admin", password=PASSWORD)
    import_records(db, write_lines(tmp_path / "in.jsonl", records()))
    db.close()
    for path in tmp_path.glob("c.db*"):
        data = path.read_bytes()
        for name in NAMES:
            assert name.encode("utf-8") not in data, (path, name)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(tmp_path / "c.db").execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_plain_file_is_readable_by_sqlite(tmp_path: Path) -> None:
    db = init_centre(
        tmp_path / "p.db", name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False
    )
    import_records(db, write_lines(tmp_path / "in.jsonl", records()))
    db.close()
    rows = sqlite3.connect(tmp_path / "p.db").execute("SELECT surname FROM persons").fetchall()
    assert ("Мар'яненко",) in rows


@pytest.mark.parametrize("encrypted", [True, False])
def test_wrong_password_exits_4_and_opens_nothing(tmp_path: Path, encrypted: bool) -> None:
    path = tmp_path / "c.db"
    init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=encrypted).close()
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(path), "records", "export"],
        env={"OPORA_PASSWORD": "wrong", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 4
    assert "неправильний логін або пароль" in result.stderr
    assert result.stdout == ""
    assert path.read_bytes() == before


def test_two_accounts_share_one_key(tmp_path: Path) -> None:
    db = init_centre(tmp_path / "c.db", name="ЦНСП", admin="admin", password=PASSWORD)
    add_account(db, "olena", "інший пароль", role="field")
    db.close()
    with pytest.raises(AuthError):
        open_database(tmp_path / "c.db", login="olena", password=PASSWORD)
    other = open_database(tmp_path / "c.db", login="olena", password="інший пароль")
    assert other.login == "olena"
    other.close()
    assert main(["--db", str(tmp_path / "c.db"), "records", "export"]) == 2  # which account?
    assert main(["--db", str(tmp_path / "c.db"), "--user", "admin", "records", "export"]) == 0


def test_first_revision_upgrades_to_head_with_its_data(tmp_path: Path) -> None:
    """A database left at the first revision is backed up and upgraded on open."""
    db = init_centre(tmp_path / "old.db", name="ЦНСП", admin="admin", password=PASSWORD)
    import_records(db, write_lines(tmp_path / "in.jsonl", records()))
    expected = list(export_records(db))
    first = min(migrate.known_revisions())
    head = migrate.head_revision()
    if first != head:
        with db.engine.begin() as connection:
            migrate.downgrade(connection, first)
            # what the first revision can hold: later tables and columns come back empty
            kept = {
                spec.name: {c["name"] for c in inspect(connection).get_columns(spec.table.name)}
                for spec in INTERCHANGE
                if inspect(connection).has_table(spec.table.name)
            }
        expected = [
            json.dumps(
                {k: (v if k in ("id", "type") or k in kept[r["type"]] else None)
                 for k, v in r.items()},
                ensure_ascii=False,
            )
            for r in map(json.loads, expected)
            if r["type"] in kept
        ]  # fmt: skip
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": first})
    db.close()
    reopened = open_database(tmp_path / "old.db", login="admin", password=PASSWORD)
    with reopened.engine.connect() as connection:
        assert migrate.current_revision(connection) == head
    if first != head:
        # a revision before `responsible` existed could not keep it: the upgrade finds none
        expected = [
            line.replace('"responsible": "admin"', '"responsible": null') for line in expected
        ]
    assert list(export_records(reopened)) == expected
    reopened.close()
    if first != head:
        assert (tmp_path / f"old.before-{head}.db").exists()


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db = init_centre(
        tmp_path / "new.db", name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False
    )
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    db.close()
    assert main(["--db", str(tmp_path / "new.db"), "records", "export"]) == 1


@pytest.mark.parametrize("encrypted", [True, False])
def test_backup_and_restore(tmp_path: Path, encrypted: bool) -> None:
    path = tmp_path / "c.db"
    db = init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=encrypted)
    import_records(db, write_lines(tmp_path / "in.jsonl", records()))
    expected = list(export_records(db))
    db.close()
    copy = tmp_path / "copy.db"
    assert main(["--db", str(path), "backup", "--out", str(copy)]) == 0
    if encrypted:
        assert b"SQLite format 3" not in copy.read_bytes()[:16]
    path.unlink()
    assert main(["--db", str(path), "restore", str(copy)]) == 0
    restored = open_database(path, login="admin", password=PASSWORD)
    assert list(export_records(restored)) == expected
    restored.close()


def test_restore_of_garbage_is_refused_and_keeps_the_database(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD).close()
    before = path.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert main(["--db", str(path), "restore", str(junk)]) == 2
    assert path.read_bytes() == before


def test_init_refuses_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    assert main(["--db", str(path), "init", "centre", "--name", "Ц", "--admin", "a"]) == 0
    before = path.read_bytes()
    assert main(["--db", str(path), "init", "centre", "--name", "Ц", "--admin", "a"]) == 2
    assert path.read_bytes() == before


def test_password_change_rewraps_the_key_only(tmp_path: Path) -> None:
    from app.services.accounts import change_password

    path = tmp_path / "c.db"
    db = init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD)
    import_records(db, write_lines(tmp_path / "in.jsonl", records()))
    expected = list(export_records(db))
    with pytest.raises(AuthError):
        change_password(db, "admin", "not the password", "new secret")
    key = db.key
    db.close()
    db = open_database(path, login="admin", password=PASSWORD)
    change_password(db, "admin", PASSWORD, "new secret")
    db.close()
    with pytest.raises(AuthError):
        open_database(path, login="admin", password=PASSWORD)
    reopened = open_database(path, login="admin", password="new secret")
    assert list(export_records(reopened)) == expected
    assert reopened.key == key  # the same database key, re-wrapped: nothing re-encrypted
    reopened.close()
