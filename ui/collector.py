"""Python's cyclic garbage collection, run on the GUI thread only.

An automatic collection can start in whichever thread happens to allocate, a runner thread
included; if it frees a cycle holding a Qt widget, the widget is destroyed off the GUI
thread and the process crashes. So automatic collection is switched off and this timer
does the same work, by the same thresholds, on the GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from app.db.bulk import gc_pause_held


class GuiThreadCollector(QObject):
    """Collects garbage from the GUI thread's event loop."""

    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds, unless
        a bulk job has collection paused (app/db/bulk.py: each collection would walk the
        rows it holds, blocking it meanwhile)."""
        if gc_pause_held():
            return
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                break


_installed: GuiThreadCollector | None = None


def install(app: QObject) -> None:
    """Start collecting on the GUI thread (once per process)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(app)
