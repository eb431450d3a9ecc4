"""The change log: every write through the services is stamped once, with its bases."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.db.clock import MAX_DRIFT_MS, HybridLogicalClock, decode, encode
from app.db.database import Database
from app.db.models import Change, Person
from app.services.records import RecordService
from tests.core.sample import IDS, records


def test_clock_is_monotonic_and_clamps_far_future() -> None:
    wall = [1_000_000]
    clock = HybridLogicalClock(wall=lambda: wall[0])
    first, second = clock.now(), clock.now()
    assert first < second and decode(second) == (1_000_000, 1)
    wall[0] = 999_000  # the machine's clock went back
    assert clock.now() > second
    reading = clock.receive(encode(1_000_000 + MAX_DRIFT_MS + 5_000, 0))
    assert reading.clamped and decode(reading.stamp) == (999_000 + MAX_DRIFT_MS, 0)
    near = clock.receive(encode(1_000_000 + 60_000, 3))
    assert not near.clamped


def test_every_write_is_logged_with_versions_and_bases(plain_centre: Database) -> None:
    service = RecordService(plain_centre)
    for raw in records()[:4]:
        service.save(
            raw["type"], raw["id"], {k: v for k, v in raw.items() if k not in ("type", "id")}
        )
    device = plain_centre.device_id
    service.save("person", IDS["mother"], {"phone": "0671112299"})
    service.save("person", IDS["mother"], {"phone": "0671112299"})  # no change: no log entry
    with plain_centre.session() as session:
        changes = session.scalars(
            select(Change).where(Change.record_id == IDS["mother"]).order_by(Change.seq)
        ).all()
        person = session.get(Person, IDS["mother"])
    assert len(changes) == 2
    created, edited = changes
    assert created.origin == edited.origin == device and edited.seq == created.seq + 1
    assert json.loads(edited.data) == {"phone": "+380671112299"}
    versions = json.loads(person.versions)
    assert json.loads(edited.bases) == {"phone": f"{created.hlc}/{device}"}
    assert versions["phone"] == f"{edited.hlc}/{device}"
    assert versions["surname"] == f"{created.hlc}/{device}"
    service.delete("person", IDS["mother"])
    with plain_centre.session() as session:
        last = session.scalars(select(Change).order_by(Change.seq.desc())).first()
    assert json.loads(last.data) == {"deleted": True}
    assert service.get("person", IDS["mother"]) is None


def test_a_field_version_reads_back_as_the_time_it_was_written() -> None:
    import datetime as dt

    from app.db.clock import stamp_time, version_time

    when = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)
    stamp = encode(int(when.timestamp() * 1000), 7)
    assert stamp_time(stamp, dt.UTC) == when
    assert version_time(f"{stamp}/0190aaaa-0000-7000-8000-000000000000") == stamp_time(stamp)
    assert version_time("not a version") is None
    assert version_time(encode(0, 0) + "/device") is None
