"""Who counts as a child and who as a senior on a given day (DOMAIN.md): one rule for the
summary, the act's form and the family card."""

from __future__ import annotations

from datetime import date

CHILD_AGE = 18
SENIOR_AGE = 60


def child_cutoff(day: date, years: int = CHILD_AGE) -> date:
    """Persons born after this date are younger than ``years`` on ``day``.

    A person whose 18th birthday is ``day`` itself is not a child. For 29 February the
    birthday in a common year is taken as 28 February.
    """
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February, and the year ``years`` back is not a leap year
        return day.replace(year=day.year - years, day=28)
