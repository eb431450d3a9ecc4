"""run_in_background: results, progress and errors come back on the GUI thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.errors import OporaError
from ui.runner import Progress, run_in_background


def test_result_arrives_on_gui_thread(qtbot: QtBot) -> None:
    worker_threads: list[threading.Thread] = []
    results: list[tuple[int, bool]] = []

    def op() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    def done(value: int) -> None:
        on_gui = QThread.currentThread() == QApplication.instance().thread()
        results.append((value, on_gui))

    run_in_background(op, done)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [(42, True)]
    assert worker_threads[0] is not threading.main_thread()


def test_generator_progress_then_result(qtbot: QtBot) -> None:
    steps: list[Progress] = []
    results: list[str] = []

    def op() -> Iterator[tuple[int, int]]:
        for i in range(3):
            yield (i + 1, 3)
        return "done"

    run_in_background(op, results.append, steps.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == ["done"]
    assert [(s.done, s.total) for s in steps] == [(1, 3), (2, 3), (3, 3)]


def test_error_goes_to_on_error(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    errors: list[BaseException] = []

    def op() -> None:
        raise ValueError("Коваленко")

    run_in_background(op, lambda _v: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    # an unexpected error reaches the handler explained (app/boundary.py), without its text
    assert isinstance(errors[0], OporaError) and isinstance(errors[0].__cause__, ValueError)
    assert "ValueError" in errors[0].message and "Коваленко" not in errors[0].message


def test_cancel_stops_between_steps(qtbot: QtBot) -> None:
    produced: list[int] = []
    outcomes: list[object] = []
    release = threading.Event()

    def op() -> Iterator[int]:
        for i in range(1000):
            produced.append(i)
            if i == 1:
                release.wait(5)
            yield i
        return "finished"

    task = run_in_background(op, outcomes.append, on_error=outcomes.append)
    qtbot.waitUntil(lambda: len(produced) >= 2, timeout=5000)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: task.finished, timeout=5000)
    time.sleep(0.05)
    QApplication.processEvents()
    assert outcomes == []
    assert len(produced) < 1000


def test_progress_accepts_core_shapes() -> None:
    assert Progress.of((2, 10, "x")) == Progress(2, 10, "x")
    assert Progress.of("Читаю") == Progress(text="Читаю")
    assert Progress.of(0.5) == Progress(500, 1000)
