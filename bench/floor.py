"""Distance to the floor: Opora's bulk work against what SQLite itself can do, in one run.

A centre and an enrolled laptop (SQLCipher on) take `--families` families of 3 persons each
(4 records per family), once with random ids (UUIDv4) and once with ordered ids (UUIDv7):

- `records import` of the interchange file on the laptop,
- `sync export` of the laptop's bundle,
- the merge (`sync import` at the centre; in a subprocess, so its peak memory is its own),
- `records export` at the centre,

each timed in the process that does the work (net of start-up and of unlocking), against:

- the physical floor, measured just before and just after each step: raw `sqlite3` (and
  SQLCipher through `sqlcipher3`, the driver Opora uses) inserting the same record rows,
  every column as stored, into tables without indexes or constraints, in one transaction, WAL,
  `synchronous=FULL`, a 64 MiB page cache, the drivers as they come (Opora registers adapters
  that bind None and booleans without the drivers' slow adapter search; the floor does not
  get them, as the issue's raw inserts did not). The same SQLCipher floor with those
  adapters is reported beside it (`physical_sqlcipher_quick_binds`), and ratios to it;
- the schema floor `bench/sync.py` uses: the rows the merge wrote (records and their
  change-log rows) inserted by `executemany` into a copy of the centre as it was before the
  merge (Opora's schema, its indexes and foreign keys, SQLCipher).

    python bench/floor.py                      # 5,000 families (20,000 records): minutes
    python bench/floor.py --families 25000     # the issue's scale (100,000 records)
    python bench/floor.py --ids random         # one id order only

Every step runs `--rounds` times (5), each round beside the physical SQLCipher floor measured
just before and just after it, so each ratio is taken pair by pair (a shared host's speed
drifts by half between rounds, much less within one); the medians are reported, with the
range of the pairwise ratios. Each step reports wall seconds (`s`) and the CPU seconds of its
process (`cpu_s`), and its ratios to the floors. A warm-up round (not counted) gives the rows
the floors insert. Goals (issue 17): merge ≤ 4× the physical floor, `records import` ≤ 5×,
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
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
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


def _fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


@contextmanager
def driver_defaults(quick_binds: bool) -> Iterator[None]:
    """The drivers' adapters as they come (`quick_binds` False), or with those Opora
    registers on import (app/db/engines.py), for the time of one floor."""
    if quick_binds:
        yield
        return
    removed = {}
    for module in (sqlite3, sqlcipher3):
        for kind in (type(None), bool):
            key = (kind, module.PrepareProtocol)
            if key in module.adapters:
                removed[(module, key)] = module.adapters.pop(key)
    try:
        yield
    finally:
        for (module, key), adapter in removed.items():
            module.adapters[key] = adapter


def physical_floor(
    folder: Path, tables: dict[str, tuple], key: bytes | None, quick_binds: bool = False
) -> Timer:
    """Raw inserts of the record rows into bare tables (no index, no constraint)."""
    path = _fresh(folder / f"physical-{'cipher' if key else 'plain'}.db")
    connection = _connect(path, key)
    for table in RECORD_TABLES:
        columns, _ = tables[table]
        connection.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
    with driver_defaults(quick_binds):
        elapsed = _insert_all(connection, {t: tables[t] for t in RECORD_TABLES})
    connection.close()
    return elapsed


def schema_floor(folder: Path, before: Path, tables: dict[str, tuple], key: bytes) -> Timer:
    """Raw inserts of the rows the merge wrote (records and log) into the centre's schema."""
    copy = _fresh(folder / "schema-floor.db")
    shutil.copyfile(before, copy)
    connection = _connect(copy, key)
    connection.execute("PRAGMA foreign_keys=ON")
    with driver_defaults(quick_binds=False):
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


def _laptop_steps(
    network: Network, folder: Path, records: Path
) -> tuple[Timer, Timer, Any, list[str]]:
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
    return imported, exported, export, actors


def _merge(network: Network, folder: Path, changes: int) -> tuple[Timer, float]:
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
    assert merged["status"] == "applied" and merged["changes"] == changes, merged
    return Timer(merged["seconds"], merged["cpu"]), merged["peak_mb"]


def _records_export(network: Network, count: int) -> Timer:
    centre = network.open("centre")
    timer = Timer()
    with timer:
        lines = sum(1 for _ in export_records(centre))
    centre.close()
    assert lines >= count, (lines, count)
    return timer


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def run_order(base: Network, folder: Path, families: int, order: str, reps: int) -> dict[str, Any]:
    """`reps` rounds of every step, each beside the physical floor measured just before and
    just after it: a step's ratio is taken pair by pair (the machine's speed drifts between
    rounds on a shared host, less within one), and the median of the rounds is reported."""
    records = folder / "records.jsonl"
    folder.mkdir(parents=True, exist_ok=True)
    count = write_records(records, families, order)

    # A warm-up round, not counted: it gives the rows the floors insert, and the centre as
    # it was before the merge for the schema floor.
    warm = base.copy(folder / "warm-up")
    _, _, export, actors = _laptop_steps(warm, folder / "warm-up", records)
    before = folder / "centre-before.db"
    shutil.copyfile(warm.path("centre"), before)
    _merge(warm, folder / "warm-up", export.changes)
    centre = warm.open("centre")
    key = centre.key
    centre.close()
    assert key is not None, "the bench needs SQLCipher"
    tables = merged_rows(warm.path("centre"), key, actors)
    shutil.rmtree(folder / "warm-up")

    def floor() -> Timer:
        return physical_floor(folder, tables, key)

    steps: dict[str, list[tuple[Timer, Timer]]] = {
        "records_import": [],
        "sync_export": [],
        "merge": [],
        "records_export": [],
    }
    plain: list[Timer] = []
    quick: list[Timer] = []
    schema: list[Timer] = []
    peaks: list[float] = []
    for rep in range(reps):
        where = folder / f"round-{rep}"
        network = base.copy(where)
        first = floor()
        imported, exported, export, _ = _laptop_steps(network, where, records)
        second = floor()
        merge, peak = _merge(network, where, export.changes)
        third = floor()
        records_exported = _records_export(network, count)
        fourth = floor()
        plain.append(physical_floor(folder, tables, None))
        quick.append(physical_floor(folder, tables, key, quick_binds=True))
        schema.append(schema_floor(folder, before, tables, key))
        steps["records_import"].append((imported, _mean(first, second)))
        steps["sync_export"].append((exported, _mean(first, second)))
        steps["merge"].append((merge, _mean(second, third)))
        steps["records_export"].append((records_exported, _mean(third, fourth)))
        peaks.append(peak)
        shutil.rmtree(where)

    physical = [f for pairs in steps.values() for _, f in pairs]
    plain_wall = statistics.median(t.wall for t in plain)
    plain_cpu = statistics.median(t.cpu for t in plain)
    schema_wall = statistics.median(t.wall for t in schema)
    quick_wall = statistics.median(t.wall for t in quick)

    def ratios(pairs: list[tuple[Timer, Timer]]) -> dict[str, Any]:
        wall = [t.wall / f.wall for t, f in pairs]
        cpu = [t.cpu / f.cpu for t, f in pairs]
        seconds = statistics.median(t.wall for t, _ in pairs)
        return {
            "s": _median([t.wall for t, _ in pairs]),
            "cpu_s": _median([t.cpu for t, _ in pairs]),
            "over_physical_sqlcipher": _median(wall),
            "over_physical_sqlcipher_range": [round(min(wall), 2), round(max(wall), 2)],
            "cpu_over_physical_sqlcipher": _median(cpu),
            "over_physical_sqlcipher_quick_binds": round(seconds / quick_wall, 2),
            "over_physical_sqlite": round(seconds / plain_wall, 2),
            "over_schema_floor": round(seconds / schema_wall, 2),
            "cpu_over_physical_sqlite": round(
                statistics.median(t.cpu for t, _ in pairs) / plain_cpu, 2
            ),
        }

    export_goal = 2.0 * count / 100_000
    report: dict[str, Any] = {
        "ids": order,
        "records": count,
        "changes": export.changes,
        "rounds": reps,
        "floors_s": {
            "physical_sqlite": round(plain_wall, 3),
            "physical_sqlcipher": _median([f.wall for f in physical]),
            "physical_sqlcipher_range": [
                round(min(f.wall for f in physical), 3),
                round(max(f.wall for f in physical), 3),
            ],
            "physical_sqlcipher_quick_binds": round(quick_wall, 3),
            "schema_sqlcipher": round(schema_wall, 3),
        },
        "floors_cpu_s": {
            "physical_sqlite": round(plain_cpu, 3),
            "physical_sqlcipher": _median([f.cpu for f in physical]),
            "schema_sqlcipher": _median([t.cpu for t in schema]),
        },
        **{name: ratios(pairs) for name, pairs in steps.items()},
        "merge_peak_mb": round(max(peaks), 1),
    }
    report["records_export"]["lines"] = count
    export_seconds = report["records_export"]["s"]
    report["ok"] = {
        "merge_le_4x": report["merge"]["over_physical_sqlcipher"] <= 4,
        "records_import_le_5x": report["records_import"]["over_physical_sqlcipher"] <= 5,
        "records_export_le_2s_per_100k": export_seconds <= export_goal,
        "merge_peak_le_400mb": report["merge_peak_mb"] <= 400,
    }
    return report


def _mean(a: Timer, b: Timer) -> Timer:
    return Timer((a.wall + b.wall) / 2, (a.cpu + b.cpu) / 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--families", type=int, default=5_000)
    parser.add_argument("--ids", choices=("random", "ordered", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of every step (median)")
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
        runs = [run_order(base, top / order, args.families, order, args.rounds) for order in orders]
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
