"""The life of a laptop: a disabled account's restricted families leave its laptop; a change
of the laptop's districts narrows or widens what the centre's next bundle leaves there."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db.models import Change, Family, Person
from app.services.accounts import disable_account
from app.services.records import RecordService
from tests.sync.network import SETTLEMENTS, Network
from tests.sync.test_restricted import exchange, holds

FAMILY = "0190a000-0000-7000-8000-00000000f101"
PERSON = "0190a000-0000-7000-8000-00000000f102"


def test_a_disabled_accounts_restricted_family_leaves_the_laptop(
    network: Network, tmp_path: Path
) -> None:
    centre = network.open("centre")
    service = RecordService(centre)
    service.save(
        "family",
        FAMILY,
        {"settlement_id": SETTLEMENTS[0][0], "restricted": True, "responsible": "user-L1"},
    )
    service.save("person", PERSON, {"family_id": FAMILY, "surname": "Таємна", "given_name": "Я"})
    centre.close()
    exchange(network, tmp_path, "L1")
    l1 = network.open("L1")
    assert holds(l1, Family, FAMILY) and holds(l1, Person, PERSON)
    l1.close()

    centre = network.open("centre")
    disable_account(centre, "user-L1")  # the laptop is handed to someone else
    centre.close()
    exchange(network, tmp_path, "L1", up=True)  # the laptop's acknowledgement goes up first
    l1 = network.open("L1", fast=True)
    assert not holds(l1, Family, FAMILY) and not holds(l1, Person, PERSON)
    l1.close()


AWAY = "0190a000-0000-7000-8000-00000000f201"  # a family of the first district
AWAY_PERSON = "0190a000-0000-7000-8000-00000000f202"
HOME = "0190a000-0000-7000-8000-00000000f203"  # a family of the second district
GROUP = "0190a000-0000-7000-8000-00000000f204"
SESSION = "0190a000-0000-7000-8000-00000000f205"


def districts_of(db) -> list[str]:
    from app.sync.devices import self_device

    with db.session() as session:
        return list(self_device(session).districts or [])


def test_a_laptops_districts_widen_then_narrow(network: Network, tmp_path: Path) -> None:
    import pytest

    from app.db.models import GroupSession, SupportGroup
    from app.errors import NotPermitted
    from app.sync.device_districts import change_districts
    from tests.sync.network import DISTRICTS

    d1, d2 = DISTRICTS[0][0], DISTRICTS[1][0]
    centre = network.open("centre")
    service = RecordService(centre)
    service.save("family", AWAY, {"settlement_id": SETTLEMENTS[0][0], "address": "вул. Далека"})
    service.save("person", AWAY_PERSON, {"family_id": AWAY, "surname": "Далека", "given_name": "Я"})
    service.save("family", HOME, {"settlement_id": SETTLEMENTS[1][0]})
    service.save("group", GROUP, {"name": "Група", "district_id": d1})
    service.save("session", SESSION, {"group_id": GROUP, "date": "2024-03-01"})
    centre.close()
    exchange(network, tmp_path, "L4", up=True)
    exchange(network, tmp_path, "L4", up=True)  # L4 has acknowledged all of it (out of scope)
    l4 = network.open("L4", fast=True)
    assert holds(l4, Family, HOME) and not holds(l4, Family, AWAY)
    l4.close()

    # widen: the centre's next bundle brings the first district's records whole
    centre = network.open("centre")
    assert change_districts(centre, "L4", [DISTRICTS[0][1], DISTRICTS[1][1]])["device"] == "L4"
    centre.close()
    exchange(network, tmp_path, "L4")
    l4 = network.open("L4", fast=True)
    assert sorted(districts_of(l4)) == sorted([d1, d2])
    with l4.session() as session:
        assert session.get(Family, AWAY).address == "вул. Далека"
        assert session.get(Person, AWAY_PERSON).surname == "Далека"
        assert session.get(SupportGroup, GROUP) is not None
        assert session.get(GroupSession, SESSION) is not None
    l4.close()
    exchange(network, tmp_path, "L4", up=True)  # answers the change: refilling stops
    centre = network.open("centre")
    with centre.session() as session:
        from app.db.models import Setting

        pending = session.scalars(
            select(Setting.key).where(Setting.key.like("districts_change:%"))
        ).all()
        assert pending == []
    centre.close()

    # narrow: L4 has unsent work on the first district's family
    l4 = network.open("L4")
    RecordService(l4).save("family", AWAY, {"notes": "робота L4"})
    l4.close()
    centre = network.open("centre")
    change_districts(centre, "L4", [DISTRICTS[1][1]])
    centre.close()
    exchange(network, tmp_path, "L4")
    l4 = network.open("L4")
    assert districts_of(l4) == [d2]
    assert holds(l4, Family, AWAY), "unsent work must reach the centre first"
    # the account's reach follows the laptop's districts
    with pytest.raises(NotPermitted):
        RecordService(l4).save("family", None, {"settlement_id": SETTLEMENTS[0][0]})
    l4.close()
    exchange(network, tmp_path, "L4", up=True)  # the work goes up, the purge comes down
    centre = network.open("centre")
    with centre.session() as session:
        assert session.get(Family, AWAY).notes == "робота L4"  # applied, not refused
    centre.close()
    l4 = network.open("L4", fast=True)
    for model, record in (
        (Family, AWAY),
        (Person, AWAY_PERSON),
        (SupportGroup, GROUP),
        (GroupSession, SESSION),
    ):
        assert not holds(l4, model, record), model
    assert holds(l4, Family, HOME)
    with l4.session() as session:
        assert session.scalars(select(Change).where(Change.record_id == AWAY)).all() == []
    l4.close()
