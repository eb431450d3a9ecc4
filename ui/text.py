"""Numbers, dates and plurals for GUI labels, through the core's babel helpers."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from app.i18n import current_language, format_date, format_number, plural


def _babel_locale() -> str:
    return "uk_UA" if current_language() == "uk" else "en_GB"


def count_text(count: int, forms: str) -> str:
    """`forms` is a translated "one|few|many" pattern with {n}: «{n} сім'я|{n} сім'ї|{n} сімей».

    The form is picked by babel's plural rule for the GUI language; {n} is the formatted number.
    """
    parts = forms.split("|")
    while len(parts) < 3:
        parts.append(parts[-1])
    chosen = plural(count, parts[0], parts[1], parts[2], locale=_babel_locale())
    return chosen.replace("{n}", format_number(count))


def date_text(value: dt.date | None) -> str:
    """dd.MM.yyyy, empty for None (cached: tables repaint the same dates often)."""
    return _date_text(value, current_language())


@lru_cache(maxsize=8192)
def _date_text(value: dt.date | None, _language: str) -> str:
    return format_date(value)


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """«01.09.2026 – 31.12.2026»; an open end is «…»."""
    return f"{date_text(start) if start else '…'} – {date_text(end) if end else '…'}"


def short_date_text(value: dt.date | None) -> str:
    """dd.MM for column headers of the attendance grid."""
    return format_date(value, "dd.MM")


def parse_date(text: str) -> dt.date | None:
    """A date typed as 12.03.2024 (also 12.3.24, 2024-03-12, and 12,03,2024 or 12/03/2024:
    the number pad's decimal key gives «,» under the Ukrainian layout); None when it is not
    a date."""
    text = text.strip()
    if not text:
        return None
    try:
        if "-" in text:
            return dt.date.fromisoformat(text)
        day, month, year = (int(part) for part in re.split(r"[.,/]", text))
    except ValueError:
        return None
    if year < 100:
        year += 2000 if year <= dt.date.today().year % 100 else 1900
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
