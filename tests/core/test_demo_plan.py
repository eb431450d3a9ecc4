"""The demo's plan looks like a real community's records: notifications carry the numbers
the centre gives (the list's «Номер» column was empty for every demo notification)."""

from __future__ import annotations

import datetime as dt
import re

from app.demo.plan import plan_demo


def test_demo_notifications_are_numbered_per_year_in_date_order() -> None:
    records = plan_demo(40, today=dt.date(2026, 6, 1))
    notices = sorted(
        (r for r in records if r["type"] == "notification"), key=lambda r: (r["date"], r["id"])
    )
    assert notices
    numbers = [r["number"] for r in notices]
    assert all(re.fullmatch(r"\d{4}-\d{4}", n) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    for year in {r["date"][:4] for r in notices}:
        mine = [r["number"] for r in notices if r["date"][:4] == year]
        assert mine == [f"{year}-{n:04d}" for n in range(1, len(mine) + 1)]
