"""Distance to the floor: Opora's bulk work against what SQLite itself can do, in one run.

A centre and an enrolled laptop (SQLCipher on) take `--families` families of 3 persons each
(4 records per family), once with random ids (UUIDv4) and once with ordered ids (UUIDv7):

- `records import` of the interchange file on the laptop,
- `sync export` of the laptop's bundle,
- the merge (`sync import` at the centre; in a subprocess, so its peak memory is its own),
- `records export` at the centre,

each timed in the process that does the work (net of start-up and of unlocking), against:

- the physical floor (the least of three runs): raw `sqlite3` (and SQLCipher through
  `sqlcipher3`, the driver Opora uses) inserting the same record rows, every column as
  stored, into tables without indexes or constraints, in one transaction, WAL,
  `synchronous=FULL`, a 64 MiB page cache;
- the schema floor `bench/sync.py` uses: the rows the merge wrote (records and their
  change-log rows) inserted by `executemany` into a copy of the centre as it was before the
  merge (Opora's schema, its indexes and foreign keys, SQLCipher).

    python bench/floor.py                      # 5,000 families (20,000 records): minutes
    python bench/floor.py --families 25000     # the issue's scale (100,000 records)
    python bench/floor.py --ids random         # one id order only

Each step reports wall seconds (`s`) and the CPU seconds of its process (`cpu_s`), with
ratios of both to the floors (wall and CPU, best of three): on a busy machine the CPU ratios
are the steadier ones. Goals (issue 17): merge ≤ 4× the physical floor, `records import` ≤ 5×,
`records export` of 100,000 records ≤ 2 s (scaled linearly below that size), merge peak
memory ≤ 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402

from app.db.actors import own_actors  # noqa: E402
from app.db.database import open_database, self_device_id  # noqa: E402
from app.services.records import export_records, import_records  # noqa: E402
from app.sync.exchange import export_bundle, import_bundle  # noqa: E402
from tests.sync.network import (  # noqa: E402
    ALL,
    PASSWORD,
    SETTLEMENTS,
    Network,
    build_network,
)

RECORD_TABLES = ("families", "persons")
GIVEN = (("Олена", "mother", "1988-04-12"), ("Ігор", "child", "2015-09-01"))
GIVEN += (("Ґанна", "child", "2018-02-20"),)


def id_maker(order: str, seed: int = 17):
    """Ids in the requested order: random UUIDv4, or UUIDv7 with rising time stamps."""
    rnd = random.Random(seed)
    millis = 1_767_225_600_000  # 2026-01-01

    def random_id() -> str:
        return str(uuid.UUID(int=rnd.getrandbits(128), version=4))

    def ordered_id() -> str:
        nonlocal millis
        millis += 1
        value = millis << 80 | 0x7 << 76 | rnd.getrandbits(12) << 64
        value |= 0b10 << 62 | rnd.getrandbits(62)
        return str(uuid.UUID(int=value))

    return random_id if order == "random" else ordered_id


def write_records(path: Path, families: int, order: str) -> int:
    """The laptop's work as interchange lines: families, each with three persons."""
    new_id = id_maker(order)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for n in range(families):
            family = new_id()
            record = {
                "type": "family",
                "id": family,
                "settlement_id": SETTLEMENTS[n % len(SETTLEMENTS)][0],
                "address": f"вул. Шевченка, {n}",
                "phone": f"+38050{n % 10_000_000:07d}",
                "categories": ["idp", "large_family"],
                "factors": ["low_income"],
                "on_record_from": "2025-01-15",
                "specialist": "Єва Іванюк",
                "notes": "Сім'я переселенців",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            for k, (given, relation, born) in enumerate(GIVEN):
                person = {
                    "type": "person",
                    "id": new_id(),
                    "family_id": family,
                    "surname": "Мар'яненко",
                    "given_name": given,
                    "patronymic": "Петрівна" if k == 0 else "Іванович",
                    "sex": "F" if k != 1 else "M",
                    "birth_date": born,
                    "relation": relation,
                    "disability": False,
                }
                out.write(json.dumps(person, ensure_ascii=False) + "\n")
            count += 4
    return count


class Timer:
    """Wall and CPU seconds of a block (`with timer:`)."""

    def __init__(self, wall: float = 0.0, cpu: float = 0.0) -> None:
        self.wall, self.cpu = wall, cpu

    def __enter__(self) -> Timer:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: Any) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu


def _connect(path: Path, key: bytes | None) -> Any:
    module: Any = sqlcipher3 if key is not None else sqlite3
    connection = module.connect(str(path), isolation_level=None)
    if key is not None:
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    return connection


def _insert_all(connection: Any, tables: dict[str, tuple[list[str], list[tuple]]]) -> Timer:
    connection.execute("PRAGMA cache_size=-64000")  # the cache Opora's bulk work uses
    with Timer() as timer:
        connection.execute("BEGIN")
        for table, (columns, rows) in tables.items():
            marks = ", ".join("?" * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            connection.executemany(sql, rows)
        connection.execute("COMMIT")
    return timer


def merged_rows(centre: Path, key: bytes, laptop_actors: list[str]) -> dict[str, tuple]:
    """The rows the merge wrote at the centre: records, and the change-log rows."""
    source = _connect(centre, key)
    marks = ", ".join("?" * len(laptop_actors))
    tables: dict[str, tuple[list[str], list[tuple]]] = {}
    for table, where in (
        ("families", ""),
        ("persons", ""),
        ("changes", f"WHERE origin IN ({marks})"),
    ):
        cursor = source.execute(
            f"SELECT * FROM {table} {where}", laptop_actors if "?" in where else ()
        )
        tables[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    source.close()
    return tables


def best_of(times: int, measure: Any, *args: Any) -> Timer:
    """The least of `times` measurements (wall and CPU each): a floor is what the machine
    can do at best."""
    runs = [measure(*args) for _ in range(times)]
    return Timer(min(r.wall for r in runs), min(r.cpu for r in runs))


def _fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def physical_floor(folder: Path, tables: dict[str, tuple], key: bytes | None) -> Timer:
    """Raw inserts of the record rows into bare tables (no index, no constraint)."""
    path = _fresh(folder / f"physical-{'cipher' if key else 'plain'}.db")
    connection = _connect(path, key)
    for table in RECORD_TABLES:
        columns, _ = tables[table]
        connection.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
    elapsed = _insert_all(connection, {t: tables[t] for t in RECORD_TABLES})
    connection.close()
    return elapsed


def schema_floor(folder: Path, before: Path, tables: dict[str, tuple], key: bytes) -> Timer:
    """Raw inserts of the rows the merge wrote (records and log) into the centre's schema."""
    copy = _fresh(folder / "schema-floor.db")
    shutil.copyfile(before, copy)
    connection = _connect(copy, key)
    connection.execute("PRAGMA foreign_keys=ON")
    elapsed = _insert_all(connection, tables)
    connection.close()
    return elapsed


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM: not inherited through fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def merge_child(database: str, bundle: str) -> None:
    """In the subprocess: unlock the centre, merge the bundle; seconds and peak memory."""
    db = open_database(database, login="admin", password=PASSWORD)
    started, cpu = time.perf_counter(), time.process_time()
    result = import_bundle(db, bundle)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.close()
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "cpu": cpu,
                "peak_mb": peak_rss_mb(),
                "status": result.status,
                "changes": result.changes,
                "error": result.error,
            }
        )
    )


def run_order(base: Network, folder: Path, families: int, order: str) -> dict[str, Any]:
    network = base.copy(folder)
    records = folder / "records.jsonl"
    count = write_records(records, families, order)

    laptop = network.open("L1")
    imported = Timer()
    with imported:
        import_records(laptop, records)
    exported = Timer()
    with exported:
        export = export_bundle(laptop, folder / "l1.opora")
    with laptop.reading() as session:
        actors = own_actors(session, self_device_id(session))
    laptop.close()

    before = folder / "centre-before.db"
    shutil.copyfile(network.path("centre"), before)
    child = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            str(network.path("centre")),
            str(folder / "l1.opora"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if child.returncode != 0:
        raise SystemExit(child.stderr)
    merged = json.loads(child.stdout.strip().splitlines()[-1])
    assert merged["status"] == "applied" and merged["changes"] == export.changes, merged

    centre = network.open("centre")
    key = centre.key
    assert key is not None, "the bench needs SQLCipher"
    records_exported = Timer()
    with records_exported:
        lines = sum(1 for _ in export_records(centre))
    centre.close()
    assert lines >= count, (lines, count)

    tables = merged_rows(network.path("centre"), key, actors)
    physical_plain = best_of(3, physical_floor, folder, tables, None)
    physical_cipher = best_of(3, physical_floor, folder, tables, key)
    schema = best_of(3, schema_floor, folder, before, tables, key)

    def ratios(timer: Timer) -> dict[str, float]:
        seconds = timer.wall
        return {
            "s": round(seconds, 3),
            "cpu_s": round(timer.cpu, 3),
            "over_physical_sqlcipher": round(seconds / physical_cipher.wall, 2),
            "over_physical_sqlite": round(seconds / physical_plain.wall, 2),
            "over_schema_floor": round(seconds / schema.wall, 2),
            "cpu_over_physical_sqlcipher": round(timer.cpu / physical_cipher.cpu, 2),
            "cpu_over_physical_sqlite": round(timer.cpu / physical_plain.cpu, 2),
        }

    merge = Timer(merged["seconds"], merged["cpu"])
    export_goal = 2.0 * lines / 100_000
    report = {
        "ids": order,
        "records": count,
        "changes": export.changes,
        "floors_s": {
            "physical_sqlite": round(physical_plain.wall, 3),
            "physical_sqlcipher": round(physical_cipher.wall, 3),
            "schema_sqlcipher": round(schema.wall, 3),
        },
        "floors_cpu_s": {
            "physical_sqlite": round(physical_plain.cpu, 3),
            "physical_sqlcipher": round(physical_cipher.cpu, 3),
            "schema_sqlcipher": round(schema.cpu, 3),
        },
        "records_import": ratios(imported),
        "sync_export": ratios(exported),
        "merge": ratios(merge),
        "records_export": {**ratios(records_exported), "lines": lines},
        "merge_peak_mb": round(merged["peak_mb"], 1),
    }
    merge_ratio = report["merge"]["over_physical_sqlcipher"]
    import_ratio = report["records_import"]["over_physical_sqlcipher"]
    report["ok"] = {
        "merge_le_4x": merge_ratio <= 4,
        "records_import_le_5x": import_ratio <= 5,
        "records_export_le_2s_per_100k": records_exported.wall <= export_goal,
        "merge_peak_le_400mb": merged["peak_mb"] <= 400,
    }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--families", type=int, default=5_000)
    parser.add_argument("--ids", choices=("random", "ordered", "both"), default="both")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "floor.json"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        merge_child(*args.child)
        return 0

    orders = ("random", "ordered") if args.ids == "both" else (args.ids,)
    top = Path(tempfile.mkdtemp(prefix="opora-floor-"))
    try:
        base = build_network(top / "base", {"L1": ALL}, encrypted=True)
        runs = [run_order(base, top / order, args.families, order) for order in orders]
    finally:
        shutil.rmtree(top, ignore_errors=True)
    report = {
        "families": args.families,
        "cpu_count": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "runs": runs,
        "ratios": "seconds / floor; the goals use over_physical_sqlcipher (same driver)",
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0 if all(all(r["ok"].values()) for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
