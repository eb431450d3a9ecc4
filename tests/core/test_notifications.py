"""Notifications before a family exists, their numbers, and the 5-working-day deadline with
Ukrainian public holidays (and martial law, under which they are working days)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.cli import main
from app.errors import ValidationError
from app.services.notifications import assessment_due, notifications_list
from app.services.records import RecordService


def test_deadline_skips_a_public_holiday_and_counts_a_worked_saturday() -> None:
    # Friday 20 August 2021: Monday 23rd was a day off (worked on Saturday 28th), Tuesday 24th
    # Independence Day. Working days after: 25, 26, 27, 28 (Saturday worked), 30.
    assert assessment_due(dt.date(2021, 8, 20)) == dt.date(2021, 8, 30)
    # Monday 4 January 2021: 5, 6, then 7 January (Christmas) and 8 January (a day off) are
    # skipped with the weekend, then 11, 12, 13
    assert assessment_due(dt.date(2021, 1, 4)) == dt.date(2021, 1, 13)


def test_deadline_under_martial_law_counts_holidays_as_working_days() -> None:
    # Tuesday 29 April 2025: 1 May is a working day while martial law is in force
    assert assessment_due(dt.date(2025, 4, 29)) == dt.date(2025, 5, 6)
    # an ordinary week: Monday → next Monday
    assert assessment_due(dt.date(2025, 3, 3)) == dt.date(2025, 3, 10)


def test_notification_without_a_family_is_numbered_and_overdue(plain_centre) -> None:
    service = RecordService(plain_centre)
    district = service.save("district", None, {"name": "Округ"})
    settlement = service.save("settlement", None, {"name": "с. Ґута", "district_id": district})
    lone = service.save(
        "notification",
        None,
        {"date": "2021-08-20", "person_name": "Ткачук Ганна", "settlement_id": settlement,
         "address": "вул. Лісова, 4", "source": "Староста"},
    )  # fmt: skip
    second = service.save("notification", None, {"date": "2021-09-01", "address": "вул. Нова, 1"})
    assert service.get("notification", lone)["number"] == "2021-0001"
    assert service.get("notification", second)["number"] == "2021-0002"
    family = service.save("family", None, {"settlement_id": settlement})
    answered = service.save("notification", None, {"date": "2021-08-20", "family_id": family})
    service.save("assessment", None, {"family_id": family, "started": "2021-08-25"})
    linked = service.save("notification", None, {"date": "2021-08-23", "address": "вул. Мала, 2"})
    service.save(
        "assessment",
        None,
        {"family_id": family, "started": "2021-08-26", "notification_id": linked},
    )

    rows = {n.id: n for n in notifications_list(plain_centre, today=dt.date(2021, 8, 30))}
    assert rows[lone].due == dt.date(2021, 8, 30)
    assert rows[lone].about == "Ткачук Ганна — с. Ґута, вул. Лісова, 4"
    assert not rows[lone].overdue  # due today
    assert rows[answered].assessed and not rows[answered].overdue
    assert rows[linked].assessed
    later = {n.id: n for n in notifications_list(plain_centre, today=dt.date(2021, 8, 31))}
    assert later[lone].overdue
    assert not later[second].overdue  # received 1 September


def test_a_notification_needs_someone_or_somewhere(plain_centre, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="сім'ї, особи"):
        RecordService(plain_centre).save("notification", None, {"date": "2025-01-10"})
    line = {
        "type": "notification",
        "id": "0190b000-0000-7000-8000-0000000000a1",
        "date": "2025-01-10",
        "number": "ЦНАП-17",
        "person_name": "Анонімне звернення",
    }
    (tmp_path / "n.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    assert (
        main(["--db", str(plain_centre.path), "records", "import", str(tmp_path / "n.jsonl")]) == 0
    )
    assert RecordService(plain_centre).get("notification", line["id"])["number"] == "ЦНАП-17"
