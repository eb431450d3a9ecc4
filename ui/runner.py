"""The one way to run long work off the GUI thread.

An operation is a plain callable with no Qt in it. It may return a value, or return a
generator that yields progress and returns its result (the core's import, export and report
functions do this). Results, progress and errors come back to the GUI thread through queued
signals; the operation never touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.boundary import explain
from app.errors import OporaError


class Cancelled(Exception):
    """Raised inside the worker when the user cancelled between two progress steps."""


@dataclass(frozen=True)
class Progress:
    """One progress step: done of total (total 0 = unknown) and an optional message."""

    done: int = 0
    total: int = 0
    text: str = ""

    @classmethod
    def of(cls, value: object) -> Progress:
        """Accept what core generators yield: Progress, (done, total[, text]), a str, a
        fraction, or any object with done/total attributes."""
        if isinstance(value, Progress):
            return value
        if isinstance(value, str):
            return cls(text=value)
        if isinstance(value, float) and 0 <= value <= 1:
            return cls(int(value * 1000), 1000)
        if isinstance(value, int):
            return cls(value, 0)
        if isinstance(value, tuple) and len(value) >= 2:
            text = str(value[2]) if len(value) > 2 else ""
            return cls(int(value[0]), int(value[1]), text)
        done = getattr(value, "done", None)
        total = getattr(value, "total", None)
        if isinstance(done, int) and isinstance(total, int):
            return cls(done, total, str(getattr(value, "text", "") or ""))
        return cls()


class _Signals(QObject):
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, op: Callable[[], Any], signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._op = op
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        try:
            result = self._op()
            if isinstance(result, Generator):
                result = self._drain(result)
        except BaseException as exc:  # reported to the GUI thread, never lost
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)

    def _drain(self, gen: Generator[Any, None, Any]) -> Any:
        while True:
            if self._cancel.is_set():
                gen.close()  # lets the core roll back in its finally/with blocks
                raise Cancelled()
            try:
                step = next(gen)
            except StopIteration as stop:
                return stop.value
            self._signals.progress.emit(Progress.of(step))


class Task(QObject):
    """A running operation; lives in the GUI thread and calls back there."""

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        progress: Callable[[Progress], None] | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._progress = progress
        self.cancel_event = threading.Event()
        # Parented to this task, so C++ owns it: when the worker drops its Python reference
        # last, nothing is deleted on the worker thread (a QObject must die in its own).
        self.signals = _Signals(self)
        self.finished = False
        # a bound method of a widget: skip the callbacks once that widget is gone
        owner = getattr(on_done, "__self__", None) or getattr(on_error, "__self__", None)
        self._owner = owner if isinstance(owner, QObject) else None
        auto = Qt.ConnectionType.QueuedConnection
        self.signals.progress.connect(self._handle_progress, auto)
        self.signals.finished.connect(self._handle_done, auto)
        self.signals.failed.connect(self._handle_error, auto)

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    @Slot(object)
    def _handle_progress(self, step: Progress) -> None:
        if self._progress is not None and not self.finished and self._owner_alive():
            self._progress(step)

    def _release(self) -> None:
        # Let the worker finish returning from emit() before this task (and its signals)
        # can be freed, on the GUI thread.
        QTimer.singleShot(2000, lambda: _running.discard(self))

    @Slot(object)
    def _handle_done(self, result: object) -> None:
        if self.finished:  # shut down before the result came
            return
        self.finished = True
        self._release()
        if self._on_done is not None and self._owner_alive():
            self._on_done(result)

    @Slot(object)
    def _handle_error(self, exc: BaseException) -> None:
        if self.finished:
            return
        self.finished = True
        self._release()
        if isinstance(exc, Cancelled) or not self._owner_alive():
            return
        if self._on_error is not None:
            self._on_error(exc if isinstance(exc, OporaError) else _explained(exc))
        else:
            raise exc


def _explained(exc: BaseException) -> OporaError:
    """An unexpected error as handlers show it: one translated line without record values
    (app/boundary.py; the error is logged), the original kept as the cause."""
    error = OporaError(explain(exc, where="gui task").message)
    error.__cause__ = exc
    return error


_running: set[Task] = set()


def run_in_background(
    op: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    progress: Callable[[Progress], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Run op on the thread pool (or `pool`: see serial_pool); on_done(result) /
    on_error(exc) / progress(step) run on the GUI thread. A cancelled task calls neither
    on_done nor on_error."""
    task = Task(on_done, on_error, progress)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(_Job(op, task.signals, task.cancel_event))
    return task


_serial: QThreadPool | None = None


def serial_pool() -> QThreadPool:
    """One worker thread: writes queued here run one after another, in the order given
    (attendance marks are written this way, so a mark shows at once and is saved after)."""
    global _serial
    if _serial is None:
        _serial = QThreadPool()
        _serial.setMaxThreadCount(1)
        _serial.setExpiryTimeout(-1)
    return _serial


def _pools() -> list[QThreadPool]:
    return [QThreadPool.globalInstance(), *([_serial] if _serial is not None else [])]


def run_with_progress(
    parent: QWidget | None,
    label: str,
    op: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
) -> Task:
    """run_in_background with a modal, cancellable progress dialog."""
    dialog = QProgressDialog(parent)  # its Cancel button is translated by qtbase
    dialog.setLabelText(label)
    dialog.setRange(0, 0)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(label)

    def show_step(step: Progress) -> None:
        if step.total > 0:
            dialog.setMaximum(step.total)
            dialog.setValue(min(step.done, step.total))
        if step.text:
            dialog.setLabelText(step.text)

    def done(result: object) -> None:
        dialog.close()
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        if on_error is not None:
            on_error(exc)
        else:
            raise exc

    task = run_in_background(op, done, show_step, on_error=failed)
    dialog.canceled.connect(task.cancel)
    dialog.canceled.connect(dialog.close)
    return task


def shutdown(timeout_ms: int = 30_000) -> bool:
    """Before the program ends: cancel what can be cancelled, wait for the rest, and drop
    every result not yet delivered. A worker still running while Python finalizes would
    emit into freed objects and crash the process on exit."""
    for task in list(_running):
        task.cancel()
        task.finished = True
        task._on_done = task._on_error = task._progress = None
    done = all([pool.waitForDone(timeout_ms) for pool in _pools()])
    _running.clear()
    return done


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Block until the pool is idle (tests and shutdown); results still need the event loop."""
    return all([pool.waitForDone(timeout_ms) for pool in _pools()])
