"""The social card's dated history of categories and СЖО factors: written on three days through
the real write path, printed on the family card and read back from the real PDF."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO
from pathlib import Path

import pytest

from app.db import clock
from app.db.database import open_database
from app.reports.data import CodeSpan
from app.reports.loaders import load_family_card
from app.reports.pdf.family_card import render_family_card
from app.services.records import RecordService
from app.services.setup import init_centre
from tests.conftest import PASSWORD

from .helpers import pdf_pages

FAMILY = "0190a000-0000-7000-8000-000000000001"
PERSON = "0190a000-0000-7000-8000-000000000002"
SETTLEMENT = "0190a000-0000-7000-8000-000000000003"
DISTRICT = "0190a000-0000-7000-8000-000000000004"
JAN, MAR, JUN = dt.date(2025, 1, 10), dt.date(2025, 3, 5), dt.date(2025, 6, 2)
IDP = "Внутрішньо переміщені особи (ВПО)"
LARGE = "Багатодітна сім'я"
LOW_INCOME = "Малозабезпеченість"


def noon(day: dt.date) -> int:
    moment = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    return int(moment.timestamp() * 1000)


@pytest.fixture
def card_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, tuple]:
    """A family whose categories and factors changed on three days (this machine's clock set
    to each day in turn: the change log stamps every write with it)."""
    today = [JAN]
    monkeypatch.setattr(clock, "wall_millis", lambda: noon(today[0]))
    db = init_centre(
        tmp_path / "centre.db", name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False
    )
    db.close()
    db = open_database(tmp_path / "centre.db", authenticate=False)
    try:
        records = RecordService(db)
        records.save("district", DISTRICT, {"name": "Морозівський"})
        records.save("settlement", SETTLEMENT, {"name": "с. Морозівка", "district_id": DISTRICT})
        records.save(
            "family",
            FAMILY,
            {
                "settlement_id": SETTLEMENT,
                "on_record_from": JAN,
                "categories": ["idp"],
                "factors": ["low_income"],
                "specialist": "Коваль Н. Г.",
            },
        )
        records.save(
            "person", PERSON, {"family_id": FAMILY, "surname": "Шевчук", "given_name": "Олена"}
        )
        today[0] = MAR  # a third child: large family too
        records.save("family", FAMILY, {"categories": ["idp", "large_family"]})
        records.save("family", FAMILY, {"address": "вул. Ґарна, 1"})  # not the codes
        today[0] = JUN  # no longer displaced; the low income ends too
        records.save("family", FAMILY, {"categories": ["large_family"], "factors": []})
        data = load_family_card(db, FAMILY, today=JUN)
    finally:
        db.close()
    buffer = BytesIO()
    render_family_card(data, buffer)
    return buffer.getvalue(), data.code_history


def test_history_spans_from_the_change_log(card_pdf: tuple[bytes, tuple]) -> None:
    _pdf, history = card_pdf
    assert history == (
        CodeSpan("category", IDP, JAN, JUN),
        CodeSpan("category", LARGE, MAR, None),
        CodeSpan("factor", LOW_INCOME, JAN, JUN),
    )


def test_history_printed_on_the_card(card_pdf: tuple[bytes, tuple]) -> None:
    pdf, _history = card_pdf
    text = "\n".join(pdf_pages(pdf))
    flat = re.sub(r"\s+", " ", text)
    assert "Історія категорій і чинників СЖО" in flat
    section = flat[flat.index("Історія категорій і чинників СЖО") :]
    # each row: kind, name, from, to (— while it still applies), oldest first
    idp = section.index("переміщені особи (ВПО)")
    large = section.index("Багатодітна сім'я")
    low = section.index("Малозабезпеченість")
    assert idp < large < low
    assert re.search(r"переміщені особи \(ВПО\) 10\.01\.2025 02\.06\.2025", section)
    assert re.search(r"Багатодітна сім'я 05\.03\.2025 —", section)
    assert re.search(r"чинник СЖО Малозабезпеченість 10\.01\.2025 02\.06\.2025", section)
    # the card's current categories show only what applies now
    head = flat[: flat.index("Історія категорій і чинників СЖО")]
    assert "Багатодітна сім'я" in head and "ВПО" not in head
