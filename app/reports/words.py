"""Ukrainian numbers, plurals and dates as the printouts show them (babel rules)."""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from app.db.models import ParentalCapacity
from app.i18n import plural as i18n_plural

LOCALE = "uk_UA"
_UK = Locale.parse(LOCALE)

# Noun forms: (one, few, many). CLDR's "other" (fractions) takes the "few" form.
# a parental capacity as the printouts word it (the act and the family card's work log)
CAPACITY = {
    ParentalCapacity.HIGH: "високий",
    ParentalCapacity.MEDIUM: "середній",
    ParentalCapacity.LOW: "низький",
}
FAMILIES = ("сім'я", "сім'ї", "сімей")
FAMILIES_PERSONS = ("сім'я/особа", "сім'ї/особи", "сімей/осіб")
CHILDREN = ("дитина", "дитини", "дітей")
NOTIFICATIONS = ("повідомлення", "повідомлення", "повідомлень")
VISITS = ("відвідування", "відвідування", "відвідувань")
ASSESSMENTS = ("оцінка", "оцінки", "оцінок")
GROUPS = ("група", "групи", "груп")
SESSIONS = ("заняття", "заняття", "занять")
PARTICIPANTS = ("учасник", "учасники", "учасників")
PERSONS = ("особа", "особи", "осіб")
CONSULTATIONS = ("консультація", "консультації", "консультацій")
REFERRALS = ("скерування", "скерування", "скерувань")


def plural_form(n: int) -> str:
    """CLDR plural category of ``n`` in Ukrainian: 'one', 'few', 'many' or 'other'."""
    return _UK.plural_form(n)


def plural(n: int, forms: tuple[str, str, str]) -> str:
    """The noun form that agrees with ``n``: ``plural(5, FAMILIES)`` → ``'сімей'``."""
    return i18n_plural(n, *forms, locale=LOCALE)


def number(n: int) -> str:
    """``n`` with Ukrainian digit grouping (50 000)."""
    return format_decimal(n, locale=LOCALE)


def decimal(value: float) -> str:
    """A share with one decimal, Ukrainian style: ``33,3``."""
    return format_decimal(value, format="0.0", locale=LOCALE)


def count(n: int, forms: tuple[str, str, str]) -> str:
    """A number with its agreeing noun: ``count(21, FAMILIES)`` → ``'21 сім'я'``."""
    return f"{number(n)} {plural(n, forms)}"


def day_month(d: date) -> str:
    """A session column title: ``dd.MM``."""
    return format_date(d, "dd.MM", locale=LOCALE)


def full_date(d: date | None) -> str:
    """``dd.MM.yyyy``, or an empty string for no date."""
    return format_date(d, "dd.MM.yyyy", locale=LOCALE) if d else ""


def period(date_from: date | None, date_to: date | None) -> str:
    """A period as printed in headers: ``01.01.2026 – 31.03.2026``."""
    if date_from and date_to:
        return f"{full_date(date_from)} – {full_date(date_to)}"
    if date_from:
        return f"з {full_date(date_from)}"
    if date_to:
        return f"по {full_date(date_to)}"
    return "увесь час роботи групи"
