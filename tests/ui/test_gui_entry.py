"""The program's entry point (app/__main__.py) opens the GUI for the command line, which
itself never imports it: `opora demo` shows the window; the bare command line says the GUI
is missing instead of reaching for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from PySide6.QtCore import QTimer
import ui.launch as launch
from ui.app import create_application
from app.__main__ import main

create_application(["opora"])

def close_when_shown():
    if launch._shell is None:
        QTimer.singleShot(100, close_when_shown)
    else:
        print("window:", launch._shell.window.windowTitle(), flush=True)
        launch._shell.window.close()

QTimer.singleShot(100, close_when_shown)
sys.exit(main(["demo", "--out", sys.argv[1], "--families", "3"]))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path),
        "OPORA_LANG": "en",
    }


def test_demo_through_the_entry_point_opens_the_window(tmp_path: Path) -> None:
    script = tmp_path / "entry.py"
    script.write_text(SCRIPT, encoding="utf-8")
    db = tmp_path / "demo.db"
    done = subprocess.run(
        [sys.executable, str(script), str(db)],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("window: "), done.stdout + done.stderr[-2000:]
    assert db.exists()


def test_the_command_line_without_the_entry_point_has_no_gui(tmp_path: Path) -> None:
    code = "import sys; from app.cli import main; sys.exit(main(['demo', '--families', '3']))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "this program was started without its GUI" in done.stderr
    assert "Traceback" not in done.stderr
    assert "PySide6" not in done.stderr


def test_no_display_is_said_plainly_not_a_qt_abort(tmp_path: Path) -> None:
    """Started over SSH or from a service with no display, Qt aborted (exit 134) with its own
    English text; the app says what is missing, in Ukrainian, and exits 1."""
    env = {k: v for k, v in _env(tmp_path).items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    del env["QT_QPA_PLATFORM"]
    env["OPORA_LANG"] = "uk"
    done = subprocess.run(
        [sys.executable, "-m", "app", "demo", "--out", str(tmp_path / "demo.db")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "немає дисплея" in done.stderr and "qt.qpa" not in done.stderr, done.stderr
