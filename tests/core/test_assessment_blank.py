"""What counts as an empty assessment: only what its form fills in by itself."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.act import is_blank

PREFILLED = {"family_id": "f1", "started": dt.date(2026, 11, 30), "specialist": "Олена Коваль"}
PEOPLE = {
    "children": [{"person_id": "p1", "health": "", "impact": None}],
    "adults": [{"person_id": "p2", "employment": ""}],
    "family": {"housing": ""},
}


def test_the_prefilled_fields_and_empty_areas_are_blank() -> None:
    assert is_blank({**PREFILLED, "finished": None, "conclusion": None, "act": PEOPLE})
    assert is_blank({**PREFILLED, "needed_services": [], "act": None})
    spaces = {**PEOPLE, "children": [{"person_id": "p1", "health": "  \n"}]}
    assert is_blank({**PREFILLED, "act": spaces})  # saved as no act at all


@pytest.mark.parametrize(
    "filled",
    [
        {"family_agrees": False},  # «no» is an answer
        {"sjo_present": True},
        {"finished": dt.date(2026, 12, 1)},
        {"needed_services": ["consultation"]},
        {"conclusion": "Потребує послуг"},
        {"act": {**PEOPLE, "children": [{"person_id": "p1", "health": "Часті застуди"}]}},
        {"act": {**PEOPLE, "adults": [{"person_id": "p2", "impact": "moderate"}]}},
        {"act": {**PEOPLE, "family": {"housing": "Пічне опалення"}}},
    ],
)
def test_any_answer_makes_it_not_blank(filled: dict) -> None:
    assert not is_blank({**PREFILLED, "act": PEOPLE, **filled})
