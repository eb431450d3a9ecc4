"""Start-up: what a command costs before it does any work.

    .venv/bin/python bench/command_start.py [--repeat 5]

Measures, as separate processes (the way a user runs them), the median wall time of:

- `python -c pass` (the interpreter alone),
- `opora --version`,
- `opora conflicts list` and `opora records export` on a small encrypted centre, with the
  time spent in scrypt (the key derivation, raised on purpose by decision 062) measured
  inside the same process and subtracted: `above_kdf_s` is what start-up costs beyond it.

Goals (issue 17): `opora --version` ≤ 0.3 s, a command on an encrypted database ≤ 0.6 s
above the KDF's own cost.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "довгий пароль для заміру"

# Runs the command line in this process with scrypt timed; prints scrypt's seconds last.
RUNNER = """
import hashlib, sys, time
spent = cpu = 0.0
_scrypt = hashlib.scrypt
def scrypt(*args, **kwargs):
    global spent, cpu
    started, used = time.perf_counter(), time.process_time()
    try:
        return _scrypt(*args, **kwargs)
    finally:
        spent += time.perf_counter() - started
        cpu += time.process_time() - used
hashlib.scrypt = scrypt
from app.cli import main
code = main(sys.argv[1:])
sys.stderr.write(f"\\nSCRYPT {spent} {cpu}\\n")
raise SystemExit(code)
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """(wall seconds, scrypt's wall seconds, CPU seconds, scrypt's CPU seconds) of one
    process; CPU time is steadier than wall time on a machine other work keeps busy."""
    started, used = time.perf_counter(), _children_cpu()
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    wall, cpu = time.perf_counter() - started, _children_cpu() - used
    if done.returncode != 0:
        raise SystemExit(f"{args}: {done.stderr}")
    spent = spent_cpu = 0.0
    for line in done.stderr.splitlines():
        if line.startswith("SCRYPT "):
            spent, spent_cpu = (float(x) for x in line.split()[1:3])
    return wall, spent, cpu, spent_cpu


def median_of(repeat: int, args: list[str], env: dict[str, str]) -> dict[str, float]:
    runs = [run(args, env) for _ in range(repeat)]

    def median(pick: Any) -> float:
        return round(statistics.median(pick(r) for r in runs), 3)

    return {
        "s": median(lambda r: r[0]),
        "kdf_s": median(lambda r: r[1]),
        "above_kdf_s": median(lambda r: r[0] - r[1]),
        "cpu_s": median(lambda r: r[2]),
        "cpu_above_kdf_s": median(lambda r: r[2] - r[3]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "command_start.json"))
    args = parser.parse_args()

    from app.services.records import RecordService
    from app.services.setup import init_centre

    python = sys.executable
    env = {**os.environ, "OPORA_PASSWORD": PASSWORD, "OPORA_LANG": "en"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "centre.db"
        db = init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=True)
        service = RecordService(db)
        district = service.save("district", None, {"name": "Морозівський"})
        service.save("settlement", None, {"name": "с. Морозівка", "district_id": district})
        db.close()
        env["OPORA_DB"] = str(path)
        database = ["--db", str(path), "--user", "admin"]
        report = {
            "python_alone": median_of(args.repeat, [python, "-c", "pass"], env),
            "version": median_of(args.repeat, [python, "-m", "app", "--version"], env),
            "conflicts_list": median_of(
                args.repeat, [python, "-c", RUNNER, *database, "conflicts", "list"], env
            ),
            "records_export": median_of(
                args.repeat, [python, "-c", RUNNER, *database, "records", "export"], env
            ),
        }
    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    report["ok"] = {
        "version_le_0_3s": report["version"]["s"] <= 0.3,
        "command_le_0_6s_above_kdf": report["conflicts_list"]["above_kdf_s"] <= 0.6,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(json.dumps(report, indent=2))
    return 0 if all(report["ok"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
