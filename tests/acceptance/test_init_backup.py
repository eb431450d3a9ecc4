"""`init centre`, authentication (exit 4), `backup` / `restore`, `--json` on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.acceptance.conftest import (
    CYRILLIC,
    canonical_export,
    export_lines,
    opora,
    opora_many,
    sample_records,
    uid,
    ukrainian,
    write_lines,
)

SQLITE_HEADER = b"SQLite format 3\x00"


# Backups, restores and keyrings are what only a database file has: these tests use files.
@pytest.fixture
def centre(sqlite_centre: Path) -> Path:
    return sqlite_centre


@pytest.fixture
def sample_db(sqlite_sample_db: Path) -> Path:
    return sqlite_sample_db


def test_encrypted_centre_lifecycle(tmp_path: Path) -> None:
    db = tmp_path / "центр.db"
    made = opora("--json", "init", "centre", "--name", "ЦНСП «Опора»", "--admin", "admin", db=db)
    assert made.code == 0, str(made)
    assert isinstance(made.json(), dict)
    assert db.exists() and not db.read_bytes().startswith(SQLITE_HEADER)

    source = write_lines(tmp_path / "s.jsonl", sample_records())
    extra = write_lines(tmp_path / "x.jsonl", [{"type": "district", "id": uid("x"), "name": "X"}])
    again, imported = opora_many(
        [
            (("init", "centre", "--name", "Інший", "--admin", "other"), {"db": db}),
            (("records", "import", source), {"db": db}),
        ]
    )
    assert again.code == 2, str(again)
    assert imported.code == 0, str(imported)
    expected = canonical_export(sample_records())

    backup = tmp_path / "copy" / "backup.db"
    backup.parent.mkdir()
    wrong, exported, backed_up, wrong_user = opora_many(
        [
            (("records", "import", extra), {"db": db, "password": "not-the-password"}),
            (("records", "export"), {"db": db}),
            (("backup", "--out", backup), {"db": db}),
            (("records", "export"), {"db": db, "user": "nobody"}),
        ]
    )
    assert wrong.code == 4, str(wrong)
    assert ukrainian(wrong.err), wrong.err
    assert wrong_user.code == 4, str(wrong_user)
    assert exported.code == 0 and exported.out.splitlines() == expected
    assert backed_up.code == 0, str(backed_up)
    assert backup.exists() and not backup.read_bytes().startswith(SQLITE_HEADER)

    assert opora("records", "import", extra, db=db).code == 0
    bad_restore = opora("restore", backup, db=db, password="not-the-password", lang="en")
    assert bad_restore.code == 4, str(bad_restore)
    assert not CYRILLIC.search(bad_restore.err), bad_restore.err
    assert len(export_lines(db)) == len(expected) + 1
    restored = opora("restore", backup, db=db)
    assert restored.code == 0, str(restored)
    assert export_lines(db) == expected


def test_plain_backup_and_restore_to_a_new_file(sample_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.db"
    result = opora("--json", "backup", "--out", backup, db=sample_db)
    assert result.code == 0, str(result)
    assert isinstance(result.json(), dict)
    assert backup.read_bytes().startswith(SQLITE_HEADER)
    fresh = tmp_path / "restored.db"
    restored, junk = opora_many(
        [
            (("restore", backup), {"db": fresh}),
            (("restore", write_lines(tmp_path / "junk.db", ["not a database"])), {"db": sample_db}),
        ]
    )
    assert restored.code == 0, str(restored)
    assert junk.code in (1, 2), str(junk)
    both = opora_many(
        [(("records", "export"), {"db": fresh}), (("records", "export"), {"db": sample_db})]
    )
    for result in both:
        assert result.out.splitlines() == canonical_export(sample_records()), str(result)


def test_plain_centre_wrong_password_and_missing_database(centre: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    absent, wrong, empty, by_url = opora_many(
        [
            (("records", "export"), {"db": missing}),
            (("records", "export"), {"db": centre, "password": "wrong"}),
            (("--json", "records", "export"), {"db": centre}),
            (("records", "export"), {"db": f"sqlite:///{centre}"}),
        ]
    )
    assert by_url.code == 0 and by_url.out.strip() == "", str(by_url)
    assert centre.read_bytes().startswith(SQLITE_HEADER)
    assert absent.code != 0 and not missing.exists(), str(absent)
    assert wrong.code == 4 and wrong.out == "", str(wrong)
    assert ukrainian(wrong.err), wrong.err
    assert empty.code == 0 and empty.out.strip() == "", str(empty)


def test_usage_errors_are_in_ukrainian_by_default(sample_db: Path) -> None:
    no_to, no_command = opora_many(
        [
            (
                ("report", "summary", "--from", "2024-01-01", "--format", "json", "--out", "-"),
                {"db": sample_db},
            ),
            (("records", "import"), {"db": sample_db}),
        ]
    )
    assert no_to.code == 2 and no_command.code == 2
    assert ukrainian(no_to.err), no_to.err
    assert ukrainian(no_command.err), no_command.err


def test_an_output_into_a_missing_folder_is_invalid_input(sample_db: Path, tmp_path: Path) -> None:
    """`--out` into a folder that does not exist was «an unexpected error (FileNotFoundError)»,
    exit 1, logged as a bug: it is the user's path, so exit 2 naming it; nothing is written."""
    missing = tmp_path / "no-such-folder"
    export, report, backup = opora_many(
        [
            (("records", "export", "--out", missing / "x.jsonl"), {"db": sample_db}),
            (
                ("report", "family", "--family", uid("family:1"), "--out", missing / "f.pdf"),
                {"db": sample_db},
            ),
            (("backup", "--out", missing / "b.db"), {"db": sample_db}),
        ]
    )
    for done in (export, report, backup):
        assert done.code == 2, str(done)
        assert str(missing) in done.err and ukrainian(done.err), done.err
        assert "FileNotFoundError" not in done.err
    assert not missing.exists()
