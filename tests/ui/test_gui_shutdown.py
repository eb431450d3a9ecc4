"""Quitting while the window still loads in the background: a clean exit every time, no
traceback in the terminal (a real subprocess of the GUI, offscreen)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.runner import wait_for_all

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from ui.app import create_application
import ui.launch as launch
from app.demo import open_demo

app = create_application(["opora"])
app.setApplicationName("opora-quit-test")
QTimer.singleShot(int(sys.argv[2]), lambda: launch._shell.window.close())
sys.exit(launch.run_window(open_demo(sys.argv[1]), launch.UiSettings()))
"""


@pytest.mark.parametrize("delay_ms", [0, 80, 300])
def test_quit_while_loading_exits_cleanly(
    demo_template: Path, tmp_path: Path, delay_ms: int
) -> None:
    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    script = tmp_path / "quit.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, str(script), str(db), str(delay_ms)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "Fatal" not in done.stderr, done.stderr[-2000:]


def test_status_is_not_read_after_the_window_closed(qtbot: QtBot, context: AppContext) -> None:
    from ui.shell import Shell

    shell = Shell(context)
    qtbot.addWidget(shell.window)
    shell.window.show()
    reads: list[int] = []
    original = shell.status

    def counting() -> object:
        reads.append(1)
        return original()

    shell.window._status_source = counting
    shell.window.refresh_status()
    assert reads == [1]
    shell.window.close()
    wait_for_all()  # the list's loading threads end before the database closes, as on exit
    context.db.close()
    shell.window.refresh_status()  # the minute timer's slot, after the database closed
    assert reads == [1]


def test_many_threads_read_at_once_without_closing_each_others_connections(
    context: AppContext,
) -> None:
    """More reader threads than SingletonThreadPool kept (five): none loses its connection."""
    import threading

    from app.services.queries import status_summary

    errors: list[BaseException] = []
    start = threading.Barrier(9)

    def read() -> None:
        try:
            start.wait()
            for _ in range(20):
                status_summary(context.db)
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    start.wait()
    for _ in range(20):
        status_summary(context.db)
    for thread in threads:
        thread.join()
    assert errors == []
