"""Bundles between laptops and the centre: merge, watermarks, conflicts, scope, revocation."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import func, select

from app.db.models import Change, Device
from app.services.records import RecordService
from app.sync.conflicts import list_conflicts, resolve_conflict
from app.sync.devices import revoke
from app.sync.exchange import ALREADY_APPLIED, APPLIED, REJECTED
from tests.sync.network import (
    DISTRICTS,
    SETTLEMENTS,
    Network,
    change_log,
    conflicts,
    export_text,
    receive,
    send,
    snapshot,
)

S1, S2 = SETTLEMENTS[0][0], SETTLEMENTS[1][0]


def new_family(db, settlement: str = S1, address: str = "вул. Миру, 1") -> str:
    return RecordService(db).save("family", None, {"settlement_id": settlement, "address": address})


def test_laptop_to_centre_and_back(network: Network, tmp_path: Path) -> None:
    centre, l1, l2 = network.open("centre"), network.open("L1"), network.open("L2")
    family = new_family(l1)
    RecordService(l1).save(
        "person", None, {"family_id": family, "surname": "Мар'яненко", "given_name": "Ґанна"}
    )
    result = receive(centre, send(l1, tmp_path / "a.opora"))
    assert (result.status, result.changes, result.conflicts) == (APPLIED, 2, 0)
    assert export_text(centre) == export_text(l1)
    assert "Ґанна" in export_text(centre)

    result = receive(l2, send(centre, tmp_path / "b.opora", "L2"))
    assert result.status == APPLIED
    assert export_text(l2) == export_text(l1)

    # The same bundle again is a no-op that says so.
    before = snapshot(l2)
    assert receive(l2, tmp_path / "b.opora").status == ALREADY_APPLIED
    assert snapshot(l2) == before


def test_watermarks_heal_a_lost_bundle_and_skip_acknowledged(
    network: Network, tmp_path: Path
) -> None:
    centre, l1 = network.open("centre"), network.open("L1")
    first = new_family(l1, address="перша")
    send(l1, tmp_path / "lost.opora")  # never delivered
    new_family(l1, address="друга")
    result = receive(centre, send(l1, tmp_path / "next.opora"))
    assert result.changes == 2  # the lost bundle's change travels again
    assert export_text(centre) == export_text(l1)

    # The centre's bundle carries its known vector; after it, L1 sends only what is new.
    receive(l1, send(centre, tmp_path / "ack.opora", "L1"))
    RecordService(l1).save("family", first, {"address": "перша, змінена"})
    result = receive(centre, send(l1, tmp_path / "third.opora"))
    assert result.changes == 1
    # The lost bundle arriving late changes nothing (its changes are held).
    log = change_log(centre)
    late = receive(centre, tmp_path / "lost.opora")
    assert (late.status, late.changes) == (APPLIED, 0)
    assert change_log(centre) == log
    assert "перша, змінена" in export_text(centre)


def test_concurrent_edits_keep_the_loser_and_taking_it_syncs(
    network: Network, tmp_path: Path
) -> None:
    centre, l1, l2 = network.open("centre"), network.open("L1"), network.open("L2")
    family = new_family(centre, address="спільна")
    for laptop in ("L1", "L2"):
        receive(network.open(laptop), send(centre, tmp_path / f"to-{laptop}.opora", laptop))
    RecordService(l1).save("family", family, {"address": "від L1", "notes": "нотатка L1"})
    time.sleep(0.002)
    RecordService(l2).save("family", family, {"address": "від L2", "phone": "+380501234567"})
    receive(centre, send(l1, tmp_path / "l1.opora"))
    result = receive(centre, send(l2, tmp_path / "l2.opora"))
    assert result.conflicts == 1
    [conflict] = list_conflicts(centre)
    assert (conflict["field"], conflict["winner"], conflict["loser"]) == (
        "address",
        "від L2",
        "від L1",
    )
    assert (conflict["winner_device"], conflict["loser_device"]) == ("L2", "L1")
    exported = export_text(centre)
    # Different fields both survive; the address is the later writer's.
    assert "нотатка L1" in exported and "+380501234567" in exported and "від L2" in exported

    assert resolve_conflict(centre, conflict["id"], "loser", "admin") is True
    assert list_conflicts(centre)[0]["status"] == "resolved"
    assert "від L1" in export_text(centre)
    for laptop in ("L1", "L2"):
        db = network.open(laptop)
        receive(db, send(centre, tmp_path / f"back-{laptop}.opora", laptop))
        assert export_text(db) == export_text(centre)


def test_delete_against_a_concurrent_edit_is_a_conflict(network: Network, tmp_path: Path) -> None:
    centre, l1, l2 = network.open("centre"), network.open("L1"), network.open("L2")
    family = new_family(centre)
    person = RecordService(centre).save(
        "person", None, {"family_id": family, "surname": "Коваль", "given_name": "Ірина"}
    )
    for laptop in ("L1", "L2"):
        receive(network.open(laptop), send(centre, tmp_path / f"to-{laptop}.opora", laptop))
    RecordService(l1).delete("person", person)
    RecordService(l2).save("person", person, {"notes": "важлива нотатка"})
    receive(centre, send(l2, tmp_path / "l2.opora"))
    result = receive(centre, send(l1, tmp_path / "l1.opora"))
    assert result.conflicts == 1
    [conflict] = list_conflicts(centre)
    assert (conflict["field"], conflict["winner"], conflict["loser"]) == ("deleted", True, False)
    assert (conflict["winner_device"], conflict["loser_device"]) == ("L1", "L2")
    assert person not in export_text(centre)
    resolve_conflict(centre, conflict["id"], "loser", "admin")
    assert "важлива нотатка" in export_text(centre)

    # A delete of a record whose edits the deleter had seen is no conflict.
    receive(l1, send(centre, tmp_path / "sync.opora", "L1"))
    RecordService(l1).delete("person", person)
    assert receive(centre, send(l1, tmp_path / "again.opora")).conflicts == 0


def test_scope_sends_only_the_districts_a_laptop_serves(network: Network, tmp_path: Path) -> None:
    centre, l4 = network.open("centre"), network.open("L4")
    inside = new_family(centre, S2, "у Любовичах")
    outside = new_family(centre, S1, "у Морозівці")
    person = RecordService(centre).save(
        "person", None, {"family_id": inside, "surname": "Бондар", "given_name": "Олег"}
    )
    RecordService(centre).save(
        "visit", None, {"family_id": outside, "date": "2025-03-05", "purpose": "поза округом"}
    )
    receive(l4, send(centre, tmp_path / "l4.opora", "L4"))
    exported = export_text(l4)
    assert inside in exported and person in exported
    assert outside not in exported and "поза округом" not in exported
    assert "Морозівський" in exported  # reference data goes everywhere


def test_revoked_devices_are_refused_here_and_on_laptops(network: Network, tmp_path: Path) -> None:
    centre, l1 = network.open("centre"), network.open("L1")
    new_family(l1)
    bundle = send(l1, tmp_path / "l1.opora")
    with centre.session() as session:
        revoke(session, "L1")
    before = snapshot(centre)
    result = receive(centre, bundle)
    assert (result.status, result.reason) == (REJECTED, "revoked-device")
    assert snapshot(centre) == before
    # The revocation list travels to the laptops in the centre's next bundle.
    l2 = network.open("L2")
    receive(l2, send(centre, tmp_path / "l2.opora", "L2"))
    with l2.session() as session:
        l1_id = session.scalar(select(Device.id).where(Device.name == "L1"))
        assert l1_id is None or session.get(Device, l1_id).revoked_at is not None


def test_a_laptop_change_dated_far_ahead_is_held_for_review(
    network: Network, tmp_path: Path
) -> None:
    centre, l1 = network.open("centre"), network.open("L1")
    family = new_family(l1)
    future = f"{(time.time_ns() // 1_000_000 + 40 * 86_400_000):012x}0000"
    with l1.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE changes SET hlc = ? WHERE record_id = ?", (future, family)
        )
    result = receive(centre, send(l1, tmp_path / "l1.opora"))
    assert result.status == APPLIED and result.held == 1 and result.changes == 0
    assert family not in export_text(centre)  # not applied ...
    kept = [c for c in conflicts(centre) if c.record_id == family]
    assert kept and {c.status for c in kept} == {"refused"}  # ... and not dropped
    with centre.session() as session:  # the stamp is stored nowhere, the clock not moved
        assert session.scalar(select(func.max(Change.hlc))) < future


def test_enrollment_gives_the_laptop_keys_and_the_centre(network: Network) -> None:
    l1 = network.open("L1")
    with l1.session() as session:
        kinds = sorted((d.kind, d.is_self) for d in session.scalars(select(Device)))
    assert kinds == [("centre", False), ("field", True)]
    assert export_text(l1) == export_text(network.open("centre"))


def test_scope_brings_people_that_a_group_of_the_district_refers_to(
    network: Network, tmp_path: Path
) -> None:
    centre, l4 = network.open("centre"), network.open("L4")
    service = RecordService(centre)
    elsewhere = new_family(centre, S1, "з іншого округу")
    person = service.save(
        "person", None, {"family_id": elsewhere, "surname": "Гнатюк", "given_name": "Ліна"}
    )
    group = service.save("group", None, {"name": "Мами разом", "district_id": DISTRICTS[1][0]})
    service.save("participant", None, {"group_id": group, "person_id": person})
    result = receive(l4, send(centre, tmp_path / "l4.opora", "L4"))
    assert result.status == APPLIED  # every reference resolves on the laptop
    exported = export_text(l4)
    assert group in exported and person in exported and elsewhere in exported
