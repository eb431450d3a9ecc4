"""«On record» on a day is one rule (app/db/on_record.py): the period summary, the families
list's filter and the social card printout give the same answer for every case at its edges,
on a real database (the card's badge: tests/ui/test_gui_referrals.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.db.database import Database, open_database
from app.db.on_record import RecordStatus, on_record, record_status
from app.reports.loaders import load_family_card
from app.reports.pdf.family_card import status_text
from app.reports.summary import compute_summary
from app.services.family_index import FamilyFilter, FamilyIndex, load_family_rows
from app.services.records import import_records
from app.services.setup import init_centre
from tests.conftest import PASSWORD

DAY = dt.date(2025, 6, 30)
EDGES = (None, DAY - dt.timedelta(days=1), DAY, DAY + dt.timedelta(days=1))
# (on record from, off record from): every pair of edge dates that a family may hold
CASES = [(start, end) for start in EDGES for end in EDGES if not (start is None and end)]
CASES = [(s, e) for s, e in CASES if s is None or e is None or e >= s]


def family_id(n: int) -> str:
    return f"0190a000-0000-7000-8000-{n:012d}"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("on_record")
    db = init_centre(
        folder / "centre.db", name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False
    )
    lines = [
        {"type": "district", "id": family_id(900), "name": "Морозівський"},
        {"type": "settlement", "id": family_id(901), "name": "с. Морозівка"},
    ]
    lines[1]["district_id"] = family_id(900)
    for n, (start, end) in enumerate(CASES):
        lines.append(
            {
                "type": "family",
                "id": family_id(n),
                "settlement_id": family_id(901),
                "on_record_from": start.isoformat() if start else None,
                "on_record_to": end.isoformat() if end else None,
            }
        )
        lines.append(
            {
                "type": "person",
                "id": family_id(500 + n),
                "family_id": family_id(n),
                "surname": "Коваль",
                "given_name": "Олена",
                "birth_date": "2015-01-01",
            }
        )
    data = folder / "data.jsonl"
    data.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    try:
        import_records(db, data)
    finally:
        db.close()
    return folder / "centre.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path, authenticate=False)
    yield database
    database.close()


def expected() -> set[str]:
    """Counted by hand: taken on record on or before the day, and not taken off by then."""
    wanted = {(DAY - dt.timedelta(days=1), None), (DAY, None)}
    wanted |= {(DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=1))}
    wanted |= {(DAY, DAY + dt.timedelta(days=1))}
    return {family_id(n) for n, case in enumerate(CASES) if case in wanted}


def test_the_edges_by_hand() -> None:
    yesterday, tomorrow = DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=1)
    assert record_status(DAY, None, DAY) is RecordStatus.ON  # taken on record that day
    assert record_status(yesterday, DAY, DAY) is RecordStatus.OFF  # taken off that day
    assert record_status(tomorrow, None, DAY) is RecordStatus.NOT  # not yet
    assert record_status(None, None, DAY) is RecordStatus.NOT
    assert record_status(yesterday, tomorrow, DAY) is RecordStatus.ON


def test_summary_list_and_sql_agree(db: Database) -> None:
    on_day = expected()
    assert len(on_day) == 4
    summary = compute_summary(db, DAY - dt.timedelta(days=30), DAY)
    assert summary.families_on_record == len(on_day)
    assert summary.children_in_families_on_record == len(on_day)  # one child each
    assert summary.by_district["Морозівський"].on_record == len(on_day)
    index = FamilyIndex(load_family_rows(db))
    listed = {row.id for row in index.search(FamilyFilter(on_record=True), today=DAY)}
    assert listed == on_day
    off = {row.id for row in index.search(FamilyFilter(on_record=False), today=DAY)}
    assert off == {family_id(n) for n in range(len(CASES))} - on_day
    printed = {
        family_id(n)
        for n in range(len(CASES))
        if status_text(load_family_card(db, family_id(n), today=DAY)).startswith("перебуває")
    }
    assert printed == on_day


def test_the_printout_words_each_status() -> None:
    import dataclasses

    from tests.reports.helpers import family_card

    card = dataclasses.replace(family_card(), printed_on=DAY, close_reason="переїзд")
    yesterday, tomorrow = DAY - dt.timedelta(days=1), DAY + dt.timedelta(days=1)

    def status(start: dt.date | None, end: dt.date | None) -> str:
        return status_text(dataclasses.replace(card, on_record_from=start, on_record_to=end))

    assert status(yesterday, DAY) == (
        "знята з обліку 30.06.2025 (на обліку з 29.06.2025); причина: переїзд"
    )
    assert (
        status(DAY, tomorrow) == "перебуває на обліку з 30.06.2025; знімається з обліку 01.07.2025"
    )
    assert status(tomorrow, None) == "не перебуває на обліку (береться на облік 01.07.2025)"
    assert status(None, None) == "не перебуває на обліку"


dates = st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(start=dates, end=dates, day=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
def test_status_and_on_record_are_one_rule(
    start: dt.date | None, end: dt.date | None, day: dt.date
) -> None:
    assert on_record(start, end, day) == (record_status(start, end, day) is RecordStatus.ON)
    if on_record(start, end, day):
        assert start is not None and start <= day and (end is None or end > day)
