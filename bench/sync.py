"""Sync benchmark: 100,000 records (25,000 families of 3 persons) exported by a laptop and
merged at the centre, against raw sqlite3 inserting the same rows in one transaction.

    python bench/sync.py [--families 25000] [--out bench/out/sync.json]

The merge runs in a subprocess so its peak memory (ru_maxrss) is its own. Goal: merge time
≤ 4× the raw-insert floor, peak memory of the importing process ≤ 400 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.db.database import open_database  # noqa: E402
from app.services.records import import_records  # noqa: E402
from app.sync.exchange import export_bundle, import_bundle  # noqa: E402
from tests.sync.network import DISTRICTS, SETTLEMENTS, build_network  # noqa: E402


def write_records(path: Path, families: int) -> int:
    """The laptop's work as interchange lines: families, each with three persons."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for n in range(families):
            family = f"0190b000-0000-7000-8000-{n:012d}"
            settlement = SETTLEMENTS[n % len(SETTLEMENTS)][0]
            record = {
                "type": "family",
                "id": family,
                "settlement_id": settlement,
                "address": f"вул. Шевченка, {n}",
                "phone": "+380501234567",
                "categories": ["idp", "large_family"],
                "factors": ["low_income"],
                "on_record_from": "2025-01-15",
                "specialist": "Єва Іванюк",
                "notes": "Сім'я переселенців",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            for k, (given, relation, born) in enumerate(
                (
                    ("Олена", "mother", "1988-04-12"),
                    ("Ігор", "child", "2015-09-01"),
                    ("Ґанна", "child", "2018-02-20"),
                )
            ):
                person = {
                    "type": "person",
                    "id": f"0190c000-0000-7000-{k + 8:04x}-{n:012d}",
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


def _timed_inserts(database: Path, tables: dict[str, tuple[list[str], list[tuple]]]) -> float:
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    started = time.perf_counter()
    connection.execute("BEGIN")
    for table, (columns, rows) in tables.items():
        marks = ", ".join("?" * len(columns))
        connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def raw_floors(before: Path, merged: Path, laptop_id: str) -> dict[str, float]:
    """Seconds for plain sqlite3 to insert, in one transaction into a copy of the centre as
    it was before the merge, exactly the rows the merge wrote: the records alone, and the
    records with their change-log rows (which every merge must also keep)."""
    source = sqlite3.connect(merged)
    tables: dict[str, tuple[list[str], list[tuple]]] = {}
    for table, where in (
        ("families", ""),
        ("persons", ""),
        ("changes", f"WHERE origin = '{laptop_id}'"),
    ):
        cursor = source.execute(f"SELECT * FROM {table} {where}")
        columns = [d[0] for d in cursor.description]
        tables[table] = (columns, cursor.fetchall())
    source.close()
    floors = {}
    for name, wanted in (("records", ("families", "persons")), ("records+log", tuple(tables))):
        copy = before.with_name(f"floor-{len(floors)}.db")
        shutil.copyfile(before, copy)
        floors[name] = _timed_inserts(copy, {t: tables[t] for t in wanted})
    return floors


def peak_rss_kb() -> int:
    """Peak resident memory of this process in KiB. VmHWM belongs to the process image, so
    unlike ru_maxrss it does not carry over the parent's peak through fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def merge_child(database: str, bundle: str) -> None:
    """In the subprocess: import the bundle, print seconds and peak memory as JSON."""
    db = open_database(database, authenticate=False)
    started = time.perf_counter()
    result = import_bundle(db, bundle)
    elapsed = time.perf_counter() - started
    db.close()
    peak_kb = peak_rss_kb()
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "peak_mb": peak_kb / 1024,
                "status": result.status,
                "changes": result.changes,
                "error": result.error,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--families", type=int, default=25_000)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "sync.json"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        merge_child(*args.child)
        return 0

    folder = Path(tempfile.mkdtemp(prefix="opora-bench-"))
    try:
        network = build_network(folder, {"L1": [d for d, _ in DISTRICTS]})
        records = folder / "records.jsonl"
        count = write_records(records, args.families)
        laptop = network.open("L1", fast=True)
        laptop_id = laptop.device_id
        started = time.perf_counter()
        import_records(laptop, records)
        typed = time.perf_counter() - started
        started = time.perf_counter()
        export = export_bundle(laptop, folder / "l1.opora")
        exported = time.perf_counter() - started
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
            check=True,
            cwd=ROOT,
        )
        merged = json.loads(child.stdout.strip().splitlines()[-1])
        assert merged["status"] == "applied" and merged["changes"] == export.changes, merged
        floors = raw_floors(before, network.path("centre"), laptop_id)
        floor = floors["records+log"]
        report = {
            "records": count,
            "changes": export.changes,
            "bundle_bytes": (folder / "l1.opora").stat().st_size,
            "laptop_records_import_s": round(typed, 2),
            "export_s": round(exported, 2),
            "merge_s": round(merged["seconds"], 2),
            "raw_sqlite_floor_s": round(floor, 2),
            "raw_sqlite_records_only_s": round(floors["records"], 2),
            "merge_over_floor": round(merged["seconds"] / floor, 2),
            "merge_over_records_only": round(merged["seconds"] / floors["records"], 2),
            "merge_peak_mb": round(merged["peak_mb"], 1),
            "floor": "raw sqlite3 executemany, one transaction, of the rows the merge wrote "
            "(records and their change-log rows)",
            "goal": "merge_over_floor <= 4, merge_peak_mb <= 400",
        }
        report["ok"] = report["merge_over_floor"] <= 4 and report["merge_peak_mb"] <= 400
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
        print(json.dumps(report, indent=2))
        return 0 if report["ok"] else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
