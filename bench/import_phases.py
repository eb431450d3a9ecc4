"""Where `records import` spends its time, phase by phase, in one process.

An enrolled laptop (SQLCipher on) imports `--families` families of 3 persons each (4 records
a family, random ids, the lines of bench/floor.py), `--runs` times on fresh copies; the
import's own functions are timed in place (wrapped, not copied), so the phases are the
code's as it is:

- `read`: reading and decoding the file's lines (`read_lines`),
- `parse`: checking each line field by field (`parse_edit`),
- `prefetch`: the stored rows the edits touch, in a few queries,
- `apply`: each edit checked and queued (`RecordBatch.apply`),
- `flush`: the rows and change log sent to SQLite (`RecordWriter.flush`),
- `end`: from the flush to `import_records` returning (the commit, the audit event, and
  freeing what the import held),

with their sum and the whole import's wall time; medians over the runs.

    python bench/import_phases.py                    # 5,000 families (20,000 records)
    python bench/import_phases.py --families 25000   # 100,000 records, as issue 17 measures
"""

from __future__ import annotations

import argparse
import functools
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.db.writer import RecordWriter  # noqa: E402
from app.services import interchange  # noqa: E402
from app.services.record_batch import RecordBatch  # noqa: E402
from bench.floor import write_records  # noqa: E402
from tests.sync.network import ALL, build_network  # noqa: E402

PHASES = ("read", "parse", "prefetch", "apply", "flush", "end")


class Clock:
    """Seconds spent in each phase of one import."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.flushed = 0.0  # when the last flush ended

    def timed(self, phase: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                ended = time.perf_counter()
                self.spent[phase] += ended - started
                if phase == "flush":
                    self.flushed = ended

        return wrapper

    def lines(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """`read_lines` is a generator: its time is what each next item takes."""

        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            items = iter(function(*args, **kwargs))
            while True:
                started = time.perf_counter()
                try:
                    item = next(items)
                except StopIteration:
                    self.spent["read"] += time.perf_counter() - started
                    return
                self.spent["read"] += time.perf_counter() - started
                yield item

        return wrapper


def one_run(base: Any, folder: Path, records: Path) -> dict[str, float]:
    network = base.copy(folder)
    laptop = network.open("L1")
    clock = Clock()
    saved = (
        interchange.read_lines,
        interchange.parse_edit,
        RecordBatch.prefetch,
        RecordBatch.apply,
        RecordWriter.flush,
    )
    interchange.read_lines = clock.lines(saved[0])  # type: ignore[assignment]
    interchange.parse_edit = clock.timed("parse", saved[1])  # type: ignore[assignment]
    RecordBatch.prefetch = clock.timed("prefetch", saved[2])  # type: ignore[method-assign]
    RecordBatch.apply = clock.timed("apply", saved[3])  # type: ignore[method-assign]
    RecordWriter.flush = clock.timed("flush", saved[4])  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        interchange.import_records(laptop, records)
        ended = time.perf_counter()
    finally:
        (
            interchange.read_lines,
            interchange.parse_edit,
            RecordBatch.prefetch,
            RecordBatch.apply,
            RecordWriter.flush,
        ) = saved  # type: ignore[assignment]
        laptop.close()
    clock.spent["end"] = ended - clock.flushed
    figures = {phase: clock.spent[phase] for phase in PHASES}
    figures["sum"] = sum(figures.values())
    figures["import"] = ended - started
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    top = Path(tempfile.mkdtemp(prefix="opora-import-phases-"))
    try:
        base = build_network(top / "base", {"L1": ALL}, encrypted=True)
        records = top / "records.jsonl"
        count = write_records(records, args.families, "random")
        runs = [one_run(base, top / f"run-{n}", records) for n in range(args.runs)]
    finally:
        shutil.rmtree(top, ignore_errors=True)
    print(f"{count} records, {args.runs} runs: median seconds (range)")
    for key in (*PHASES, "sum", "import"):
        values = [r[key] for r in runs]
        low, high = min(values), max(values)
        print(f"  {key:9} {statistics.median(values):7.3f}  ({low:.3f}–{high:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
