"""Online exchange benchmark: 10 laptops × 1,000 changes each, uploaded concurrently to one
`opora serve`, against `sync import` of bundles of the same changes from files.

    python bench/exchange.py [--laptops 10] [--changes 1000] [--out bench/out/exchange.json]

Both centres start from the same copy. The exchange is timed from the first round's start to
the last round's end (each round: export on the laptop, chunked upload, apply at the centre,
the centre's answer downloaded and merged on the laptop); `sync import` runs in a child
process, one transaction per file, as the command line does. Peak memory is VmHWM of the
`serve` process and of the importing process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.online.client import sync_round  # noqa: E402
from app.sync.exchange import export_bundle  # noqa: E402
from bench.sync import peak_rss_kb  # noqa: E402
from tests.online.helpers import Server  # noqa: E402
from tests.online.work import add_families  # noqa: E402
from tests.sync.network import ALL, PASSWORD, build_network  # noqa: E402


def import_child(database: str, files: list[str]) -> None:
    """In the subprocess: `sync import FILE…` through the command line's own entry point."""
    from app.cli import main as cli

    started = time.perf_counter()
    code = cli(["--db", database, "--json", "sync", "import", *files])
    elapsed = time.perf_counter() - started
    sys.stderr.write(
        json.dumps({"seconds": elapsed, "peak_mb": peak_rss_kb() / 1024, "code": code}) + "\n"
    )


def vm_hwm_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", text).group(1)) / 1024  # type: ignore[union-attr]


def families(db_path: Path) -> int:
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        return connection.execute("SELECT count(*) FROM families WHERE deleted = 0").fetchone()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--laptops", type=int, default=10)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "exchange.json"))
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        import_child(args.child[0], args.child[1:])
        return 0

    folder = Path(tempfile.mkdtemp(prefix="opora-bench-exchange-"))
    try:
        names = [f"L{n + 1}" for n in range(args.laptops)]
        started = time.perf_counter()
        net = build_network(folder / "net", dict.fromkeys(names, ALL))
        for name in names:  # a family and a person per pair of changes
            add_families(net, name, args.changes // 2)
        prepared = time.perf_counter() - started

        # the baseline: the same changes as files, `sync import` at a copy of the centre
        copy = folder / "files"
        copy.mkdir()
        shutil.copyfile(net.path("centre"), copy / "centre.db")
        bundles = []
        for name in names:
            db = net.open(name, fast=True)
            bundles.append(str(copy / f"{name}.opora"))
            export_bundle(db, bundles[-1])
            db.close()
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(copy / "centre.db"), *bundles],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "OPORA_PASSWORD": PASSWORD},
        )
        imported = json.loads(child.stderr.strip().splitlines()[-1])
        assert imported["code"] == 0, child.stderr

        # the exchange: every laptop's round at once against one `serve`
        server = Server(net.path("centre"), folder / "serve.log").start(0)
        idle_mb = vm_hwm_mb(server.process.pid)  # type: ignore[union-attr]
        results: dict[str, object] = {}

        def one(name: str) -> None:
            db = net.open(name, fast=True)
            try:
                results[name] = sync_round(db, server.url)
            except Exception as exc:  # reported below
                results[name] = exc
            finally:
                db.close()

        threads = [threading.Thread(target=one, args=(name,)) for name in names]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        exchanged = time.perf_counter() - started
        serve_peak = vm_hwm_mb(server.process.pid)  # type: ignore[union-attr]
        assert server.stop() == 0
        failures = {n: repr(r) for n, r in results.items() if isinstance(r, Exception)}
        assert not failures, failures
        log = server.text()
        applied = [float(x) for x in re.findall(r" seconds=([\d.]+)", log)]
        imports = [float(x) for x in re.findall(r"import_s=([\d.]+)", log)]
        sent = sum(r.sent for r in results.values())  # type: ignore[attr-defined]
        expected = args.laptops * (args.changes // 2)
        assert families(net.path("centre")) == families(copy / "centre.db") == expected

        report = {
            "laptops": args.laptops,
            "changes_per_laptop": args.changes,
            "changes_sent": sent,
            "bundle_bytes_each": Path(bundles[0]).stat().st_size,
            "exchange_total_s": round(exchanged, 2),
            "exchange_centre_apply_s_sum": round(sum(applied), 2),
            "exchange_centre_import_s_sum": round(sum(imports), 2),
            "serve_peak_mb": round(serve_peak, 1),
            "serve_idle_mb": round(idle_mb, 1),
            "sync_import_files_s": round(imported["seconds"], 2),
            "sync_import_peak_mb": round(imported["peak_mb"], 1),
            "exchange_over_sync_import": round(exchanged / imported["seconds"], 2),
            "setup_s": round(prepared, 1),
            "note": "exchange_total_s also covers each laptop's export, the centre's answers "
            "(each laptop receives the others' work) and their merge on the laptops; "
            "sync_import_files_s is the centre's import only, comparable to "
            "exchange_centre_import_s_sum",
        }
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
        print(json.dumps(report, indent=2))
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
