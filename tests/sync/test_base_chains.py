"""A version's base chain always goes back in time; one that does not (a forged bundle's, or
two writes that got one stamp) must not hang the merge: the edit is kept as a conflict."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from sqlalchemy import select, update

from app.db.models import Change
from app.services.records import RecordService
from app.sync.exchange import APPLIED
from tests.sync.network import SETTLEMENTS, Network, conflicts, receive, send


def _receive_within(target, bundle: Path, seconds: float = 60.0):
    done: list = []
    worker = threading.Thread(target=lambda: done.append(receive(target, bundle)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the merge walked a base chain that never ends"
    return done[0]


def test_a_base_chain_that_names_itself_ends_in_a_conflict(
    network: Network, tmp_path: Path
) -> None:
    centre, l1, l2 = network.open("centre"), network.open("L1"), network.open("L2")
    family = RecordService(l1).save(
        "family", None, {"settlement_id": SETTLEMENTS[0][0], "address": "вул. Миру, 1"}
    )
    receive(centre, send(l1, tmp_path / "new.opora"))
    receive(l2, send(centre, tmp_path / "to-l2.opora", "L2"))
    RecordService(l2).save("family", family, {"address": "вул. Миру, 2"})  # not yet sent
    RecordService(l1).delete("family", family)
    receive(centre, send(l1, tmp_path / "delete.opora"))
    # The delete's base of the address names the delete itself: a chain with no end.
    with centre.session() as session:
        delete = session.scalars(
            select(Change).where(Change.record_id == family).order_by(Change.hlc.desc())
        ).first()
        assert delete is not None and json.loads(delete.data).get("deleted") is True
        bases = json.loads(delete.bases)
        bases["address"] = f"{delete.hlc}/{delete.origin}"
        session.execute(
            update(Change)
            .where(Change.origin == delete.origin, Change.seq == delete.seq)
            .values(bases=json.dumps(bases))
        )
    result = _receive_within(centre, send(l2, tmp_path / "edit.opora"))
    assert result.status == APPLIED
    # The delete had not seen the edit: the edit is kept for review, not lost.
    assert any(c.record_id == family for c in conflicts(centre))
