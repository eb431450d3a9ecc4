"""«On record» (перебуває на обліку) on a day — the one rule.

A family is on record on ``day`` when it was taken on record on or before that day and not
taken off record on or before it: the day it is taken off record it is no longer counted.
The period summary («families on record at the period end»), the families list's filter, the
family card's badge and the card's printout all ask this. A family taken on record after
``day`` is not (yet) on record; one without the date never was (docs/decisions/058).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum


class RecordStatus(StrEnum):
    ON = "on"  # on record on the day
    OFF = "off"  # taken off record on or before the day
    NOT = "not"  # never taken on record, or only after the day


def record_status(start: dt.date | None, end: dt.date | None, day: dt.date) -> RecordStatus:
    """Where a family with these dates (taken on / off record) stands on ``day``."""
    if start is None or start > day:
        return RecordStatus.NOT
    if end is not None and end <= day:
        return RecordStatus.OFF
    return RecordStatus.ON


def on_record(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """Whether a family with these dates is on record on ``day``."""
    return record_status(start, end, day) is RecordStatus.ON
