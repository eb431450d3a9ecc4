"""Reference versions over bundles: the centre's bundle carries a newer shipped version to the
laptops; a bundle made before the service codes moved (schema before 0005) is moved on import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

import app.sync.exchange as exchange
from app.db import reference
from app.db.models import Change, RefEntry, ServiceRecord
from app.services.records import RecordService
from app.sync.exchange import APPLIED
from tests.sync.network import SETTLEMENTS, Network, receive, send

S1 = SETTLEMENTS[0][0]


def test_bundle_from_before_the_move_is_moved_on_import(
    network: Network, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    centre, l1 = network.open("centre"), network.open("L1")
    family = RecordService(l1).save("family", None, {"settlement_id": S1})
    aid = RecordService(l1).save(
        "service", None, {"family_id": family, "service_code": "005.0", "date": "2025-03-01"}
    )
    with monkeypatch.context() as patch:  # a laptop still on the schema before 0005
        patch.setattr(exchange, "head_revision", lambda: "0002")
        bundle = send(l1, tmp_path / "old.opora")
    assert receive(centre, bundle).status == APPLIED
    with centre.session() as session:
        assert session.get(ServiceRecord, aid).service_code == "019.0"
        logged = session.scalars(select(Change.data).where(Change.record_id == aid)).all()
    assert [json.loads(d)["service_code"] for d in logged] == ["019.0"]
    # a bundle of the current schema means what it says: 005.0 is shelter
    shelter = RecordService(l1).save(
        "service", None, {"family_id": family, "service_code": "005.0", "date": "2025-03-02"}
    )
    assert receive(centre, send(l1, tmp_path / "new.opora")).status == APPLIED
    with centre.session() as session:
        assert session.get(ServiceRecord, shelter).service_code == "005.0"


def test_centre_bundle_carries_a_newer_reference_version(
    network: Network, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = reference.shipped()
    data["version"] = "2099.1"
    data["kinds"]["service"].append(["099.0", "Нова послуга", "A new service"])
    data["retired"] = {"service": ["007.0"]}
    newer = tmp_path / "classifiers.json"
    newer.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    l1 = network.open("L1")  # opened by this program: reference 2026.2
    with monkeypatch.context() as patch:
        patch.setattr(reference, "CLASSIFIERS", newer)
        l4 = network.open("L4")  # a laptop opened by the newer program: quietly upgraded
        l4_id = l4.device_id
        with l4.session() as session:
            assert reference.stored_version(session) == "2099.1"
            own = session.scalar(
                select(Change).where(Change.entity == "ref_entry", Change.origin == l4_id)
            )
            assert own is None  # no change of its own: reference data changes at the centre
        centre = network.open("centre")
        with centre.session() as session:
            assert reference.stored_version(session) == "2099.1"
    # L1 is not opened by the newer program again: only the centre's bundle brings the version
    assert receive(l1, send(centre, tmp_path / "c.opora", "L1")).status == APPLIED
    with l1.session() as session:
        entry = session.get(RefEntry, reference.entry_id("service", "099.0"))
        assert entry is not None and entry.label_uk == "Нова послуга"
        assert session.get(RefEntry, reference.entry_id("service", "007.0")).retired is True
    assert receive(l4, send(centre, tmp_path / "c4.opora", "L4")).status == APPLIED
    with l4.session() as session, l1.session() as other:
        columns = ("code", "label_uk", "version", "retired", "versions")
        rows = [
            sorted(tuple(getattr(r, c) for c in columns) for r in s.scalars(select(RefEntry)))
            for s in (session, other)
        ]
    assert rows[0] == rows[1]  # quietly upgraded and bundle-upgraded laptops agree
