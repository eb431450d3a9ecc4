"""Long id lists cut into pieces for `IN (…)` queries, well under SQLite's limit of 32,766
bound variables per statement: the one chunking helper."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

IN_CHUNK = 500  # ids per IN (…) query


def chunked(items: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    """`items` in consecutive pieces of at most `size` (none for an empty sequence)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
