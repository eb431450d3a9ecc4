"""`restore` while another program writes (issue 12.2): the database is taken exclusively
or the restore is refused; work a command reported done is never swapped away."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.acceptance.bulk import families, families_file
from tests.acceptance.conftest import (
    PASSWORD,
    ROOT,
    _env,
    by_id,
    command,
    export_lines,
    opora,
    sample_records,
    write_lines,
)


def test_restore_is_refused_while_a_window_has_the_database_open(
    sqlite_sample_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.db"
    assert opora("backup", "--out", backup, db=sqlite_sample_db).code == 0
    assert (
        opora("records", "import", families_file(tmp_path, "after", 3), db=sqlite_sample_db).code
        == 0
    )
    after_backup = export_lines(sqlite_sample_db)
    window = sqlite3.connect(sqlite_sample_db)  # another program with the file open, idle
    window.execute("PRAGMA journal_mode=WAL")
    window.execute("SELECT count(*) FROM families").fetchall()
    refused = opora("restore", backup, db=sqlite_sample_db)
    assert refused.code == 1, str(refused)
    assert "користується інша програма" in refused.err, refused.err
    assert window.execute("SELECT count(*) FROM families").fetchone()[0] > 0
    window.close()
    assert export_lines(sqlite_sample_db) == after_backup
    assert opora("restore", backup, db=sqlite_sample_db).code == 0
    assert export_lines(sqlite_sample_db) != after_backup


@pytest.mark.slow
def test_restore_during_an_import_never_loses_the_import(
    sqlite_sample_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.db"
    assert opora("backup", "--out", backup, db=sqlite_sample_db).code == 0
    at_backup = export_lines(sqlite_sample_db)
    source = families_file(tmp_path, "during", 12000)
    importing = subprocess.Popen(
        command("records", "import", source, db=sqlite_sample_db),
        env=_env(PASSWORD, None, None),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    shm = Path(f"{sqlite_sample_db}-shm")
    deadline = time.monotonic() + 60
    while not shm.exists() and importing.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    restored = opora("restore", backup, db=sqlite_sample_db)
    _, err = importing.communicate(timeout=180)
    assert importing.returncode == 0, err
    # The import signs in (and checks its role) before it reads its file and writes: a restore
    # that lands in that moment takes the database, and the import then writes on the
    # restored one. Either way the import's acknowledged work is never lost.
    assert restored.code in (0, 1), str(restored)
    assert len(restored.err.strip().splitlines()) == 1, restored.err
    if restored.code == 1:
        assert "користується інша програма" in restored.err, restored.err
    if restored.code == 0:
        # the import had finished (and let go of the file) before the restore started: the
        # backup is back exactly, never a mix of the two
        assert export_lines(sqlite_sample_db) == at_backup
        return
    records = by_id(json.loads(line) for line in export_lines(sqlite_sample_db))
    assert all(r["id"] in records for r in families("during", 12000))

    # Nothing else has it open now: the restore takes it, in place, and the backup is back.
    again = opora("restore", backup, db=sqlite_sample_db)
    assert again.code == 0, str(again)
    assert export_lines(sqlite_sample_db) == at_backup
    assert not list(tmp_path.glob(".*restore*")) and not list(
        sqlite_sample_db.parent.glob(".*restore*")
    )


def test_restore_in_place_of_an_encrypted_database(tmp_path: Path) -> None:
    db = tmp_path / "centre.db"
    assert opora("init", "centre", "--name", "ЦНСП", "--admin", "admin", db=db).code == 0
    sample = write_lines(tmp_path / "s.jsonl", sample_records())
    assert opora("records", "import", sample, db=db).code == 0
    expected = export_lines(db)
    assert opora("backup", "--out", tmp_path / "b.db", db=db).code == 0
    assert opora("records", "import", families_file(tmp_path, "later", 5), db=db).code == 0
    restored = opora("restore", tmp_path / "b.db", db=db)
    assert restored.code == 0, str(restored)
    assert export_lines(db) == expected
