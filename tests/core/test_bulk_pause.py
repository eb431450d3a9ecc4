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


def _cyclic_garbage_after(job) -> int:
    """Objects a job leaves for the cycle collector (freed only by a collection)."""
    gc.collect()
    gc.disable()
    try:
        job()
        return gc.collect()
    finally:
        gc.enable()


def test_an_import_leaves_its_rows_to_reference_counting(plain_centre, tmp_path) -> None:
    # With the collector paused, whatever a job left in reference cycles waits for the next
    # collection, which then walks it all: 0.6 s after 100,000 records. The batch's rows must
    # go as soon as the import returns.
    from app.services.records import import_records
    from tests.core.sample import write_lines

    settlement = "0190a000-0000-7000-8000-0000000000e1"
    lines = [
        {"type": "district", "id": "0190a000-0000-7000-8000-0000000000d1", "name": "Округ"},
        {
            "type": "settlement",
            "id": settlement,
            "name": "с. Морозівка",
            "district_id": "0190a000-0000-7000-8000-0000000000d1",
        },
    ]
    for n in range(400):
        lines.append(
            {
                "type": "family",
                "id": f"0190a000-0000-7000-8000-{n:012d}",
                "settlement_id": settlement,
                "address": f"вул. Шевченка, {n}",
            }
        )
    source = write_lines(tmp_path / "in.jsonl", lines)
    left = _cyclic_garbage_after(lambda: import_records(plain_centre, source))
    assert left < 400, left  # not one object per record
