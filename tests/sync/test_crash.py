"""Invariant 4: `sync import` of a large bundle killed with SIGKILL at random moments leaves
a database that opens, passes integrity_check and holds all of the bundle or none of it;
`sync export` killed leaves no half bundle under the real name."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.db.database import open_database
from app.services.records import import_records
from app.sync.bundle import read_header
from app.sync.exchange import APPLIED, export_bundle, import_bundle
from tests.sync.network import (
    DISTRICTS,
    LAPTOP_PASSWORD,
    PASSWORD,
    SETTLEMENTS,
    Network,
    build_network,
)

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = 2500  # 10,000 records: long enough an import to be hit in the middle
KILLS = 20


def _records(path: Path) -> None:
    import json

    with open(path, "w", encoding="utf-8") as out:
        for n in range(FAMILIES):
            family = f"0190d000-0000-7000-8000-{n:012d}"
            record = {
                "type": "family",
                "id": family,
                "settlement_id": SETTLEMENTS[0][0],
                "address": f"вул. Садова, {n}",
                "notes": "Ґ" * 40,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            for k in range(3):
                person = {
                    "type": "person",
                    "id": f"0190e000-0000-7000-{k + 8:04x}-{n:012d}",
                    "family_id": family,
                    "surname": "Їжак",
                    "given_name": f"Ім'я {k}",
                }
                out.write(json.dumps(person, ensure_ascii=False) + "\n")


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Network, Path, int]:
    folder = tmp_path_factory.mktemp("crash")
    network = build_network(folder / "net", {"L1": [DISTRICTS[0][0]]})
    _records(folder / "records.jsonl")
    laptop = network.open("L1", fast=True)
    import_records(laptop, folder / "records.jsonl")
    result = export_bundle(laptop, folder / "big.opora")
    laptop.close()
    return network, folder / "big.opora", result.changes


def _start(db: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "OPORA_PASSWORD": PASSWORD}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(db), *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _state(db: Path) -> tuple[int, int, int]:
    """(families, changes, import-log rows) after checking the file's integrity."""
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        return tuple(  # type: ignore[return-value]
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("families", "changes", "sync_imports")
        )
    finally:
        connection.close()


def test_import_killed_at_random_moments_is_all_or_nothing(
    big: tuple[Network, Path, int], tmp_path: Path
) -> None:
    network, bundle, changes = big
    pristine = network.path("centre")
    before = _state(pristine)

    # How long a whole run takes, so the kills spread over start-up, merge and commit.
    work = tmp_path / "centre.db"
    shutil.copyfile(pristine, work)
    started = time.perf_counter()
    assert _start(work, "sync", "import", str(bundle)).wait(timeout=120) == 0
    whole = time.perf_counter() - started
    after = _state(work)
    assert after == (before[0] + FAMILIES, before[1] + changes, before[2] + 1)

    rng = random.Random(20261122)
    outcomes = {"none": 0, "all": 0}
    for _ in range(KILLS):
        for suffix in ("", "-wal", "-shm"):
            Path(str(work) + suffix).unlink(missing_ok=True)
        shutil.copyfile(pristine, work)
        process = _start(work, "sync", "import", str(bundle))
        time.sleep(rng.uniform(0.3, 1.0) * whole)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        state = _state(work)
        assert state in (before, after), state
        outcomes["all" if state == after else "none"] += 1
        # The survivor opens through the core and can still take the bundle (or knows it).
        db = open_database(work, authenticate=False)
        try:
            assert import_bundle(db, bundle).status in (APPLIED, "already-applied")
        finally:
            db.close()
        assert _state(work) == after
    assert outcomes["none"] > 0, outcomes  # some kills did land before the commit


def test_export_killed_leaves_no_half_bundle(
    big: tuple[Network, Path, int], tmp_path: Path
) -> None:
    network, _, _ = big
    laptop = network.path("L1")
    rng = random.Random(7)
    for n in range(8):
        out = tmp_path / f"out-{n}.opora"
        env = {**os.environ, "OPORA_PASSWORD": LAPTOP_PASSWORD}
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "--db", str(laptop), "sync", "export", "--out", str(out)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.6))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if out.exists():  # then it is whole: prefix, header, signature and all the payload
            header = read_header(out)
            size = 13 + len(header.to_bytes()) + 64 + header.payload["size"]
            assert out.stat().st_size == size
    assert _state(laptop)[1] > 0
