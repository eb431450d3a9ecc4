"""Garbage is collected on the GUI thread, never by a runner thread."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject

from app.db.bulk import gc_paused
from ui.collector import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_takes_over_from_automatic_collection(qapp) -> None:
    was_enabled = gc.isenabled()
    parent = QObject()
    try:
        collector = GuiThreadCollector(parent, interval_ms=10_000)
        assert not gc.isenabled()
        gc.collect()
        before = len(gc.get_objects())
        for _ in range(5000):  # well past generation 0's threshold
            _Cycle()
        assert len(gc.get_objects()) > before
        collector.check()
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        parent.deleteLater()
        if was_enabled:
            gc.enable()


def test_collector_waits_while_a_bulk_job_holds_collection_paused(qapp) -> None:
    """A bulk job (an import, a merge, the families list's load) pauses collection: the
    GUI's timer does not collect meanwhile (each collection walked the rows the job held,
    blocking it), and collects again after."""
    was_enabled = gc.isenabled()
    parent = QObject()
    try:
        collector = GuiThreadCollector(parent, interval_ms=10_000)
        gc.collect()
        with gc_paused():
            for _ in range(5000):
                _Cycle()
            collector.check()
            assert gc.get_count()[0] > gc.get_threshold()[0]
        collector.check()
        assert gc.get_count()[0] < gc.get_threshold()[0]
    finally:
        parent.deleteLater()
        if was_enabled:
            gc.enable()
