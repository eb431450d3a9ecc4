"""Start-up time of the GUI until its main window is on screen, packaged against the source
install (the baseline, measured in the same run), plus `--version`.

    python bench/startup.py --bundle dist/opora/opora [--runs 3] [--cold]

Each run starts the app on a fresh Xvfb screen, signed in from OPORA_PASSWORD on a demo-sized
database (300 families), and polls the X server until a window of Opora at least 600 px wide
is mapped. `--cold` drops the kernel's page cache before every run (root only), so the
libraries are read from disk as on a laptop's first start of the day.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WINDOW = re.compile(r'^\s*0x[0-9a-f]+ "([^"]*)".*?\s(\d+)x(\d+)[+-]', re.MULTILINE)


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def window_up(display: str) -> bool:
    out = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        capture_output=True,
        text=True,
        env={**os.environ, "DISPLAY": display},
        check=False,
    ).stdout
    return any("Опора" in name and int(w) >= 600 for name, w, _h in WINDOW.findall(out))


def time_window(command: list[str], display: str, env: dict[str, str], limit: float) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env={**env, "DISPLAY": display}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        while time.perf_counter() - start < limit:
            if window_up(display):
                return time.perf_counter() - start
            if process.poll() is not None:
                raise SystemExit(f"{command[0]} ended early: {process.stderr.read()!r}")
            time.sleep(0.05)
        raise SystemExit(f"no window after {limit} s: {command}")
    finally:
        process.terminate()
        process.wait(timeout=20)


def time_command(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", required=True, help="the packaged executable")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before runs")
    args = parser.parse_args()
    bundle = str(Path(args.bundle).resolve())

    from app.demo import create_demo_database

    work = Path(tempfile.mkdtemp(prefix="opora-startup-"))
    db = work / "demo.db"
    for _step in create_demo_database(db, 300):
        pass
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    display = ":" + os.read(read, 16).decode().strip()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(work / "home"),
        "LANG": "C.UTF-8",
        "OPORA_PASSWORD": "demo",
    }
    variants = {
        "source (.venv, python -m app)": [str(ROOT / ".venv/bin/python"), "-m", "app"],
        "packaged (PyInstaller folder)": [bundle],
    }
    try:
        results: dict[str, dict[str, list[float]]] = {}
        for name, base in variants.items():
            gui, version = [], []
            for _ in range(args.runs):
                if args.cold:
                    drop_caches()
                command = [*base, "--db", str(db), "--user", "demo"]
                gui.append(time_window(command, display, env, 120))
                version.append(time_command([*base, "--version"], env))
            results[name] = {"gui": gui, "version": version}
    finally:
        xvfb.terminate()
        shutil.rmtree(work, ignore_errors=True)
    kind = "cold (page cache dropped)" if args.cold else "warm"
    print(f"GUI start until the main window is mapped, {kind}, {args.runs} runs, median [min-max]")
    for name, data in results.items():
        for key in ("gui", "version"):
            values = data[key]
            print(
                f"  {name:32} {key:8} {statistics.median(values):6.2f} s"
                f"  [{min(values):.2f}-{max(values):.2f}]"
            )
    base, packaged = (statistics.median(d["gui"]) for d in results.values())
    print(f"  packaged / source GUI start: {packaged / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
