"""The shipped font and the Ukrainian words the printouts use."""

from __future__ import annotations

import datetime as dt

import pytest

from app.reports import words
from app.reports.pdf.fonts import BOLD, FONT_DIR, REGULAR, has_glyph


def test_font_files_and_licence_are_shipped() -> None:
    assert (FONT_DIR / "DejaVuSans.ttf").stat().st_size > 100_000
    assert (FONT_DIR / "DejaVuSans-Bold.ttf").stat().st_size > 100_000
    licence = (FONT_DIR / "LICENSE-DejaVu.txt").read_text("utf-8")
    assert "Bitstream" in licence and "Permission is hereby granted" in licence


@pytest.mark.parametrize("font", [REGULAR, BOLD])
@pytest.mark.parametrize("char", list("ʼҐЄЇІґєїі✓✗№«»–"))
def test_font_has_ukrainian_glyphs(font: str, char: str) -> None:
    assert has_glyph(char, font)


def test_font_lacks_glyphs_it_does_not_have() -> None:
    assert not has_glyph("中")  # a CJK ideograph: proves has_glyph can say no


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 сімей"),
        (1, "1 сім'я"),
        (2, "2 сім'ї"),
        (4, "4 сім'ї"),
        (5, "5 сімей"),
        (11, "11 сімей"),
        (12, "12 сімей"),
        (21, "21 сім'я"),
        (22, "22 сім'ї"),
        (25, "25 сімей"),
        (111, "111 сімей"),
    ],
)
def test_family_plurals(n: int, expected: str) -> None:
    assert words.count(n, words.FAMILIES) == expected


@pytest.mark.parametrize(
    ("n", "children", "assessments"),
    [
        (1, "дитина", "оцінка"),
        (2, "дитини", "оцінки"),
        (5, "дітей", "оцінок"),
        (11, "дітей", "оцінок"),
        (21, "дитина", "оцінка"),
        (22, "дитини", "оцінки"),
        (25, "дітей", "оцінок"),
    ],
)
def test_other_plurals(n: int, children: str, assessments: str) -> None:
    assert words.plural(n, words.CHILDREN) == children
    assert words.plural(n, words.ASSESSMENTS) == assessments


def test_numbers_and_dates() -> None:
    assert words.number(50000) == "50\xa0000"
    assert words.day_month(dt.date(2026, 3, 5)) == "05.03"
    assert words.full_date(dt.date(2026, 3, 5)) == "05.03.2026"
    assert words.full_date(None) == ""
    assert words.period(dt.date(2026, 1, 1), dt.date(2026, 3, 31)) == "01.01.2026 – 31.03.2026"
