"""«Хто» in a family's history: the account that made each change, read from the audit
trail's change events, exact when several accounts work on one database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db.actors import new_epoch
from app.db.database import Database, open_database, self_device_id
from app.db.models import AuditEvent, Change
from app.services import audit
from app.services.accounts import create_account
from app.services.family_form import family_history
from app.services.records import RecordService
from tests.conftest import PASSWORD


def _family(db: Database) -> str:
    service = RecordService(db)
    district = service.save("district", None, {"name": "Морозівський", "community": "Малинська"})
    settlement = service.save("settlement", None, {"name": "с. Морозівка", "district_id": district})
    family = service.save("family", None, {"settlement_id": settlement, "address": "вул. Садова"})
    service.save("person", None, {"family_id": family, "surname": "Коваль", "given_name": "Іра"})
    return family


def test_each_change_names_the_account_that_made_it(plain_centre: Database) -> None:
    family = _family(plain_centre)
    create_account(plain_centre, "olena", "head", PASSWORD, name="Олена Ткач")
    path = plain_centre.path
    assert isinstance(path, Path)
    olena = open_database(path, login="olena", password=PASSWORD)
    try:
        RecordService(olena).save("visit", None, {"family_id": family, "date": "2026-01-15"})
        RecordService(plain_centre).save("family", family, {"address": "вул. Лісова"})
        RecordService(olena).save("family", family, {"phone": "0671234567"})
    finally:
        olena.close()
    rows = family_history(plain_centre, family)
    by_fields = {(row.entity, row.fields): row.who for row in rows}
    assert by_fields[("visit", ("date", "family_id"))] == "Олена Ткач"
    assert by_fields[("family", ("address",))] == "admin"
    assert by_fields[("family", ("phone",))] == "Олена Ткач"
    # the first writes, before the second account existed, are the admin's too
    created = [row for row in rows if row.entity == "family" and "settlement_id" in row.fields]
    assert [row.who for row in created] == ["admin"]


def test_a_bulk_import_event_names_its_whole_range(plain_centre: Database, tmp_path: Path) -> None:
    family = _family(plain_centre)
    with plain_centre.reading() as session:
        before = session.scalar(select(Change.seq).order_by(Change.seq.desc()).limit(1)) or 0
    lines = tmp_path / "visits.jsonl"
    lines.write_text(
        "".join(
            f'{{"type": "visit", "id": "0190a000-0000-7000-8000-00000000010{n}", '
            f'"family_id": "{family}", "date": "2026-01-1{n}"}}\n'
            for n in range(3)
        ),
        "utf-8",
    )
    from app.services.records import import_records

    assert import_records(plain_centre, lines) == 3
    with plain_centre.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "change").order_by(AuditEvent.seq.desc())
        ).first()
        assert event is not None and event.count == 3
        assert (event.change_first, event.change_last) == (before + 1, before + 3)
        assert event.change_origin == session.scalar(select(Change.origin).limit(1))


def test_change_events_travel_with_their_range(plain_centre: Database) -> None:
    family = _family(plain_centre)
    with plain_centre.reading() as session:
        me = self_device_id(session)
        lines = audit.outgoing(session, "a-peer")
    changes = [line["audit"]["changes"] for line in lines if "changes" in line["audit"]]
    assert changes and all(origin == me and 0 < a <= b for origin, a, b in changes)
    # a peer keeps the range (and ignores a malformed one)
    received = [dict(line["audit"], device="laptop-1") for line in lines]
    received[0]["changes"] = ["x", 5, 1]
    with plain_centre.session() as session:
        assert audit.take(session, "laptop-1", received) == len(received)
    with plain_centre.reading() as session:
        kept = session.scalars(
            select(AuditEvent).where(AuditEvent.device_id == "laptop-1").order_by(AuditEvent.seq)
        ).all()
        assert kept[0].change_origin is None
        assert [[e.change_origin, e.change_first, e.change_last] for e in kept[1:]] == [
            line["audit"].get("changes", [None, None, None]) for line in lines[1:]
        ]
    del family


def test_a_new_epoch_numbers_its_changes_from_one(plain_centre: Database) -> None:
    """After a restore or a copy (a new actor), every later write gets the next number of
    the actor's own: the second write used to reuse the first one's and was refused."""
    family = _family(plain_centre)
    with plain_centre.session() as session:
        actor = new_epoch(session, self_device_id(session))
    service = RecordService(plain_centre)
    for day in ("2026-01-15", "2026-01-16", "2026-01-17"):
        service.save("visit", None, {"family_id": family, "date": day})
    with plain_centre.reading() as session:
        seqs = session.scalars(
            select(Change.seq).where(Change.origin == actor).order_by(Change.seq)
        ).all()
    assert seqs == [1, 2, 3]
