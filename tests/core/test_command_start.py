"""A command loads what it needs and no more: its own command module, no Alembic on a
database at the newest schema, no error boundary unless it fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.cli import COMMAND_MODULES, COMMAND_WORDS
from app.services.setup import init_centre

PASSWORD = "пароль для заміру старту"
HEAVY = (
    "alembic",
    "app.commands.duplicates",
    "app.commands.report",
    "app.commands.devices",
    "rapidfuzz",
    "reportlab",
    "PySide6",
    "logging.handlers",
)


def run_in_process(*args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from app.cli import main; code = main(sys.argv[1:]);"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr);"
        "raise SystemExit(code)"
    )
    env = {**os.environ, "OPORA_PASSWORD": PASSWORD, "OPORA_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_a_command_loads_only_its_own_module(tmp_path: Path) -> None:
    path = tmp_path / "centre.db"
    init_centre(path, name="Ц", admin="admin", password=PASSWORD, encrypted=False).close()
    done = run_in_process("--db", str(path), "--user", "admin", "conflicts", "list")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_help_and_a_mistyped_command_still_know_every_command() -> None:
    done = run_in_process("-h")
    assert done.returncode == 0
    for word in COMMAND_WORDS:
        assert word in done.stdout
    wrong = run_in_process("recrods", "export")
    assert wrong.returncode == 2
    assert "invalid choice" in wrong.stderr and "'records'" in wrong.stderr


def test_every_command_word_is_registered_by_the_module_named() -> None:
    assert set(COMMAND_WORDS.values()) <= set(COMMAND_MODULES)
    import argparse
    import importlib

    for word, module in COMMAND_WORDS.items():
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers(dest="command")
        importlib.import_module(module).register(subparsers)
        assert word in subparsers.choices, (word, module)
