"""The families list's search: the typed words, district, category and status over the
rows app/services/family_index.py reads; a word index, and a scan of the rows' text that
answers the same before the index is built.

A typed word matches a row when it begins one of the row's words (surname, given name,
patronymic, phone with and without +38, address, settlement), or, from three letters on,
when it is found inside one of them. The list is searchable as soon as its rows are read:
a scan of a centre's rows' text takes about 10 ms a keystroke, and the word index (half
a second of work on a centre, off the GUI thread; then 2–5 ms) is put in when ready.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, repeat
from operator import contains, or_
from typing import TYPE_CHECKING

from app.db.bulk import gc_paused
from app.i18n.text import search_key

if TYPE_CHECKING:
    from app.services.family_index import FamilyRow

INFIX_FROM = 3  # a typed word this long also matches inside words («яна» → «Мар'яна»)
INSIDE_SCAN_FROM = 1500  # found inside more words than this: scan the rows' text instead


def scan_texts(texts: Sequence[str]) -> list[str]:
    """The rows' search text as the scan reads it: words apart by spaces (" "). The
    loaders' text is, and is kept as it is, not copied (white space other than " " is
    not printable)."""
    if all(map(str.isprintable, texts)):
        return list(texts)
    return [text if text.isprintable() else " ".join(text.split()) for text in texts]


def scan(texts: Sequence[str], token: str, within: Iterable[int] | None = None) -> list[int]:
    """Rows (of `within`, else all, in their order) whose text has `token` at a word's
    start, or inside a word when it is INFIX_FROM letters long or longer. `texts` come
    from scan_texts; a typed word holds no space, so «in» finds it within one word.
    Each row's test runs in C (map, compress): a Python loop over a centre's rows took
    14 ms a keystroke."""
    if within is None:
        rows: Iterable[int] = range(len(texts))
        pool: Iterable[str] = texts
    else:
        rows = within if isinstance(within, list) else list(within)
        pool = map(texts.__getitem__, rows)
    if len(token) >= INFIX_FROM:
        return list(compress(rows, map(contains, pool, repeat(token))))
    # at the start of a word after the first, or at the start of the text
    pool = list(pool)
    spaced = map(contains, pool, repeat(" " + token))
    first = map(str.startswith, pool, repeat(token))
    return list(compress(rows, map(or_, spaced, first)))


class WordIndex:
    """The words of every row, sorted, with the rows of each word laid end to end in one
    list, so the rows of every word beginning with what was typed are one slice of it: a
    binary search and one set built in C, however many families there are. A word found
    inside many others («067» in every phone) is looked for in the rows' text instead."""

    def __init__(self, texts: Sequence[str]) -> None:
        """`texts` as scan_texts gives them."""
        owners: dict[str, list[int]] = {}
        for position, text in enumerate(texts):
            for word in set(text.split()):
                owners.setdefault(word, []).append(position)
        self._words = sorted(owners)
        # the rows of word k are _flat[_offsets[k]:_offsets[k + 1]]
        lists = [owners[word] for word in self._words]
        self._flat = list(chain.from_iterable(lists))
        self._offsets = [0, *accumulate(map(len, lists))]
        # every word in one string, for a typed word found inside a word («яна» in
        # «мар'яна»): str.find runs in C over the vocabulary, not over the rows
        self._joined = "\n".join(self._words)
        self._starts = [0, *accumulate(len(word) + 1 for word in self._words)][:-1]
        # and every row's text in one string, for a word found inside very many words
        self._rows_joined = "\n".join(texts)
        self._row_starts = [0, *accumulate(len(text) + 1 for text in texts)][:-1]

    def _owners(self, first: int, last: int) -> list[int]:
        """The rows of words first..last-1 (repeats possible)."""
        return self._flat[self._offsets[first] : self._offsets[last]]

    def positions(self, token: str) -> set[int]:
        """The rows `scan` finds `token` in."""
        start = bisect_left(self._words, token)
        end = bisect_left(self._words, token + "\U0010ffff", start)
        found = set(self._owners(start, end))
        if len(token) >= INFIX_FROM:
            found.update(self._inside(token))
        return found

    def _rows_containing(self, token: str) -> list[int]:
        """The rows whose text holds `token` (what `scan` finds for a long word), in order:
        str.find over all the rows' text at once, going on from the next row after a find
        (3 ms on a centre for «067», in every tenth phone, against 15 ms row by row)."""
        joined, starts = self._rows_joined, self._row_starts
        found: list[int] = []
        at = joined.find(token)
        while at != -1:
            row = bisect_right(starts, at) - 1
            found.append(row)
            if row + 1 >= len(starts):
                break
            at = joined.find(token, starts[row + 1])
        return found

    def _inside(self, token: str) -> Iterable[int]:
        """Rows with a word that contains `token` (not only at its start)."""
        joined, starts = self._joined, self._starts
        if joined.count(token) > INSIDE_SCAN_FROM:
            # found in very many words: one pass over the rows' text beats a look-up
            # per word
            return self._rows_containing(token)
        found: list[int] = []
        at = joined.find(token)
        while at != -1:
            word = bisect_right(starts, at) - 1
            found += self._owners(word, word + 1)
            following = word + 1
            if following >= len(starts):
                break
            at = joined.find(token, starts[following])
        return found


@dataclass(frozen=True)
class FamilyFilter:
    """What the user typed and chose above the list."""

    text: str = ""
    district_id: str | None = None
    category: str | None = None
    on_record: bool | None = None  # True: on record only; False: off record only

    def tokens(self) -> list[str]:
        return search_key(self.text).split()


class FamilyIndex:
    """The loaded rows, searched with a word index, or, when made with `words=False` (the
    list shown the moment its rows are read), by a scan of the rows' text until the index
    of `build_words`, made off the GUI thread, is put in with `use_words`. Both find the
    same rows."""

    def __init__(self, rows: Sequence[FamilyRow], words: bool = True) -> None:
        self.rows = list(rows)
        self._texts = scan_texts([row.search_text for row in self.rows])
        self._words: WordIndex | None = WordIndex(self._texts) if words else None
        self._typed: list[str] = []  # the words of the last search, shared by every row
        for row in self.rows:
            row.found_by = self._typed

    def __len__(self) -> int:
        return len(self.rows)

    def build_words(self) -> WordIndex:
        """The word index of these rows: half a second on a centre, for a worker thread."""
        with gc_paused():
            return WordIndex(self._texts)

    def use_words(self, words: WordIndex) -> None:
        self._words = words

    def _positions(self, tokens: list[str]) -> list[int]:
        """Positions of the rows matching every typed word, in order; longest word first."""
        ordered = sorted(set(tokens), key=len, reverse=True)
        words = self._words
        if words is None:
            found: list[int] | None = None
            for token in ordered:
                found = scan(self._texts, token, found)
                if not found:
                    return []
            return found or []
        positions: set[int] | None = None
        for token in ordered:
            matched = words.positions(token)
            positions = matched if positions is None else positions & matched
            if not positions:
                return []
        return sorted(positions or ())

    def search(self, wanted: FamilyFilter, today: dt.date | None = None) -> list[FamilyRow]:
        """Rows matching every typed word, the district, category and status; in the
        index's order (the Ukrainian alphabet of the family name)."""
        tokens = wanted.tokens()
        self._typed[:] = tokens
        found: list[FamilyRow] = self.rows
        if tokens:
            found = list(map(self.rows.__getitem__, self._positions(tokens)))
        if wanted.district_id is not None:
            found = [r for r in found if r.district_id == wanted.district_id]
        if wanted.category is not None:
            found = [r for r in found if wanted.category in r.categories]
        if wanted.on_record is not None:
            day = today or dt.date.today()
            found = [r for r in found if r.on_record(day) == wanted.on_record]
        return list(found)
