"""The families list for the GUI: one read of every live family, kept in memory, searched
as the user types and sorted by the Ukrainian alphabet.

A field laptop holds a few thousand families and a centre up to ~40,000 (100,000 persons);
one pass over precomputed search strings answers a keystroke in milliseconds, where a SQL
LIKE over joined persons would not. The index is rebuilt after a save or an exchange.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, func, select, type_coerce

from app.db.database import Database
from app.db.models import Family, Person, ServiceRecord, Settlement, Visit
from app.i18n.text import UKRAINIAN_ALPHABET, full_name, search_key, sort_key
from app.services.permissions import Actor

# A str.translate table that maps Ukrainian letters into alphabet order, so plain string
# comparison of translated text orders like app.i18n.sort_key, at C speed.
HEAD_RELATIONS = ("head", "mother", "father", "guardian", "spouse", "grandmother", "grandfather")


# Who is looking: the acting account (app/services/permissions.py). A bare `Viewer()` is a
# viewer role and sees no restricted family.
Viewer = Actor


@dataclass
class FamilyRow:
    """One line of the families list."""

    id: str
    name: str  # the main member's full name
    settlement: str
    district_id: str | None
    address: str
    phone: str
    categories: tuple[str, ...]
    on_record_from: dt.date | None
    on_record_to: dt.date | None
    specialist: str
    restricted: bool
    last_contact: dt.date | None = None
    members: int = 0
    # set by the last search: it matched another member than the one the list names
    by_member: bool = field(default=False, repr=False, compare=False)
    search_text: str = field(default="", repr=False)
    name_key: tuple[str, str] = field(default=("", ""), repr=False)

    def on_record(self, day: dt.date | None = None) -> bool:
        """Taken on record and not (yet) taken off record on `day`."""
        day = day or dt.date.today()
        if self.on_record_from is None or self.on_record_from > day:
            return False
        return self.on_record_to is None or self.on_record_to > day


def _iso(value: object) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _rank(relation: str | None, born: object) -> tuple[int, str]:
    order = HEAD_RELATIONS.index(relation) if relation in HEAD_RELATIONS else 99
    return (order, str(born) if born else "9999")


_TEXT = String()


def _family_query():  # type: ignore[no-untyped-def]
    return (
        select(
            Family.id,
            Family.search_key,
            Family.address,
            Family.phone,
            type_coerce(Family.categories, _TEXT),
            type_coerce(Family.on_record_from, _TEXT),
            type_coerce(Family.on_record_to, _TEXT),
            Family.specialist,
            Family.restricted,
            Family.responsible,
            Settlement.name,
            Settlement.district_id,
        )
        .outerjoin(Settlement, Settlement.id == Family.settlement_id)
        .where(Family.deleted.is_(False))
    )


def _person_query():  # type: ignore[no-untyped-def]
    return select(
        Person.family_id,
        Person.search_key,
        Person.surname,
        Person.given_name,
        Person.patronymic,
        Person.relation,
        type_coerce(Person.birth_date, _TEXT),
    ).where(Person.deleted.is_(False), Person.family_id.is_not(None))


def _build_rows(
    family_rows: Sequence[Any], person_rows: Sequence[Any], viewer: Viewer
) -> list[FamilyRow]:
    best: dict[str, tuple[tuple[int, str], str]] = {}
    keys: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for family_id, key, surname, given, patronymic, relation, born in person_rows:
        keys.setdefault(family_id, []).append(key)
        counts[family_id] = counts.get(family_id, 0) + 1
        rank = _rank(relation, born)
        current = best.get(family_id)
        if current is None or rank < current[0]:
            name = full_name(surname, given, patronymic)
            best[family_id] = (rank, name)
    rows: list[FamilyRow] = []
    for (
        fid,
        fkey,
        address,
        phone,
        categories,
        start,
        end,
        specialist,
        restricted,
        responsible,
        settlement,
        district_id,
    ) in family_rows:
        if not viewer.may_see(bool(restricted), responsible):
            continue
        name = best[fid][1] if fid in best else ""
        rows.append(
            FamilyRow(
                id=fid,
                name=name,
                settlement=settlement or "",
                district_id=district_id,
                address=address or "",
                phone=phone or "",
                categories=tuple(json.loads(categories)) if categories else (),
                on_record_from=_iso(start),
                on_record_to=_iso(end),
                specialist=specialist or "",
                restricted=bool(restricted),
                members=counts.get(fid, 0),
                search_text=" ".join((fkey or "", (settlement or "").lower(), *keys.get(fid, ()))),
                name_key=sort_key(name),
            )
        )
    rows.sort(key=lambda r: (r.name_key, r.id))
    return rows


def load_family_rows(db: Database, viewer: Viewer | None = None) -> list[FamilyRow]:
    """Every live family the viewer may see, with what the list shows and searches.

    Dates and code lists are read as text and parsed here: SQLAlchemy's per-row type
    processing would triple the time on a centre's 100,000 persons. The last contact is
    left empty; `load_last_contacts` fills it in a second step."""
    with db.reading() as session:
        family_rows = session.execute(_family_query()).all()
        person_rows = session.execute(_person_query()).all()
    return _build_rows(family_rows, person_rows, viewer or Viewer())


def load_first_rows(
    db: Database, viewer: Viewer | None = None, at_least: int = 60
) -> list[FamilyRow]:
    """The first rows of the alphabetical list, read in a few milliseconds.

    Families are named after a member, so the families whose name starts with the first
    letters of the alphabet are exactly the families of persons whose search key starts
    with those letters (an index range scan). Letters are taken in alphabet order until
    `at_least` families are found; the result is the exact head of `load_family_rows`
    (families without members, named "", come only with the full load)."""
    viewer = viewer or Viewer()
    letters = "".join(c for c in UKRAINIAN_ALPHABET if c not in "ґь")
    rows: list[FamilyRow] = []
    with db.reading() as session:
        for letter in letters:
            upper = chr(ord(letter) + 1)
            ids = set(
                session.scalars(
                    select(Person.family_id).where(
                        Person.search_key >= letter,
                        Person.search_key < upper,
                        Person.deleted.is_(False),
                        Person.family_id.is_not(None),
                    )
                )
            )
            if not ids:
                continue
            chunk = sorted(ids)
            family_rows: list[Any] = []
            person_rows: list[Any] = []
            for start in range(0, len(chunk), 500):
                part = chunk[start : start + 500]
                family_rows += session.execute(_family_query().where(Family.id.in_(part))).all()
                person_rows += session.execute(
                    _person_query().where(Person.family_id.in_(part))
                ).all()
            accept = {sort_key(letter)[0]}
            if letter == "г":  # search keys fold ґ into г; the alphabet puts ґ right after г
                accept.add(sort_key("ґ")[0])
            rows += [
                row
                for row in _build_rows(family_rows, person_rows, viewer)
                if row.name_key[0][:1] in accept
            ]
            if len(rows) >= at_least:
                break
    rows.sort(key=lambda r: (r.name_key, r.id))
    return rows


def load_last_contacts(db: Database) -> dict[str, dt.date]:
    """The latest service or home visit per family."""
    last: dict[str, str] = {}
    text = String()
    with db.reading() as session:
        for model in (ServiceRecord, Visit):
            contacts = session.execute(
                select(model.family_id, func.max(type_coerce(model.date, text)))
                .where(model.deleted.is_(False), model.family_id.is_not(None))
                .group_by(model.family_id)
            ).all()
            for family_id, day in contacts:
                if day and (family_id not in last or last[family_id] < day):
                    last[family_id] = day
    return {family_id: dt.date.fromisoformat(day) for family_id, day in last.items()}


@dataclass(frozen=True)
class FamilyFilter:
    """What the user typed and chose above the list."""

    text: str = ""
    district_id: str | None = None
    category: str | None = None
    on_record: bool | None = None  # True: on record only; False: off record only

    def tokens(self) -> list[str]:
        return search_key(self.text).split()


MARK_MEMBER_MATCHES = 2000  # a result this short says which rows matched another member
INFIX_FROM = 3  # a typed word this long also matches inside words («яна» → «Мар'яна»)


class FamilyIndex:
    """The loaded rows and a word index over their search text.

    A typed word matches a row when it begins one of the row's words (surname, given
    name, patronymic, phone with and without +38, address, settlement), or, from three
    letters on, when it is found inside one of them: the words are
    kept sorted, so each typed word is a binary search plus the rows it names, however
    many families there are. A centre's 40,000 families answer in a few milliseconds,
    where a substring scan of every row took tens."""

    def __init__(self, rows: Sequence[FamilyRow]) -> None:
        self.rows = list(rows)
        owners: dict[str, list[int]] = {}
        for position, row in enumerate(self.rows):
            for word in set(row.search_text.split()):
                owners.setdefault(word, []).append(position)
        self._words = sorted(owners)
        self._owners = [owners[word] for word in self._words]
        # every word in one string, for a typed word found inside a word («яна» in
        # «мар'яна»): str.find runs in C over the vocabulary, not over the rows
        self._joined = "\n".join(self._words)
        self._starts: list[int] = []
        offset = 0
        for word in self._words:
            self._starts.append(offset)
            offset += len(word) + 1

    def __len__(self) -> int:
        return len(self.rows)

    def _positions(self, token: str) -> set[int]:
        start = bisect_left(self._words, token)
        end = bisect_left(self._words, token + "\U0010ffff", start)
        found: set[int] = set()
        for owners in self._owners[start:end]:
            found.update(owners)
        if len(token) >= INFIX_FROM:
            found.update(self._inside(token))
        return found

    def _inside(self, token: str) -> Iterator[int]:
        """Rows with a word that contains `token` (not at its start)."""
        joined, starts = self._joined, self._starts
        at = joined.find(token)
        while at != -1:
            word = bisect_right(starts, at) - 1
            yield from self._owners[word]
            following = word + 1
            if following >= len(starts):
                break
            at = joined.find(token, starts[following])

    def search(self, wanted: FamilyFilter, today: dt.date | None = None) -> list[FamilyRow]:
        """Rows matching every typed word, the district, category and status; in the
        index's order (the Ukrainian alphabet of the family name)."""
        tokens = wanted.tokens()
        found: Iterable[FamilyRow] = self.rows
        if tokens:
            positions: set[int] | None = None
            for token in sorted(set(tokens), key=len, reverse=True):
                matched = self._positions(token)
                positions = matched if positions is None else positions & matched
                if not positions:
                    return []
            assert positions is not None
            found = [self.rows[i] for i in sorted(positions)]
        if wanted.district_id is not None:
            found = [r for r in found if r.district_id == wanted.district_id]
        if wanted.category is not None:
            found = [r for r in found if wanted.category in r.categories]
        if wanted.on_record is not None:
            day = today or dt.date.today()
            found = [r for r in found if r.on_record(day) == wanted.on_record]
        found = list(found)
        if tokens and len(found) <= MARK_MEMBER_MATCHES:
            for row in found:
                shown = search_key(" ".join((row.name, row.address, row.phone, row.settlement)))
                row.by_member = not all(token in shown for token in tokens)
        return found
