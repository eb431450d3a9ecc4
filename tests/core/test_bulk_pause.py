"""Bulk jobs pause Python's cycle collector and give it back, however they end."""

from __future__ import annotations

import gc
import threading

import pytest

from app.db.bulk import gc_paused


def test_collector_paused_during_a_job_and_running_after() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_back_after_a_failing_job() -> None:
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("bad line")
    assert gc.isenabled()


def test_overlapping_jobs_share_one_pause() -> None:
    first_in, first_may_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with gc_paused():
            first_in.set()
            first_may_end.wait(10)
            seen.append(gc.isenabled())

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(10)
    with gc_paused():
        pass
    seen.append(gc.isenabled())  # the first job still runs: still paused
    first_may_end.set()
    worker.join(10)
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_collector_off_before_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
