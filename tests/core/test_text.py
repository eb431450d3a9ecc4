"""Ukrainian text: search keys, alphabetical order, plurals, phones, РНОКПП."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import ValidationError
from app.i18n import format_date, plural, pluralize, search_key, sort_key
from app.services.validation import check_rnokpp, normalise_phone


def test_search_key_unifies_apostrophes_case_and_g() -> None:
    assert search_key("Мар'яна") == search_key("МАРʼЯНА") == search_key("мар’яна") == "маряна"
    assert "марян" in search_key("Марʼяненко")
    assert search_key("Ґудзь") == search_key("гудзь")


def test_sort_by_ukrainian_alphabet() -> None:
    names = ["Їжак", "Гордій", "Ярема", "Іванна", "Ґава", "Євген", "Ирина", "Ейсмонт", "Цап"]
    assert sorted(names, key=sort_key) == [
        "Гордій",
        "Ґава",
        "Ейсмонт",
        "Євген",
        "Ирина",
        "Іванна",
        "Їжак",
        "Цап",
        "Ярема",
    ]
    assert sorted(["Мар'яна", "Маркіян", "Марія"], key=sort_key) == ["Марія", "Маркіян", "Мар'яна"]


@pytest.mark.parametrize(
    ("count", "word"),
    [
        (1, "сім'я"),
        (2, "сім'ї"),
        (5, "сімей"),
        (11, "сімей"),
        (21, "сім'я"),
        (22, "сім'ї"),
        (25, "сімей"),
    ],
)
def test_plurals(count: int, word: str) -> None:
    assert plural(count, "сім'я", "сім'ї", "сімей") == word
    assert pluralize(count, "сім'я", "сім'ї", "сімей").endswith(word)


def test_dates_and_numbers() -> None:
    assert format_date(dt.date(2024, 3, 12)) == "12.03.2024"
    assert pluralize(8830, "сім'я", "сім'ї", "сімей") == "8\xa0830\xa0сімей"


@pytest.mark.parametrize(
    "raw",
    ["050 123 45 67", "(050) 123-45-67", "+380501234567", "380501234567", "+38 050 123 45 67"],
)
def test_phone_normalised(raw: str) -> None:
    assert normalise_phone(raw) == "+380501234567"


@pytest.mark.parametrize("raw", ["12345", "+1 202 555 0101", "050-ABC-45-67", "0501234567890"])
def test_bad_phone(raw: str) -> None:
    with pytest.raises(ValidationError):
        normalise_phone(raw)


def test_rnokpp_check_digit() -> None:
    assert check_rnokpp("3012345670") == "3012345670"
    with pytest.raises(ValidationError):
        check_rnokpp("3012345671")
    with pytest.raises(ValidationError):
        check_rnokpp("30123")
