"""A window open on the database keeps working while a command imports into it (issue 12.1):
its reads never wait, its saves wait their turn and succeed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from app.db.database import Database
from app.services.family_index import load_family_rows
from app.services.records import RecordService
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def test_reads_and_saves_of_an_open_window_during_a_command_import(
    plain_centre: Database, tmp_path: Path
) -> None:
    service = RecordService(plain_centre)
    district = service.save("district", None, {"name": "Округ"})
    settlement = service.save("settlement", None, {"name": "Село", "district_id": district})
    source = tmp_path / "many.jsonl"
    with open(source, "w", encoding="utf-8") as handle:
        for n in range(6000):
            family = str(uuid.uuid4())
            handle.write(json.dumps({"type": "family", "id": family, "settlement_id": settlement,
                                     "address": f"буд. {n}"}) + "\n")  # fmt: skip
    assert plain_centre.path is not None
    env = {**os.environ, "OPORA_PASSWORD": PASSWORD}
    importing = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(plain_centre.path), "records", "import",
         str(source)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    shm = Path(f"{plain_centre.path}-shm")
    slowest_read = 0.0
    saved: list[str] = []
    while importing.poll() is None:
        started = time.monotonic()
        rows = load_family_rows(plain_centre)  # the families list of the window
        slowest_read = max(slowest_read, time.monotonic() - started)
        assert len(rows) in (0, 1, 6000, 6001)  # whole snapshots, never half an import
        if shm.exists() and not saved:
            saved.append(service.save("family", None, {"settlement_id": settlement}))
        time.sleep(0.05)
    _, err = importing.communicate()
    assert importing.returncode == 0, err
    assert "Traceback" not in err
    assert saved, "the window saved nothing while the import ran"
    assert len(load_family_rows(plain_centre)) == 6001
    assert slowest_read < 5.0
