"""The families list for the GUI: one read of every live family, kept in memory, searched
as the user types and sorted by the Ukrainian alphabet.

A field laptop holds a few thousand families and a centre up to ~40,000 (100,000 persons);
one pass over precomputed search strings answers a keystroke in milliseconds, where a SQL
LIKE over joined persons would not. The index is rebuilt after a save or an exchange.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.db.database import Database
from app.db.models import Family, Person, ServiceRecord, Settlement, Visit
from app.i18n.text import APOSTROPHES, UKRAINIAN_ALPHABET, search_key

# A str.translate table that maps Ukrainian letters into alphabet order, so plain string
# comparison of translated text orders like app.i18n.sort_key, at C speed.
_ORDER = str.maketrans(
    {letter: chr(0x3000 + index) for index, letter in enumerate(UKRAINIAN_ALPHABET)}
    | {mark: None for mark in APOSTROPHES}
)

HEAD_RELATIONS = ("head", "mother", "father", "guardian", "spouse", "grandmother", "grandfather")


def collation_key(text: str | None) -> tuple[str, str]:
    """A fast sort key ordering by the Ukrainian alphabet, case breaking ties."""
    if not text:
        return ("", "")
    return (text.lower().translate(_ORDER), text.translate(_ORDER))


@dataclass(frozen=True)
class Viewer:
    """Who is looking: restricted families show only to their specialist and the centre."""

    login: str = ""
    display_name: str = ""
    centre: bool = True

    def may_see(self, restricted: bool, specialist: str | None) -> bool:
        if not restricted or self.centre:
            return True
        return bool(specialist) and specialist in (self.login, self.display_name)


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
    name_key: tuple[str, str] = field(default=("", ""), repr=False)

    def on_record(self, day: dt.date | None = None) -> bool:
        """Taken on record and not (yet) taken off record on `day`."""
        day = day or dt.date.today()
        if self.on_record_from is None or self.on_record_from > day:
            return False
        return self.on_record_to is None or self.on_record_to > day


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _main_member(members: list[tuple[str, str, dt.date | None]]) -> str:
    """The family's name: its head, else a parent or guardian, else the oldest member."""

    def rank(member: tuple[str, str, dt.date | None]) -> tuple[int, dt.date]:
        _name, relation, born = member
        order = HEAD_RELATIONS.index(relation) if relation in HEAD_RELATIONS else 99
        return (order, born or dt.date.max)

    return min(members, key=rank)[0] if members else ""


def load_family_rows(db: Database, viewer: Viewer | None = None) -> list[FamilyRow]:
    """Every live family the viewer may see, with what the list shows and searches."""
    viewer = viewer or Viewer()
    people: dict[str, list[tuple[str, str, dt.date | None]]] = {}
    keys: dict[str, list[str]] = {}
    last: dict[str, dt.date] = {}
    with db.session() as session:
        family_rows = session.execute(
            select(
                Family.id,
                Family.search_key,
                Family.address,
                Family.phone,
                Family.categories,
                Family.on_record_from,
                Family.on_record_to,
                Family.specialist,
                Family.restricted,
                Settlement.name,
                Settlement.district_id,
            )
            .outerjoin(Settlement, Settlement.id == Family.settlement_id)
            .where(Family.deleted.is_(False))
        ).all()
        person_rows = session.execute(
            select(
                Person.family_id,
                Person.search_key,
                Person.surname,
                Person.given_name,
                Person.patronymic,
                Person.relation,
                Person.birth_date,
            ).where(Person.deleted.is_(False), Person.family_id.is_not(None))
        ).all()
        for model in (ServiceRecord, Visit):
            contacts = session.execute(
                select(model.family_id, func.max(model.date))
                .where(model.deleted.is_(False), model.family_id.is_not(None))
                .group_by(model.family_id)
            ).all()
            for family_id, day in contacts:
                day = _date(day)
                if day is not None and (family_id not in last or last[family_id] < day):
                    last[family_id] = day
    for family_id, key, surname, given, patronymic, relation, born in person_rows:
        name = " ".join(p for p in (surname, given, patronymic) if p)
        people.setdefault(family_id, []).append((name, relation or "", _date(born)))
        keys.setdefault(family_id, []).append(key)
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
        settlement,
        district_id,
    ) in family_rows:
        if not viewer.may_see(bool(restricted), specialist):
            continue
        members = people.get(fid, [])
        name = _main_member(members)
        if isinstance(categories, str):
            categories = json.loads(categories)
        text = " ".join([fkey or "", search_key(settlement), *keys.get(fid, [])])
        rows.append(
            FamilyRow(
                id=fid,
                name=name,
                settlement=settlement or "",
                district_id=district_id,
                address=address or "",
                phone=phone or "",
                categories=tuple(categories or ()),
                on_record_from=_date(start),
                on_record_to=_date(end),
                specialist=specialist or "",
                restricted=bool(restricted),
                last_contact=last.get(fid),
                members=len(members),
                search_text=text,
                name_key=collation_key(name),
            )
        )
    rows.sort(key=lambda r: r.name_key)
    return rows


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
    """The loaded rows and a search over them."""

    def __init__(self, rows: Sequence[FamilyRow]) -> None:
        self.rows = list(rows)

    def __len__(self) -> int:
        return len(self.rows)

    def search(self, wanted: FamilyFilter, today: dt.date | None = None) -> list[FamilyRow]:
        """Rows matching every typed word (name, phone, address), district, category, status;
        in the index's order (the Ukrainian alphabet of the family name)."""
        found: Iterable[FamilyRow] = self.rows
        if wanted.district_id is not None:
            found = [r for r in found if r.district_id == wanted.district_id]
        if wanted.category is not None:
            found = [r for r in found if wanted.category in r.categories]
        if wanted.on_record is not None:
            day = today or dt.date.today()
            found = [r for r in found if r.on_record(day) == wanted.on_record]
        tokens = wanted.tokens()
        if len(tokens) == 1:
            token = tokens[0]
            found = [r for r in found if token in r.search_text]
        elif tokens:
            found = [r for r in found if all(t in r.search_text for t in tokens)]
        return list(found)

    def replace(self, row: FamilyRow) -> None:
        """Put a reloaded row in place (or add it), keeping the alphabetical order."""
        self.rows = [r for r in self.rows if r.id != row.id]
        self.rows.append(row)
        self.rows.sort(key=lambda r: r.name_key)
