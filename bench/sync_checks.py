"""What the trust and value checks cost the merge: one laptop bundle merged at the centre
with every check on, and with them switched off, alternating, CPU time (min of N).

    python bench/sync_checks.py [--families 6000] [--rounds 6]

CPU time of the process (`time.process_time`), because wall time on a shared machine varies
by more than the difference measured; the merge's wall time is printed alongside.
Goal (issue 8): the checks cost at most 15% of the merge's time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.db.database import open_database  # noqa: E402
from app.services.records import import_records  # noqa: E402
from app.sync import merge  # noqa: E402
from app.sync.exchange import export_bundle, import_bundle  # noqa: E402
from bench.sync import write_records  # noqa: E402
from tests.sync.network import DISTRICTS, build_network  # noqa: E402

CHECKS = ("_check_values", "_keep_references", "_check_new_rows", "_in_scope")
ON = {name: getattr(merge.Merger, name) for name in (*CHECKS, "_check_origin", "_check_coverage")}
OFF = {
    "_check_values": lambda self, change: None,
    "_keep_references": lambda self, applied, new: [],
    "_check_new_rows": lambda self, applied, new: None,
    "_in_scope": lambda self, change, row, exists: True,
    "_check_origin": lambda self, change: None,
    "_check_coverage": lambda self: None,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--families", type=int, default=6000)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="opora-bench-checks-"))
    try:
        network = build_network(folder / "net", {"L1": [d for d, _ in DISTRICTS]})
        records = folder / "records.jsonl"
        write_records(records, args.families)
        laptop = network.open("L1", fast=True)
        import_records(laptop, records)
        export_bundle(laptop, folder / "l1.opora")
        laptop.close()
        times: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
        for n in range(args.rounds):
            for on in (False, True) if n % 2 == 0 else (True, False):
                target = folder / f"centre-{n}-{on}.db"
                shutil.copyfile(network.path("centre"), target)
                for name, function in (ON if on else OFF).items():
                    setattr(merge.Merger, name, function)
                db = open_database(target, authenticate=False)
                cpu, wall = time.process_time(), time.perf_counter()
                result = import_bundle(db, folder / "l1.opora")
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                db.close()
                assert result.status == "applied", result
                times[on].append((cpu, wall))
        off_cpu, on_cpu = min(t[0] for t in times[False]), min(t[0] for t in times[True])
        walls = sorted(t[1] for t in times[True])
        print(f"changes: {result.changes}")
        print(f"merge CPU, checks off: {off_cpu:.2f} s; on: {on_cpu:.2f} s")
        print(f"checks: +{on_cpu - off_cpu:.2f} s CPU = {100 * (on_cpu - off_cpu) / off_cpu:.1f}%")
        print(f"  of the merge's CPU; {100 * (on_cpu - off_cpu) / walls[len(walls) // 2]:.1f}%")
        print(f"  of its median wall time ({walls[len(walls) // 2]:.2f} s)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
