"""A full disk (issue 12.3): every command that writes fails with one line, leaves no file
behind and changes nothing.

The disk is made «full» by a file-size limit (RLIMIT_FSIZE) on the command's process, so the
test needs no mount: a write past the limit fails with EFBIG, as on a full disk.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.bulk import families_file, laptop_bundles
from tests.acceptance.conftest import (
    FIELD_PASSWORD,
    PASSWORD,
    ROOT,
    _env,
    command,
    copy_db,
    opora,
    uid,
    ukrainian,
)

KB = 1024
pytestmark = pytest.mark.slow  # builds a few thousand records and a laptop once (~1 min)


@dataclass
class Place:
    """A folder holding a centre database with a few thousand records, an enrolled laptop
    with its bundle, a backup and an enrollment file."""

    folder: Path

    @property
    def centre(self) -> Path:
        return self.folder / "centre.db"


@pytest.fixture(scope="module")
def place_template(tmp_path_factory: pytest.TempPathFactory, sqlite_sample_template: Path) -> Place:
    """A full disk is a file's matter: the SQLite centre only."""
    folder = tmp_path_factory.mktemp("full-disk")
    place = Place(folder)
    copy_db(sqlite_sample_template, place.centre)
    work = folder / "work"
    work.mkdir()
    bundles = laptop_bundles(place.centre, work, ["L1"], 1500)
    shutil.move(bundles[0], folder / "laptop.opora")
    big = families_file(work, "centre", 2500)
    assert opora("records", "import", big, db=place.centre).code == 0
    shutil.move(families_file(work, "more", 1500), folder / "more.jsonl")
    assert opora("backup", "--out", folder / "backup.db", db=place.centre).code == 0
    enrolled = opora(
        "devices", "enroll", "--name", "L9", "--district", "Морозівський", "--login", "u9",
        "--out", folder / "l9.enroll", db=place.centre, env={"OPORA_NEW_PASSWORD": FIELD_PASSWORD},
    )  # fmt: skip
    assert enrolled.code == 0, str(enrolled)
    shutil.rmtree(work)
    return place


@pytest.fixture
def place(place_template: Place, tmp_path: Path) -> Place:
    shutil.copytree(place_template.folder, tmp_path / "place")
    return Place(tmp_path / "place")


def state(db: Path) -> int:
    """A digest of every row of every table of a plain database file."""
    connection = sqlite3.connect(db)
    try:
        tables = [
            t
            for (t,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return hash(
            tuple(tuple(connection.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in tables)
        )
    finally:
        connection.close()


def files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


# (name, arguments given the place, file-size limit, extra options of `opora`)
COMMANDS: list[tuple[str, Any, int, dict[str, Any]]] = [
    ("records import", lambda p: ("records", "import", p.folder / "more.jsonl"), 64 * KB, {}),
    ("sync import", lambda p: ("sync", "import", p.folder / "laptop.opora"), 64 * KB, {}),
    ("backup", lambda p: ("backup", "--out", p.folder / "copy.db"), 256 * KB, {}),
    ("restore", lambda p: ("restore", p.folder / "backup.db"), 256 * KB, {}),
    ("records export", lambda p: ("records", "export", "--out", p.folder / "x.jsonl"), 64 * KB, {}),
    ("sync export", lambda p: ("sync", "export", "--for", "L1", "--out", p.folder / "b.opora"),
     40 * KB, {}),
    ("report family", lambda p: ("report", "family", "--family", uid("family:1"), "--out",
                                 p.folder / "f.pdf"), 40 * KB, {}),
    ("report summary", lambda p: ("report", "summary", "--from", "2024-01-01", "--to",
                                  "2024-12-31", "--format", "pdf", "--out", p.folder / "s.pdf"),
     40 * KB, {}),
    ("devices enroll", lambda p: ("devices", "enroll", "--name", "L5", "--district",
                                  "Морозівський", "--login", "u5", "--out", p.folder / "l5.enroll"),
     40 * KB, {"env": {"OPORA_NEW_PASSWORD": FIELD_PASSWORD}}),
    ("init field", lambda p: ("init", "field", "--enroll", p.folder / "l9.enroll",
                              "--no-encryption"), 64 * KB,
     {"db": "new-laptop.db", "password": FIELD_PASSWORD}),
    ("init centre", lambda p: ("init", "centre", "--name", "Новий центр", "--admin", "admin"),
     64 * KB, {"db": "new-centre.db"}),
]  # fmt: skip


@pytest.mark.parametrize(
    "name, arguments, limit, options", COMMANDS, ids=[command[0] for command in COMMANDS]
)
def test_a_full_disk_fails_cleanly(
    place: Place, name: str, arguments: Any, limit: int, options: dict[str, Any]
) -> None:
    options = dict(options)
    db = place.folder / options.pop("db") if "db" in options else place.centre
    before_files, before_state = files(place.folder), state(place.centre)
    result = opora(*arguments(place), db=db, file_size_limit=limit, **options)
    assert result.code != 0, str(result)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, str(result)
    assert ukrainian(result.err), str(result)
    assert files(place.folder) == before_files, str(result)
    assert state(place.centre) == before_state, str(result)
    again = opora(*arguments(place), db=db, **options)  # room again: the same command works
    assert again.code == 0, str(again)


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs a user mount namespace (unshare -rm)")
def test_a_really_full_3_mb_disk(sqlite_sample_db: Path, tmp_path: Path) -> None:
    """The same on a real 3 MB tmpfs (ENOSPC rather than EFBIG), mounted in a private mount
    namespace for the length of the commands, filled but for about 100 KB."""
    disk, out, small = tmp_path / "disk", tmp_path / "out", tmp_path / "small"
    disk.mkdir()
    out.mkdir()
    small.mkdir()
    more = families_file(tmp_path, "tmpfs", 1000)

    def run_on(db: Path, name: str, *arguments: Any) -> str:
        argv = " ".join(f"'{a}'" for a in command(*arguments, db=db))
        return f"{argv} > '{out}/{name}.out' 2> '{out}/{name}.err'; echo $? > '{out}/{name}.rc'"

    def run(name: str, *arguments: Any) -> str:
        return run_on(disk / "centre.db", name, *arguments)

    free = 100 * KB
    script = "; ".join(
        [
            f"mount -t tmpfs -o size=3m tmpfs '{disk}' || exit 9",
            f"cp '{sqlite_sample_db}' '{disk}/centre.db'",
            f"head -c $(( $(df -B1 --output=avail '{disk}' | tail -1) - {free} )) /dev/zero"
            f" > '{disk}/filler'",
            run("before", "records", "export"),
            run("import", "records", "import", more),
            run("backup", "backup", "--out", disk / "copy.db"),
            run("after", "records", "export"),
            f"ls -A '{disk}' > '{out}/listing'",
            # a report onto a 64 KB stick with no room left (the database has room)
            f"mount -t tmpfs -o size=64k tmpfs '{small}' || exit 9",
            f"cp '{sqlite_sample_db}' '{tmp_path}/beside.db'",
            f"head -c $(df -B1 --output=avail '{small}' | tail -1) /dev/zero > '{small}/filler'",
            run_on(
                tmp_path / "beside.db",
                "xlsx",
                "report",
                "summary",
                "--from",
                "2024-01-01",
                "--to",
                "2024-12-31",
                "--format",
                "xlsx",
                "--out",
                small / "s.xlsx",
            ),
            f"ls -A '{small}' > '{out}/small-listing'",
        ]
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        env=_env(PASSWORD, None, None), cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    read = {p.name: p.read_text("utf-8") for p in out.iterdir()}
    assert read["before.rc"].strip() == "0" and read["after.rc"].strip() == "0", read
    for name in ("import", "backup", "xlsx"):
        assert read[f"{name}.rc"].strip() == "1", (name, read[f"{name}.rc"], read[f"{name}.err"])
        err = read[f"{name}.err"]
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert "диск" in err, err
    assert read["after.out"] == read["before.out"] and read["before.out"]
    assert sorted(read["listing"].split()) == ["centre.db", "filler"], read["listing"]
    assert read["small-listing"].split() == ["filler"], read["small-listing"]
