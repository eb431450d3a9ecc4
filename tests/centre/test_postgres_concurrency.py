"""Several staff at once on one PostgreSQL centre: bundle imports from two laptops and two
`records import` run side by side as separate processes, while a specialist saves edits as the
GUI does; all succeed and nothing is lost."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from sqlalchemy import func, select

from app.db.database import open_database
from app.db.models import Change, Family, Person
from app.services.records import RecordService, export_records, import_records
from app.services.setup import init_centre
from app.sync.enrollment import enroll_device, init_field
from app.sync.exchange import export_bundle
from tests.acceptance.conftest import ROOT, _env, command, uid, write_lines
from tests.sync.network import DISTRICTS, LAPTOP_PASSWORD, PASSWORD, SETTLEMENTS

FAMILIES = 150  # per writer


def _families(tag: str, settlement: str) -> list[dict[str, object]]:
    lines: list[dict[str, object]] = []
    for n in range(FAMILIES):
        family = uid(f"{tag}:family:{n}")
        lines.append({"type": "family", "id": family, "settlement_id": settlement})
        lines.append(
            {
                "type": "person",
                "id": uid(f"{tag}:person:{n}"),
                "family_id": family,
                "surname": f"Прізвище{tag}",
                "given_name": f"Ім'я{n}",
            }
        )
    return lines


def test_two_bundle_imports_and_two_records_imports_at_once(pg_url: str, tmp_path: Path) -> None:
    centre = init_centre(pg_url, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False)
    service = RecordService(centre)
    for district_id, name in DISTRICTS:
        service.save("district", district_id, {"name": name, "community": "Малинська"})
    for settlement_id, name, district_id in SETTLEMENTS:
        service.save("settlement", settlement_id, {"name": name, "district_id": district_id})
    settlement = SETTLEMENTS[0][0]
    bundles = []
    for laptop in ("L1", "L2"):
        enrollment = tmp_path / f"{laptop}.enroll"
        enroll_device(
            centre,
            name=laptop,
            districts=[DISTRICTS[0][0]],
            login=f"user-{laptop}",
            password=LAPTOP_PASSWORD,
            out=enrollment,
        )
        db = init_field(tmp_path / f"{laptop}.db", enrollment, LAPTOP_PASSWORD, encrypted=False)
        import_records(db, write_lines(tmp_path / f"{laptop}.jsonl", _families(laptop, settlement)))
        bundles.append(tmp_path / f"{laptop}.opora")
        export_bundle(db, bundles[-1])
        db.close()
    centre.close()
    files = [write_lines(tmp_path / f"{t}.jsonl", _families(t, settlement)) for t in ("C1", "C2")]

    calls = [("sync", "import", b) for b in bundles] + [("records", "import", f) for f in files]
    processes = [
        subprocess.Popen(
            command(*args, db=pg_url, user="admin"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(PASSWORD, None, None),
            cwd=ROOT,
        )
        for args in calls
    ]
    # Meanwhile a specialist edits at the centre, as the GUI does (one unit of work a save).
    gui = open_database(pg_url, login="admin", password=PASSWORD)
    service = RecordService(gui)
    edited = [service.save("family", None, {"settlement_id": settlement}) for _ in range(10)]
    for family in edited:
        service.save("family", family, {"address": "вул. Нова, 1"})
    gui.close()
    outcomes = [(p.wait(timeout=300), *p.communicate()) for p in processes]
    for args, (code, _out, err) in zip(calls, outcomes, strict=True):
        assert code == 0, f"{args}: {err}"

    centre = open_database(pg_url, login="admin", password=PASSWORD)
    try:
        with centre.session() as session:
            assert session.scalar(select(func.count()).select_from(Family)) == 4 * FAMILIES + 10
            assert session.scalar(select(func.count()).select_from(Person)) == 4 * FAMILIES
            origins = dict(
                session.execute(select(Change.origin, func.count()).group_by(Change.origin)).all()
            )
        # Each laptop's changes, and the centre's own: its set-up, then both files, with no
        # sequence number given twice (the primary key would have refused it).
        assert sorted(origins.values())[:2] == [2 * FAMILIES, 2 * FAMILIES]
        exported = [json.loads(line) for line in export_records(centre)]
        ids = {r["id"] for r in exported}
        for tag in ("L1", "L2", "C1", "C2"):
            assert uid(f"{tag}:family:{FAMILIES - 1}") in ids
        assert all(r["address"] == "вул. Нова, 1" for r in exported if r["id"] in edited)
    finally:
        centre.close()


def test_audit_events_written_at_once_each_get_a_number(pg_url: str) -> None:
    """Reports and exports run side by side each append an audit event; on PostgreSQL two of
    them read the same last number unless they wait for each other (a UniqueViolation that
    failed `report attendance`)."""
    import threading

    from app.db.models import AuditEvent
    from app.services import audit

    centre = init_centre(pg_url, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False)
    with centre.reading() as session:
        before = session.scalar(select(func.count()).select_from(AuditEvent))
    errors: list[BaseException] = []
    start = threading.Barrier(8, timeout=60)  # a thread that fails early never strands the rest

    def append() -> None:
        try:
            db = open_database(pg_url, login="admin", password=PASSWORD)
        except BaseException as error:  # noqa: BLE001 - reported below, before the others'
            errors.insert(0, error)
            start.abort()
            return
        try:
            start.wait()
            for _ in range(10):
                audit.log(db, "print", "group", uid("G1"))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            db.close()

    workers = [threading.Thread(target=append) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert errors == []
    with centre.reading() as session:
        after = session.scalar(select(func.count()).select_from(AuditEvent))
    centre.close()
    assert after - before >= 80  # each open may add its own sign-in event too


def test_an_audit_event_in_a_writing_transaction_survives_one_written_beside_it(
    pg_url: str,
) -> None:
    """A `records import` writes its `change` event inside its own transaction; a report run
    on another PC meanwhile appends its `print` event and commits first. Both read the same
    last number: the import's commit failed on the duplicate and lost the whole import."""
    import threading

    from app.db.models import AuditEvent
    from app.services import audit

    centre = init_centre(pg_url, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False)
    other = open_database(pg_url, login="admin", password=PASSWORD)
    with centre.reading() as session:
        before = session.scalar(select(func.count()).select_from(AuditEvent))
    failures: list[BaseException] = []

    def report_beside() -> None:
        try:
            audit.log(other, "print", "group", uid("G1"))
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    beside = threading.Thread(target=report_beside)
    with centre.session() as session:
        audit.record(session, "admin", "change", "family", uid("F1"))
        beside.start()
        beside.join(3)  # the other PC's event is written (or waits for this one) meanwhile
    beside.join(60)
    assert not beside.is_alive() and failures == []
    with centre.reading() as session:
        events = session.execute(
            select(AuditEvent.seq, AuditEvent.action).order_by(AuditEvent.seq)
        ).all()
    other.close()
    centre.close()
    assert len(events) == before + 2
    assert {action for _, action in events[-2:]} == {"change", "print"}
    assert len({seq for seq, _ in events}) == len(events)
