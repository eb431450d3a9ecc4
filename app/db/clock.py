"""Hybrid logical clock (Kulkarni et al. 2014), one per device.

A timestamp is 16 hex digits: 12 of wall-clock milliseconds and 4 of a logical counter, so
string order is time order. The clock's state is the largest timestamp the replica has seen,
which the change log persists (every local and merged change keeps its timestamp).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_DRIFT_MS = 24 * 3600 * 1000
_COUNTER_LIMIT = 0xFFFF
MAX_MILLIS = (1 << 48) - 1  # the largest time 12 hex digits hold (the year 10889)


def wall_millis() -> int:
    """This machine's clock in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


def horizon(wall: int | None = None) -> str:
    """The latest stamp a replica accepts now: its wall clock plus the allowed drift. A stamp
    beyond it is never stored (and so can never push a clock forward)."""
    millis = (wall_millis() if wall is None else wall) + MAX_DRIFT_MS
    return encode(min(millis, MAX_MILLIS), _COUNTER_LIMIT)


def encode(millis: int, counter: int) -> str:
    """The sortable text form of a timestamp."""
    return f"{millis:012x}{counter:04x}"


def decode(stamp: str) -> tuple[int, int]:
    """(milliseconds, counter) of a timestamp."""
    return int(stamp[:12], 16), int(stamp[12:16], 16)


def stamp_time(stamp: str, tz: dt.tzinfo | None = None) -> dt.datetime:
    """When a timestamp was issued: local time (naive) unless a zone is given."""
    millis, _counter = decode(stamp)
    return dt.datetime.fromtimestamp(millis / 1000, tz=tz)


def version_time(version: str) -> dt.datetime | None:
    """When a field version («HLC/DEVICE») was written, in local time; None for a version
    that is not one, or that carries no time."""
    try:
        millis, _counter = decode(version.split("/", 1)[0])
    except ValueError:
        return None
    return dt.datetime.fromtimestamp(millis / 1000) if millis else None


def now_text() -> str:
    """The current UTC time as ISO text (seconds): when a device enrolled, a file arrived."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class ClockReading:
    """The result of receiving a remote timestamp: the stamp to keep, and whether it was
    clamped because it ran more than a day ahead of this machine's clock."""

    stamp: str
    clamped: bool


class HybridLogicalClock:
    """Monotonic timestamps close to wall-clock time, consistent with every one received."""

    def __init__(self, last: str | None = None, wall: Callable[[], int] | None = None) -> None:
        self._wall = wall or wall_millis
        self._millis, self._counter = decode(last) if last else (0, 0)

    @property
    def last(self) -> str:
        """The latest timestamp issued or received."""
        return encode(self._millis, self._counter)

    def now(self) -> str:
        """A new timestamp for a local event, later than every one seen."""
        wall = self._wall()
        if wall > self._millis:
            self._millis, self._counter = wall, 0
        else:
            self._advance_counter()
        return self.last

    def receive(self, remote: str) -> ClockReading:
        """Take in a remote timestamp. One more than a day ahead of the local wall clock is
        not trusted: the clock is advanced only to the wall clock plus a day, and the
        reading says it was clamped (the change itself keeps its own stamp)."""
        wall = self._wall()
        r_millis, r_counter = decode(remote)
        clamped = r_millis > wall + MAX_DRIFT_MS
        if clamped:
            r_millis, r_counter = wall + MAX_DRIFT_MS, 0
        if (r_millis, r_counter) > (self._millis, self._counter):
            self._millis, self._counter = r_millis, r_counter
        return ClockReading(stamp=self.last, clamped=clamped)

    def _advance_counter(self) -> None:
        if self._counter >= _COUNTER_LIMIT:
            # Never past the format's range: the timestamp keeps its 16 digits.
            self._millis, self._counter = min(self._millis + 1, MAX_MILLIS), 0
        else:
            self._counter += 1
