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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain
from typing import Any

from sqlalchemy import String, func, select, type_coerce

from app.db.chunks import chunked
from app.db.database import Database
from app.db.models import Family, Person, ServiceRecord, Settlement, Visit
from app.db.on_record import on_record
from app.i18n.text import UKRAINIAN_ALPHABET, full_name, search_key, sort_key
from app.services.family_names import HEAD_RELATIONS, NO_BIRTH
from app.services.permissions import Actor

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
    search_text: str = field(default="", repr=False)
    member_names: tuple[str, ...] = field(default=(), repr=False)  # every member's full name
    name_key: tuple[str, str] = field(default=("", ""), repr=False)
    # the typed words of its index's last search: one list all its rows share
    found_by: list[str] = field(default_factory=list, repr=False, compare=False)
    _shown_key: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def by_member(self) -> bool:
        """The last search matched another member than the one the list names. Worked
        out when the row is shown, not for every row found: a keystroke stays cheap."""
        if not self.found_by:
            return False
        if self._shown_key is None:
            parts = (self.name, self.address, self.phone, self.settlement)
            self._shown_key = search_key(" ".join(parts))
        return not all(token in self._shown_key for token in self.found_by)

    @property
    def found_member(self) -> str | None:
        """The member the last search matched when the list names another one ("" when no
        one member's name holds every typed word: a phone); None when it names that one."""
        if not self.by_member:
            return None
        named = ((n, search_key(n)) for n in self.member_names)
        return next((n for n, key in named if all(t in key for t in self.found_by)), "")

    def on_record(self, day: dt.date | None = None) -> bool:
        """On record on `day` (today when none is given): app/db/on_record.py's rule."""
        return on_record(self.on_record_from, self.on_record_to, day or dt.date.today())


def _iso(value: object) -> dt.date | None:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


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
        Person.id,
        Person.search_key,
        Person.surname,
        Person.given_name,
        Person.patronymic,
        Person.relation,
        type_coerce(Person.birth_date, _TEXT),
    ).where(Person.deleted.is_(False), Person.family_id.is_not(None))


def _name_first(person: Any, current: Any) -> bool:
    """Whether `person` comes before `current`, two members of equal rank: by name, then id."""
    return (sort_key(full_name(*person[3:6])), person[1]) < (
        sort_key(full_name(*current[3:6])),
        current[1],
    )


def _build_rows(
    family_rows: Sequence[Any], person_rows: Sequence[Any], viewer: Viewer
) -> list[FamilyRow]:
    """One pass over the persons, one over the families. A centre has 100,000 persons, so
    the per-row work is kept to dictionary look-ups: the members' keys are counted at the
    end, and the few distinct code lists, dates and settlements are parsed once each. The
    main member is app/services/family_names.py's (rank, then name and id on a tie)."""
    order = {relation: n for n, relation in enumerate(HEAD_RELATIONS)}
    unranked = len(HEAD_RELATIONS)
    best: dict[str, tuple[tuple[int, str], Any]] = {}
    keys: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for person in person_rows:
        family_id, _pid, key, surname, given, patronymic, relation, born = person
        members = keys.get(family_id)
        full = " ".join(filter(None, (surname, given, patronymic)))
        if members is None:
            keys[family_id], names[family_id] = [key], [full]
        else:
            members.append(key)
            names[family_id].append(full)
        rank = (order.get(relation, unranked), str(born) if born else NO_BIRTH)
        current = best.get(family_id)
        if (
            current is None
            or rank < current[0]
            or (rank == current[0] and _name_first(person, current[1]))
        ):
            best[family_id] = (rank, person)
    codes: dict[str, tuple[str, ...]] = {}
    days: dict[Any, dt.date | None] = {None: None, "": None}
    places: dict[str | None, str] = {}
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
        head = best.get(fid)
        # app.i18n.text.full_name, without a generator per family
        name = " ".join(filter(None, head[1][3:6])) if head is not None else ""
        if categories not in codes:
            codes[categories] = tuple(json.loads(categories)) if categories else ()
        for day in (start, end):
            if day not in days:
                days[day] = _iso(day)
        if settlement not in places:
            places[settlement] = (settlement or "").lower()
        members = keys.get(fid, [])
        rows.append(
            FamilyRow(
                id=fid,
                name=name,
                settlement=settlement or "",
                district_id=district_id,
                address=address or "",
                phone=phone or "",
                categories=codes[categories],
                on_record_from=days[start],
                on_record_to=days[end],
                specialist=specialist or "",
                restricted=bool(restricted),
                members=len(members),
                search_text=" ".join((fkey or "", places[settlement], *members)),
                member_names=tuple(names.get(fid, ())),
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
            for part in chunked(chunk):
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
    with db.reading() as session:
        for model in (ServiceRecord, Visit):
            contacts = session.execute(
                select(model.family_id, func.max(type_coerce(model.date, _TEXT)))
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


INFIX_FROM = 3  # a typed word this long also matches inside words («яна» → «Мар'яна»)
INSIDE_SCAN_FROM = 1500  # found inside more words than this: scan the rows' text instead


class FamilyIndex:
    """The loaded rows and a word index over their search text.

    A typed word matches a row when it begins one of the row's words (surname, given
    name, patronymic, phone with and without +38, address, settlement), or, from three
    letters on, when it is found inside one of them. The words are kept sorted and the
    rows of each word laid end to end in one list, so the rows of every word beginning
    with what was typed are one slice of it: a binary search and one set built in C,
    however many families there are. A word found inside many others («067» in every
    phone) is looked for in the rows' text instead, also in C."""

    def __init__(self, rows: Sequence[FamilyRow]) -> None:
        self.rows = list(rows)
        owners: dict[str, list[int]] = {}
        for position, row in enumerate(self.rows):
            for word in set(row.search_text.split()):
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
        self._texts = [row.search_text for row in self.rows]
        self._typed: list[str] = []  # the words of the last search, shared by every row
        for row in self.rows:
            row.found_by = self._typed

    def __len__(self) -> int:
        return len(self.rows)

    def _owners(self, first: int, last: int) -> list[int]:
        """The rows of words first..last-1 (repeats possible)."""
        return self._flat[self._offsets[first] : self._offsets[last]]

    def _positions(self, token: str) -> set[int]:
        start = bisect_left(self._words, token)
        end = bisect_left(self._words, token + "\U0010ffff", start)
        found = set(self._owners(start, end))
        if len(token) >= INFIX_FROM:
            found.update(self._inside(token))
        return found

    def _inside(self, token: str) -> Iterable[int]:
        """Rows with a word that contains `token` (not only at its start)."""
        joined, starts = self._joined, self._starts
        if joined.count(token) > INSIDE_SCAN_FROM:
            # found in very many words: one pass over the rows' text beats a look-up
            # per word (a typed word has no space, so «in» finds it inside a word)
            return [i for i, text in enumerate(self._texts) if token in text]
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

    def search(self, wanted: FamilyFilter, today: dt.date | None = None) -> list[FamilyRow]:
        """Rows matching every typed word, the district, category and status; in the
        index's order (the Ukrainian alphabet of the family name)."""
        tokens = wanted.tokens()
        self._typed[:] = tokens
        found: Iterable[FamilyRow] = self.rows
        if tokens:
            positions: set[int] | None = None
            for token in sorted(set(tokens), key=len, reverse=True):
                matched = self._positions(token)
                positions = matched if positions is None else positions & matched
                if not positions:
                    return []
            assert positions is not None
            found = list(map(self.rows.__getitem__, sorted(positions)))
        if wanted.district_id is not None:
            found = [r for r in found if r.district_id == wanted.district_id]
        if wanted.category is not None:
            found = [r for r in found if wanted.category in r.categories]
        if wanted.on_record is not None:
            day = today or dt.date.today()
            found = [r for r in found if r.on_record(day) == wanted.on_record]
        return list(found)
