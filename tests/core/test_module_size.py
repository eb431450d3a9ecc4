"""No module of the core or the GUI grows past 400 lines (issue «Code health»): a module that
does is holding two concepts, and the next reader pays for it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400


def test_no_module_over_the_limit() -> None:
    too_long = {}
    for top in ("app", "ui"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" in path.parts and "versions" in path.parts:
                continue  # an Alembic script is a record of the past, not a room to split
            lines = len(path.read_text("utf-8").splitlines())
            if lines > LIMIT:
                too_long[str(path.relative_to(ROOT))] = lines
    assert too_long == {}
