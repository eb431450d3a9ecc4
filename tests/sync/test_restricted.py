"""Restricted families travel only to the laptop of their responsible account; a change of
responsible purges the old laptop's copy once its unsent work has reached the centre."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db.models import AuditEvent, Change, Family, Participant, Person
from app.services.audit import list_events
from app.services.records import RecordService, export_records
from tests.sync.network import DISTRICTS, SETTLEMENTS, Network, receive, send

FAMILY = "0190a000-0000-7000-8000-00000000f001"
PERSON = "0190a000-0000-7000-8000-00000000f002"
GROUP = "0190a000-0000-7000-8000-00000000f003"
PARTICIPANT = "0190a000-0000-7000-8000-00000000f004"


PHONE, OTHER_PHONE = "+380671234567", "+380501112233"


def change_texts(db) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Change.data)))


def holds(db, model, record_id: str) -> bool:
    with db.session() as session:
        return session.get(model, record_id) is not None


def changes_of(db, record_id: str) -> int:
    with db.session() as session:
        return len(session.scalars(select(Change.seq).where(Change.record_id == record_id)).all())


def exchange(network: Network, tmp: Path, laptop: str, *, up: bool = False) -> None:
    """One bundle centre → laptop (and first laptop → centre when `up`)."""
    centre = network.open("centre")
    device = network.open(laptop)
    try:
        if up:
            assert receive(centre, send(device, tmp / f"{laptop}-up.opora")).status == "applied"
        down = send(centre, tmp / f"{laptop}-down.opora", laptop)
        assert receive(device, down).status == "applied"
    finally:
        centre.close()
        device.close()


def test_restricted_family_goes_only_to_its_responsible(network: Network, tmp_path: Path) -> None:
    centre = network.open("centre")
    service = RecordService(centre)
    service.save(
        "family",
        FAMILY,
        {"settlement_id": SETTLEMENTS[0][0], "restricted": True, "responsible": "user-L1"},
    )
    service.save("person", PERSON, {"family_id": FAMILY, "surname": "Таємна", "given_name": "Я"})
    service.save("group", GROUP, {"name": "Група", "district_id": DISTRICTS[0][0]})
    service.save(
        "participant", PARTICIPANT, {"group_id": GROUP, "person_id": PERSON, "phone": PHONE}
    )
    centre.close()
    for laptop in ("L1", "L2"):
        exchange(network, tmp_path, laptop)
    centre = network.open("centre")  # a change of the phone alone names no person
    RecordService(centre).save("participant", PARTICIPANT, {"phone": OTHER_PHONE})
    centre.close()
    for laptop in ("L1", "L2"):
        exchange(network, tmp_path, laptop)

    l1, l2 = network.open("L1"), network.open("L2")
    assert holds(l1, Family, FAMILY) and holds(l1, Person, PERSON)
    assert not holds(l2, Family, FAMILY) and not holds(l2, Person, PERSON)
    assert changes_of(l2, FAMILY) == 0 and changes_of(l2, PERSON) == 0
    with l2.session() as session:  # the group travels, without the hidden person
        participant = session.get(Participant, PARTICIPANT)
        assert participant is not None and participant.person_id is None
        assert participant.phone is None  # the hidden person's phone stays at the centre
    assert "Таємна" not in "".join(export_records(l2))
    assert not any(PHONE[4:] in text or OTHER_PHONE[4:] in text for text in change_texts(l2))
    with l1.session() as session:  # the responsible's laptop holds it all
        assert session.get(Participant, PARTICIPANT).phone == OTHER_PHONE
    # L1 edits the family and has not sent it yet
    RecordService(l1).save("family", FAMILY, {"notes": "робота L1"})
    l1.close()
    l2.close()

    centre = network.open("centre")
    RecordService(centre).save("family", FAMILY, {"responsible": "user-L2"})
    centre.close()
    exchange(network, tmp_path, "L1")  # the purge arrives before L1's work has gone up
    l1 = network.open("L1")
    assert holds(l1, Family, FAMILY), "unsent work must reach the centre first"
    l1.close()
    exchange(network, tmp_path, "L1", up=True)  # L1 sends; the centre acknowledges
    exchange(network, tmp_path, "L1")  # now the purge applies
    l1 = network.open("L1")
    assert not holds(l1, Family, FAMILY) and not holds(l1, Person, PERSON)
    assert changes_of(l1, FAMILY) == 0 and changes_of(l1, PERSON) == 0
    with l1.session() as session:
        participant = session.get(Participant, PARTICIPANT)
        assert participant.person_id is None and participant.phone is None
    l1.close()

    exchange(network, tmp_path, "L2")  # the new responsible receives the family whole
    l2 = network.open("L2")
    with l2.session() as session:
        family = session.get(Family, FAMILY)
        assert family is not None
        assert family.settlement_id == SETTLEMENTS[0][0]
        assert family.notes == "робота L1" and family.responsible == "user-L2"
        assert session.get(Person, PERSON).surname == "Таємна"
    l2.close()


def test_a_laptops_audit_trail_reaches_the_centre(network: Network, tmp_path: Path) -> None:
    from app.services.family_form import load_family

    centre = network.open("centre")
    RecordService(centre).save("family", FAMILY, {"settlement_id": SETTLEMENTS[0][0]})
    centre.close()
    exchange(network, tmp_path, "L1")
    l1 = network.open("L1")
    assert load_family(l1, FAMILY) is not None  # a view
    RecordService(l1).save("family", FAMILY, {"address": "вул. Тиха, 1"})  # a change
    l1.close()
    exchange(network, tmp_path, "L1", up=True)
    centre = network.open("centre")
    events = [e for e in list_events(centre) if e["device"] == "L1"]
    assert ("view", "family", FAMILY) in [(e["action"], e["type"], e["record_id"]) for e in events]
    assert ("change", "family", FAMILY) in [
        (e["action"], e["type"], e["record_id"]) for e in events
    ]
    assert {e["user"] for e in events} == {"user-L1"}
    with centre.session() as session:
        before = len(session.scalars(select(AuditEvent)).all())
    centre.close()
    exchange(network, tmp_path, "L1", up=True)  # sent again: kept once
    centre = network.open("centre")
    with centre.session() as session:
        assert len(session.scalars(select(AuditEvent)).all()) == before
    centre.close()


def test_an_account_disabled_at_the_centre_is_refused_on_its_laptop(
    network: Network, tmp_path: Path
) -> None:
    import pytest

    from app.db.database import open_database
    from app.errors import AuthError
    from app.services.accounts import disable_account
    from app.services.audit import signed_in
    from tests.sync.network import LAPTOP_PASSWORD

    centre = network.open("centre")
    disable_account(centre, "user-L1")
    centre.close()
    exchange(network, tmp_path, "L1")
    target = str(network.path("L1"))
    with pytest.raises(AuthError):
        signed_in(lambda: open_database(target, password=LAPTOP_PASSWORD), target, None)
