"""Name keys and pair scores of duplicate detection."""

from __future__ import annotations

import pytest

from app.services.duplicates import _Person, score_persons
from app.services.name_keys import address_key, name_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Мар'яна", "Марʼяна"),
        ("Мар’яна", "МАРЯНА"),
        ("Ґанна", "Ганна"),
        ("Олексій", "Олексий"),
        ("Євген", "Евген"),
        ("Коваленко", "Kovalenko"),
        ("Марія", "Mariia"),
        ("Марія", "Maria"),
        ("Євген", "Yevhen"),
        ("Щербак", "Shcherbak"),
        ("Гнатюк", "Hnatiuk"),
        ("Їжак", "Yizhak"),
        ("Ярема", "Yarema"),
    ],
)
def test_spelling_variants_share_a_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_different_names_keep_different_keys() -> None:
    assert name_key("Коваленко") != name_key("Коваль")
    assert name_key("Петро") != name_key("Павло")


def test_address_key_ignores_punctuation_and_word_order() -> None:
    assert address_key("вул. Шевченка, 5") == address_key("Шевченка вул 5")


def _p(surname: str, given: str, patronymic: str = "", birth: str | None = None, rnokpp=None):
    date = birth or None
    return _Person(
        "x", None, name_key(surname), name_key(given), name_key(patronymic), date, rnokpp
    )


def test_swapped_names_and_patronymic_initial_score_high() -> None:
    score, reasons = score_persons(
        _p("Ковальчук", "Олексій", "Петрович", "1985-07-02"),
        _p("Олексий", "Ковальчук", "П.", "1985-07-02"),
    )
    assert score >= 0.95
    assert {"name", "swapped_names", "birth_date", "patronymic"} <= set(reasons)


def test_rnokpp_decides_both_ways() -> None:
    same, reasons = score_persons(_p("А", "Б", rnokpp="1"), _p("В", "Г", rnokpp="1"))
    assert (same, reasons) == (1.0, ("rnokpp",))
    different, _ = score_persons(
        _p("Ковальчук", "Олексій", birth="1985-07-02", rnokpp="1"),
        _p("Ковальчук", "Олексій", birth="1985-07-02", rnokpp="2"),
    )
    assert different == 0.0


def test_another_birth_date_is_not_a_duplicate() -> None:
    score, _ = score_persons(
        _p("Ковальчук", "Олексій", birth="1985-07-02"),
        _p("Ковальчук", "Олексій", birth="1990-01-01"),
    )
    assert score < 0.8
