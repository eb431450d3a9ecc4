"""The layer map of docs/architecture.md, kept by import-linter (contracts in pyproject.toml):
every import runs down the map, the core never imports Qt, the GUI never imports SQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    """Run the project's contracts over the packages below `root`."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_import_keeps_the_layer_map() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def _copy_sources(destination: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", destination)
    for package in ("app", "ui"):
        shutil.copytree(
            ROOT / package,
            destination / package,
            ignore=lambda _dir, names: [n for n in names if n == "__pycache__"],
        )


def test_a_wrong_way_import_breaks_the_contract(tmp_path: Path) -> None:
    """The same contracts over a copy of the sources in which the write path imports the
    sync layer, as it once did: the check fails and names the import."""
    _copy_sources(tmp_path)
    writer = tmp_path / "app" / "db" / "writer.py"
    writer.write_text(writer.read_text("utf-8") + "\nfrom app.sync import merge  # noqa\n")
    result = lint(tmp_path)
    assert result.returncode == 1
    assert "app.db is not allowed to import app.sync" in result.stdout
    assert "app.db.writer -> app.sync.merge" in result.stdout


def test_the_core_reaching_for_the_gui_breaks_the_contract(tmp_path: Path) -> None:
    _copy_sources(tmp_path)
    cli = tmp_path / "app" / "cli.py"
    cli.write_text(cli.read_text("utf-8") + "\nfrom ui.launch import launch  # noqa\n")
    result = lint(tmp_path)
    assert result.returncode == 1
    assert "app.cli is not allowed to import ui" in result.stdout
