"""Reference versions: an old database's service codes move once to the official classifier,
the centre's bundles carry the new reference version, retired codes stay on old records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.db import migrate, reference
from app.db.database import open_database
from app.db.models import Change, RefEntry, ServiceRecord
from app.errors import ValidationError
from app.reports.summary import compute_summary
from app.services.records import RecordService, export_records, import_records
from app.services.setup import init_centre
from tests.conftest import PASSWORD

OLD_CLASSIFIERS = Path(__file__).parent / "data" / "classifiers-2026.1.json"
FAMILY = "0190b000-0000-7000-8000-00000000f001"
OTHER = "0190b000-0000-7000-8000-00000000f002"
SETTLEMENT = "0190b000-0000-7000-8000-00000000e001"
DISTRICT = "0190b000-0000-7000-8000-00000000d001"


def _id(n: int) -> str:
    return f"0190b000-0000-7000-8000-{n:012d}"


def _records() -> list[dict]:
    def service(n: int, family: str, code: str) -> dict:
        return {
            "type": "service",
            "id": _id(n),
            "family_id": family,
            "service_code": code,
            "date": "2025-03-0" + str(n % 9 + 1),
        }

    return [
        {"type": "district", "id": DISTRICT, "name": "Морозівський"},
        {"type": "settlement", "id": SETTLEMENT, "name": "с. Морозівка", "district_id": DISTRICT},
        {"type": "family", "id": FAMILY, "settlement_id": SETTLEMENT},
        {"type": "family", "id": OTHER, "settlement_id": SETTLEMENT},
        service(1, FAMILY, "005.0"),  # humanitarian aid, as the old reference labelled it
        service(2, OTHER, "005.0"),
        service(3, FAMILY, "007.0"),  # shelter, as the old reference labelled it
        service(4, OTHER, "002.0"),
        {
            "type": "assessment",
            "id": _id(9),
            "family_id": FAMILY,
            "started": "2025-03-01",
            "needed_services": ["005.0", "007.0", "002.0"],
        },
    ]


@pytest.fixture
def old_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A centre database as the version before the correction left it: reference 2026.1,
    schema 0002, services recorded with the old meaning of 005.0 and 007.0."""
    with monkeypatch.context() as patch:
        patch.setattr(reference, "CLASSIFIERS", OLD_CLASSIFIERS)
        db = init_centre(tmp_path / "old.db", name="ЦНСП", admin="admin", password=PASSWORD,
                         encrypted=False)  # fmt: skip
        data = tmp_path / "old.jsonl"
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()))
        import_records(db, data)
        with db.engine.begin() as connection:
            migrate.downgrade(connection, "0002")
        db.close()
    return tmp_path / "old.db"


def test_old_database_counts_humanitarian_aid_under_019(old_db: Path) -> None:
    db = open_database(old_db, authenticate=False)
    try:
        summary = compute_summary(db, dt.date(2025, 1, 1), dt.date(2025, 12, 31)).to_json()
        assert summary["services"]["019.0"] == 2  # the two old «humanitarian aid» families
        assert summary["services"]["005.0"] == 1  # the old «shelter» is now 005.0
        assert summary["services"]["007.0"] == 0
        assert summary["services"]["002.0"] == 1
        with db.session() as session:
            codes = dict(
                session.execute(select(ServiceRecord.id, ServiceRecord.service_code)).all()
            )
            assert codes == {_id(1): "019.0", _id(2): "019.0", _id(3): "005.0", _id(4): "002.0"}
            # the change log says the same, so replicas still agree change for change
            logged = [
                json.loads(c.data).get("service_code")
                for c in session.scalars(select(Change).where(Change.entity == "service"))
            ]
            assert sorted(logged) == ["002.0", "005.0", "019.0", "019.0"]
            labels = dict(reference.labels(session, "service"))
            assert labels["005.0"] == "Надання притулку"
            assert labels["019.0"] == "Натуральна допомога"
            assert reference.stored_version(session) == reference.shipped()["version"]
        assessment = RecordService(db).get("assessment", _id(9))
        assert assessment is not None
        assert assessment["needed_services"] == ["002.0", "005.0", "019.0"]
        exported = "\n".join(export_records(db))
        assert '"service_code": "019.0"' in exported
    finally:
        db.close()


def test_codes_move_once(old_db: Path) -> None:
    db = open_database(old_db, authenticate=False)
    try:
        shelter = RecordService(db).save(
            "service", None, {"family_id": FAMILY, "service_code": "005.0", "date": "2025-04-01"}
        )
    finally:
        db.close()
    db = open_database(old_db, authenticate=False)  # opened again: nothing moves any more
    try:
        assert RecordService(db).get("service", shelter)["service_code"] == "005.0"
        assert RecordService(db).get("service", _id(3))["service_code"] == "005.0"
    finally:
        db.close()


def test_new_database_moves_nothing(plain_centre) -> None:
    RecordService(plain_centre).save(
        "family", FAMILY, {"settlement_id": None} | {"settlement_id": _settlement(plain_centre)}
    )
    saved = RecordService(plain_centre).save(
        "service", None, {"family_id": FAMILY, "service_code": "005.0", "date": "2025-04-01"}
    )
    with plain_centre.session() as session:
        assert reference.stored_version(session) == "2026.2"
    assert RecordService(plain_centre).get("service", saved)["service_code"] == "005.0"


def _settlement(db) -> str:
    service = RecordService(db)
    district = service.save("district", None, {"name": "Округ"})
    return service.save("settlement", None, {"name": "Село", "district_id": district})


def test_centre_writes_the_new_reference_through_its_change_log(old_db: Path) -> None:
    db = open_database(old_db, authenticate=False)
    try:
        with db.session() as session:
            logged = session.scalars(
                select(Change.data).where(
                    Change.entity == "ref_entry",
                    Change.record_id == reference.entry_id("service", "019.0"),
                )
            ).all()
        # the new entry is a change of the centre's own, so its next bundles carry it
        assert any("Натуральна допомога" in data for data in logged)
    finally:
        db.close()


def test_retired_code_stays_on_old_records_but_is_not_chosen_anew(
    plain_centre, tmp_path: Path
) -> None:
    settlement = _settlement(plain_centre)
    service = RecordService(plain_centre)
    family = service.save("family", None, {"settlement_id": settlement})
    old = service.save(
        "service", None, {"family_id": family, "service_code": "011.0", "date": "2025-04-01"}
    )
    with plain_centre.session() as session:  # a later reference version retires 011.0
        entry = session.get(RefEntry, reference.entry_id("service", "011.0"))
        entry.retired = True
    # the old record keeps it, is shown, counted and exported with it, and may be edited
    service.save("service", old, {"family_id": family, "service_code": "011.0", "minutes": 20})
    summary = compute_summary(plain_centre, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert summary.services["011.0"] == 1
    assert '"service_code": "011.0"' in "\n".join(export_records(plain_centre))
    with plain_centre.session() as session:
        assert ("011.0", "Соціальна профілактика (назва потребує уточнення)") in (
            reference.labels(session, "service")
        )
        assert "011.0" not in dict(reference.labels(session, "service", retired=False))
    # a form may not choose it for a new record, nor switch a record to it
    with pytest.raises(ValidationError, match="вилучено"):
        service.save(
            "service", None, {"family_id": family, "service_code": "011.0", "date": "2025-04-02"}
        )
    other = service.save(
        "service", None, {"family_id": family, "service_code": "002.0", "date": "2025-04-02"}
    )
    with pytest.raises(ValidationError, match="вилучено"):
        service.save("service", other, {"service_code": "011.0"})
    # records import carries history: it accepts a retired code, on a new record too
    line = {
        "type": "service",
        "id": _id(77),
        "family_id": family,
        "service_code": "011.0",
        "date": "2025-04-03",
    }
    (tmp_path / "in.jsonl").write_text(json.dumps(line) + "\n")
    assert (
        main(["--db", str(plain_centre.path), "records", "import", str(tmp_path / "in.jsonl")]) == 0
    )


def test_newer_reference_version_retires_what_it_no_longer_ships(
    plain_centre, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = reference.shipped()
    data["version"] = "2027.1"
    data["kinds"]["service"] = [e for e in data["kinds"]["service"] if e[0] != "015.3"]
    data["retired"] = {"service": ["007.0"]}
    newer = tmp_path / "classifiers.json"
    newer.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    monkeypatch.setattr(reference, "CLASSIFIERS", newer)
    plain_centre.close()
    db = open_database(plain_centre.path, authenticate=False)
    try:
        with db.session() as session:
            assert reference.retired_codes(session)["service"] == {"007.0", "015.3"}
            assert reference.stored_version(session) == "2027.1"
    finally:
        db.close()
