"""Every file Opora writes is readable by its owner only (0600 on POSIX)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.acceptance.conftest import (
    FIELD_PASSWORD,
    PASSWORD,
    opora,
    sample_records,
    uid,
    write_lines,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_every_file_written_by_the_commands_is_private(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    centre = work / "centre.db"
    laptop = work / "laptop.db"
    source = write_lines(tmp_path / "in.jsonl", sample_records())  # the user's own file
    steps = [
        (("init", "centre", "--name", "ЦНСП", "--admin", "admin"), {"db": centre}),
        (("records", "import", source), {"db": centre}),
        (("records", "export", "--out", work / "export.jsonl"), {"db": centre}),
        (("backup", "--out", work / "backup.db"), {"db": centre}),
        (
            ("report", "family", "--family", uid("family:1"), "--out", work / "f.pdf"),
            {"db": centre},
        ),
        (
            (
                "report",
                "summary",
                "--from",
                "2024-01-01",
                "--to",
                "2024-12-31",
                "--format",
                "xlsx",
                "--out",
                work / "s.xlsx",
            ),
            {"db": centre},
        ),
        (
            (
                "devices",
                "enroll",
                "--name",
                "L1",
                "--district",
                "Морозівський",
                "--login",
                "olena",
                "--out",
                work / "l1.enroll",
            ),
            {"db": centre, "env": {"OPORA_NEW_PASSWORD": FIELD_PASSWORD}},
        ),
        (
            ("init", "field", "--enroll", work / "l1.enroll"),
            {"db": laptop, "password": FIELD_PASSWORD},
        ),
        (
            ("sync", "export", "--out", work / "up.opora"),
            {"db": laptop, "password": FIELD_PASSWORD},
        ),
        (("sync", "import", work / "up.opora"), {"db": centre}),
        (("sync", "export", "--for", "L1", "--out", work / "down.opora"), {"db": centre}),
        (("records", "export"), {"db": laptop, "password": "wrong password!"}),
    ]
    for args, kwargs in steps:
        kwargs.setdefault("password", PASSWORD)
        done = opora(*args, **kwargs)
        assert done.code in (0, 4), str(done)
    written = [p for p in work.rglob("*") if p.is_file()]
    names = {p.name for p in written}
    assert {
        "centre.db",
        "centre.db.keys",
        "backup.db",
        "export.jsonl",
        "f.pdf",
        "s.xlsx",
        "l1.enroll",
        "laptop.db",
        "up.opora",
        "down.opora",
    } <= names, names
    assert "laptop.db.auth-failures" in names  # the failed sign-in, noted for the trail
    loose = {
        p.name: oct(stat.S_IMODE(p.stat().st_mode))
        for p in written
        if stat.S_IMODE(p.stat().st_mode) & 0o077
    }
    assert loose == {}
