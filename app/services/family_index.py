"""The families list for the GUI: one read of every live family, kept in memory, searched
as the user types and sorted by the Ukrainian alphabet.

A field laptop holds a few thousand families and a centre up to ~40,000 (100,000 persons);
one pass over precomputed search strings answers a keystroke in milliseconds, where a SQL
LIKE over joined persons would not (app/services/family_search.py). The index is rebuilt
after a save or an exchange.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.engine import Connection

from app.db.bulk import gc_paused
from app.db.chunks import chunked
from app.db.database import Database
from app.db.models import Family, Person, ServiceRecord, Settlement, Visit
from app.db.on_record import on_record
from app.i18n.text import UKRAINIAN_ALPHABET, search_key, sort_key
from app.services.family_names import HEAD_RELATIONS, NO_BIRTH
from app.services.family_search import FamilyFilter as FamilyFilter
from app.services.family_search import FamilyIndex as FamilyIndex
from app.services.permissions import Actor

# Who is looking: the acting account (app/services/permissions.py). A bare `Viewer()` is a
# viewer role and sees no restricted family.
Viewer = Actor


@dataclass(slots=True)
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


def _read(session: Any, family_filter: Any = None, person_filter: Any = None) -> tuple[Any, Any]:
    """The families' and their members' rows."""
    families, persons = _family_query(), _person_query()
    if family_filter is not None:
        families, persons = families.where(family_filter), persons.where(person_filter)
    connection = session.connection()
    return _fetch(connection, families), _fetch(connection, persons)


def _fetch(connection: Connection, statement: Any) -> Sequence[Any]:
    """A statement's rows: on SQLite the driver's own tuples, the statement compiled by
    SQLAlchemy and run on its cursor (a tenth of the read on a centre's 100,000 persons
    goes to Row objects and their bookkeeping, a third more through the ORM); elsewhere
    Core's rows. Every column read here is text, a number or a flag, as stored."""
    if connection.dialect.name != "sqlite":
        return connection.execute(statement).all()
    compiled = statement.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    values = [compiled.params[name] for name in compiled.positiontup or ()]
    cursor = connection.connection.driver_connection.cursor()
    try:
        return list(cursor.execute(str(compiled), values).fetchall())
    finally:
        cursor.close()


def _members(person_rows: Sequence[Any]) -> dict[str, list[Any]]:
    """Per family: [rank, name, id] of its main member (app/services/family_names.py's:
    first by rank, then name and id on a tie), then every member's search key and full
    name. One pass, dictionary look-ups only: a centre has 100,000 persons."""
    # the rank as one string, the relation's place (two digits) before the birth date:
    # ordered as family_names' (place, birth date) tuple, compared in one step
    order = {relation: f"{n:02}" for n, relation in enumerate(HEAD_RELATIONS)}
    unranked = f"{len(HEAD_RELATIONS):02}"
    groups: dict[str, list[Any]] = {}
    get = groups.get
    for family_id, pid, key, surname, given, patronymic, relation, born in person_rows:
        if surname and given and patronymic:
            full = f"{surname} {given} {patronymic}"
        else:  # app.i18n.text.full_name, without a generator per person
            full = " ".join(filter(None, (surname, given, patronymic)))
        rank = order.get(relation, unranked) + (str(born) if born else NO_BIRTH)
        group = get(family_id)
        if group is None:
            groups[family_id] = [rank, full, pid, [key], [full]]
            continue
        group[3].append(key)
        group[4].append(full)
        if rank <= group[0] and (
            rank < group[0] or (sort_key(full), pid) < (sort_key(group[1]), group[2])
        ):
            group[0:3] = rank, full, pid
    return groups


def _build_rows(
    family_rows: Sequence[Any], person_rows: Sequence[Any], viewer: Viewer
) -> list[FamilyRow]:
    """One pass over the persons, one over the families; the few distinct code lists,
    dates and settlements are parsed once each."""
    groups = _members(person_rows)
    codes: dict[str, tuple[str, ...]] = {}
    days: dict[Any, dt.date | None] = {None: None, "": None}
    places: dict[str | None, tuple[str, str]] = {}
    nobody = [None, "", None, [], []]
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
        _rank, name, _pid, keys, names = groups.get(fid, nobody)
        if categories not in codes:
            codes[categories] = tuple(json.loads(categories)) if categories else ()
        if start not in days:
            days[start] = _iso(start)
        if end not in days:
            days[end] = _iso(end)
        place = places.get(settlement)
        if place is None:
            place = places[settlement] = (settlement or "", (settlement or "").lower())
        rows.append(
            FamilyRow(
                fid,
                name,
                place[0],
                district_id,
                address or "",
                phone or "",
                codes[categories],
                days[start],
                days[end],
                specialist or "",
                bool(restricted),
                None,
                len(keys),
                " ".join((fkey or "", place[1], *keys)),
                tuple(names),
                sort_key(name),
            )
        )
    _alphabetical(rows)
    return rows


def _alphabetical(rows: list[FamilyRow]) -> None:
    """By name key, then id, compared as one string: a third of the time of comparing
    tuples of strings. NUL never occurs in a stored name (app/i18n/text.py refuses control
    characters) nor in an id, and sorts below every character, so the order is the tuple's."""
    rows.sort(key=lambda r: f"{r.name_key[0]}\0{r.name_key[1]}\0{r.id}")


def load_family_rows(db: Database, viewer: Viewer | None = None) -> list[FamilyRow]:
    """Every live family the viewer may see, with what the list shows and searches.

    Dates and code lists are read as text and parsed here: SQLAlchemy's per-row type
    processing would triple the time on a centre's 100,000 persons. The last contact is
    left empty; `load_last_contacts` fills it in a second step."""
    with gc_paused():  # each collection would walk the rows held (app/db/bulk.py)
        with db.reading() as session:
            family_rows, person_rows = _read(session)
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
            family_rows: list[Any] = []
            person_rows: list[Any] = []
            for part in chunked(sorted(ids)):
                families, persons = _read(session, Family.id.in_(part), Person.family_id.in_(part))
                family_rows += families
                person_rows += persons
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
    _alphabetical(rows)
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
