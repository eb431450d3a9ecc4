"""Dates, numbers and plurals for people, through babel (uk_UA by default)."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal

from app.i18n.messages import current_language


def _locale() -> str:
    return "uk_UA" if current_language() == "uk" else "en_GB"


def format_date(value: dt.date | None, pattern: str = "dd.MM.yyyy") -> str:
    """A date as people write it (`12.03.2024` by default); empty for None."""
    if value is None:
        return ""
    return _babel_format_date(value, pattern, locale=_locale())


def format_number(value: float | int) -> str:
    """A number with the locale's grouping (`8 830` in Ukrainian)."""
    return format_decimal(value, locale=_locale())


def plural(count: int, one: str, few: str, many: str, locale: str = "uk_UA") -> str:
    """Choose the form of a word for `count` by the locale's plural rule.

    Ukrainian: 1, 21 → one (сім'я); 2–4, 22 → few (сім'ї); 0, 5–20, 25 → many (сімей).
    """
    form = Locale.parse(locale).plural_form(abs(count))
    if form == "one":
        return one
    if form == "few":
        return few
    return many


def pluralize(count: int, one: str, few: str, many: str, locale: str = "uk_UA") -> str:
    """`count` formatted, a no-break space, and the right word: «5 сімей»."""
    number = format_decimal(count, locale=locale)
    return f"{number}\u00a0{plural(count, one, few, many, locale)}"
