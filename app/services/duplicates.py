"""Likely duplicate families and persons, found and merged at the centre.

Names are compared by a *name key* that ignores what people type differently: case,
apostrophes (' ʼ ’ …), г/ґ, е/є, и/і/ї/й, soft signs, and a name typed in Latin letters by
mistake (Kovalenko, Kowalenko, Mariia → Коваленко, Марія). Persons are compared only inside
blocks that share a birth date, an РНОКПП, or a name key, so 100,000 persons need a few
hundred thousand comparisons, not five billion; similarity is rapidfuzz's normalised
Levenshtein ratio. A pair is scored 0..1 from the name (either order of surname and given
name), birth date, patronymic (an initial matches the full name) and РНОКПП (the same one is
the same person; two different ones never are). Families are scored from their members' best
match, raised by the same settlement and a similar address.

`merge` writes a `redirect` (app/sync/redirects.py): the dropped record becomes a tombstone
and everything on it moves to the kept one, on every replica. A pair marked «not a
duplicate» (`mark_distinct`) is never proposed again; the mark syncs like any record.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein
from sqlalchemy import String, cast, select

from app.db.database import Database, self_device_id
from app.db.models import DuplicateMark, Family, Person
from app.db.registry import TYPES
from app.errors import UsageError
from app.i18n import tr
from app.services.name_keys import address_key, name_key
from app.services.permissions import actor_of, hidden_for
from app.services.records import Edit, RecordBatch
from app.sync.redirects import MERGEABLE, redirect_map, settle
from app.sync.restricted import note_moved

PERSON_THRESHOLD = 0.8
FAMILY_THRESHOLD = 0.8
_BLOCK_LIMIT = 60  # a name shared by more persons than this says nothing on its own
_MARK_NAMESPACE = uuid.UUID("5b0d7f4e-2c1a-4f7e-9a63-8e1d2b4c6a17")


@dataclass(frozen=True)
class Pair:
    """A likely duplicate: type, the two ids (a < b), score 0..1 and reasons."""

    type: str
    a: str
    b: str
    score: float
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "a": self.a,
            "b": self.b,
            "score": self.score,
            "reasons": list(self.reasons),
        }


@dataclass
class _Person:
    id: str
    family_id: str | None
    surname: str
    given: str
    patronymic: str
    birth: str | None  # ISO date: only ever compared for equality
    rnokpp: str | None

    @property
    def full(self) -> str:
        return f"{self.surname} {self.given}"

    @property
    def swapped(self) -> str:
        return f"{self.given} {self.surname}"


_QUICK_CUTOFF = 0.5  # below this the name cannot lift a pair to PERSON_THRESHOLD
_similar = Levenshtein.normalized_similarity


def _ratio(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return Levenshtein.normalized_similarity(a, b)


def _patronymic(a: str, b: str) -> float | None:
    if not a or not b:
        return None
    if len(a) == 1 or len(b) == 1:
        return 1.0 if a[0] == b[0] else 0.0
    return _ratio(a, b)


def score_persons(p: _Person, q: _Person) -> tuple[float, tuple[str, ...]]:
    """How likely two persons are one (0..1), and why."""
    if p.rnokpp and q.rnokpp:
        if p.rnokpp == q.rnokpp:
            return 1.0, ("rnokpp",)
        return 0.0, ()
    # A quick look at the whole name first: most pairs in a block are strangers.
    full = p.full
    if (
        _similar(full, q.full, score_cutoff=_QUICK_CUTOFF) == 0.0
        and _similar(full, q.swapped, score_cutoff=_QUICK_CUTOFF) == 0.0
    ):
        return 0.0, ()
    straight = (_ratio(p.surname, q.surname) + _ratio(p.given, q.given)) / 2
    swapped = (_ratio(p.surname, q.given) + _ratio(p.given, q.surname)) / 2
    name = max(straight, swapped)
    reasons = ["name"] if name >= 0.8 else []
    if swapped > straight and swapped >= 0.8:
        reasons.append("swapped_names")
    if p.birth is not None and q.birth is not None:
        birth = 1.0 if p.birth == q.birth else 0.0
        if birth:
            reasons.append("birth_date")
    else:
        birth = 0.5
    patronymic = _patronymic(p.patronymic, q.patronymic)
    if patronymic is None:
        patronymic = 0.5
    elif patronymic >= 0.8:
        reasons.append("patronymic")
    score = 0.55 * name + 0.3 * birth + 0.15 * patronymic
    return round(score, 3), tuple(reasons)


def _load_persons(session: Any) -> list[_Person]:
    query = select(
        Person.id,
        Person.family_id,
        Person.surname,
        Person.given_name,
        Person.patronymic,
        cast(Person.birth_date, String),  # ISO text on both engines, no date objects built
        Person.rnokpp,
    ).where(Person.deleted.is_(False))
    return [
        _Person(i, f, name_key(s), name_key(g), name_key(pa), b, r or None)
        for i, f, s, g, pa, b, r in session.execute(query)
    ]


def _candidate_pairs(persons: list[_Person]) -> set[tuple[int, int]]:
    """Index pairs worth scoring: the same РНОКПП, the same birth date, or — when a birth
    date is missing on one side — the same name key (both orders of the names)."""
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    undated: dict[tuple[str, ...], list[int]] = defaultdict(list)
    dated: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, p in enumerate(persons):
        if p.rnokpp:
            blocks[("r", p.rnokpp)].append(index)
        names = (p.surname, p.given) if p.surname <= p.given else (p.given, p.surname)
        if p.birth is not None:
            blocks[("b", p.birth)].append(index)
            dated[names].append(index)
        else:
            undated[names].append(index)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        if len(members) > _BLOCK_LIMIT:
            if key[0] != "b":
                continue
            # Many persons born on one day: compare only those whose names start alike.
            sub: dict[tuple[str, ...], list[int]] = defaultdict(list)
            for i in members:
                p = persons[i]
                sub[tuple(sorted((p.surname[:1], p.given[:1])))].append(i)
            groups: Iterable[list[int]] = sub.values()
        else:
            groups = (members,)
        for group in groups:
            for x in range(len(group)):
                for y in range(x + 1, len(group)):
                    pairs.add((group[x], group[y]))
    for names, members in undated.items():
        others = dated.get(names, [])
        if len(members) + len(others) > _BLOCK_LIMIT:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
            for other in others:
                pairs.add((min(members[x], other), max(members[x], other)))
    return pairs


def _marks(session: Any) -> set[tuple[str, str, str]]:
    rows = session.execute(
        select(DuplicateMark.entity, DuplicateMark.a_id, DuplicateMark.b_id).where(
            DuplicateMark.deleted.is_(False)
        )
    )
    return {(e, *sorted((a, b))) for e, a, b in rows}


def find_duplicates(db: Database) -> list[Pair]:
    """Likely duplicate persons and families, best first; a pair that involves a restricted
    family the signed-in account may not see (or one of its persons) is left out."""
    with db.reading() as session:
        hidden = hidden_for(session, actor_of(db, session))
        persons = _load_persons(session)
        families = {
            fid: (settlement, address)
            for fid, settlement, address in session.execute(
                select(Family.id, Family.settlement_id, Family.address).where(
                    Family.deleted.is_(False)
                )
            )
        }
        marks = _marks(session)
    found: list[Pair] = []
    best_members: dict[tuple[str, str], float] = {}
    for x, y in _candidate_pairs(persons):
        p, q = persons[x], persons[y]
        score, reasons = score_persons(p, q)
        if score < PERSON_THRESHOLD:
            continue
        a, b = sorted((p.id, q.id))
        if ("person", a, b) not in marks:
            found.append(Pair("person", a, b, score, reasons))
        if p.family_id and q.family_id and p.family_id != q.family_id:
            key = tuple(sorted((p.family_id, q.family_id)))
            best_members[key] = max(best_members.get(key, 0.0), score)  # type: ignore[index]
    for (a, b), member in best_members.items():
        if ("family", a, b) in marks or a not in families or b not in families:
            continue
        (place_a, address_a), (place_b, address_b) = families[a], families[b]
        address = 0.0
        if place_a and place_a == place_b:
            address = _ratio(address_key(address_a), address_key(address_b))
        score = round(max(member, 0.5 * member + 0.5 * address), 3)
        reasons = ["members"] + (["address"] if address >= 0.8 else [])
        if score >= FAMILY_THRESHOLD:
            found.append(Pair("family", a, b, score, tuple(reasons)))
    if hidden:
        unseen = {"person": hidden.persons, "family": hidden.families}
        found = [p for p in found if p.a not in unseen[p.type] and p.b not in unseen[p.type]]
    found.sort(key=lambda pair: (-pair.score, pair.type, pair.a, pair.b))
    return found


@dataclass
class MergeOutcome:
    """What `merge` did."""

    type: str
    keep: str
    drop: str
    conflicts: int = 0
    moved: dict[str, int] = field(default_factory=dict)


def _live_type(session: Any, record_id: str) -> str | None:
    for name in MERGEABLE:
        table = TYPES[name].table
        deleted = session.scalar(select(table.c.deleted).where(table.c.id == record_id))
        if deleted is False:
            return name
    return None


def merge(db: Database, keep: str, drop: str, *, now: str | None = None) -> MergeOutcome:
    """Merge the record `drop` into `keep` (two live families, or two live persons)."""
    if keep == drop:
        raise UsageError(tr("a record cannot be merged into itself"))
    now = now or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with db.session() as session:
        batch = RecordBatch(session, self_device_id(session))
        kind, other = _live_type(session, keep), _live_type(session, drop)
        if kind is None or other is None:
            missing = keep if kind is None else drop
            raise UsageError(tr("no live family or person with id {id}", id=missing))
        if kind != other:
            raise UsageError(tr("only two families or two persons can be merged"))
        batch.apply(Edit(TYPES["redirect"], drop, {"entity": kind, "target_id": keep}, None))
        batch.commit()
        conflicts = settle(session, [drop], redirect_map(session), now=now)
        if kind == "family":
            # The kept family now holds the dropped one's members: the laptops of its district
            # get it whole, and a laptop of the other district lets both go (decision 101).
            again = RecordBatch(session, self_device_id(session))
            again.restate_family(keep)
            again.commit()
            note_moved(session, keep)
            note_moved(session, drop)
    return MergeOutcome(kind, keep, drop, conflicts)


def mark_distinct(db: Database, a: str, b: str) -> str:
    """Remember that two records are not duplicates; returns the mark's id."""
    if a == b:
        raise UsageError(tr("a record cannot be merged into itself"))
    first, second = sorted((a, b))
    with db.session() as session:
        batch = RecordBatch(session, self_device_id(session))
        kind, other = _live_type(session, first), _live_type(session, second)
        if kind is None or other is None:
            missing = first if kind is None else second
            raise UsageError(tr("no live family or person with id {id}", id=missing))
        if kind != other:
            raise UsageError(tr("only two families or two persons can be merged"))
        mark = str(uuid.uuid5(_MARK_NAMESPACE, f"{kind}|{first}|{second}"))
        fields = {"entity": kind, "a_id": first, "b_id": second}
        batch.apply(Edit(TYPES["duplicate_mark"], mark, fields, False))
        batch.commit()
    return mark


def describe(db: Database, pairs: Iterable[Pair]) -> Mapping[str, str]:
    """A short label (a person's full name, a family's members) for each id in `pairs`."""
    ids = {i for p in pairs for i in (p.a, p.b)}
    labels: dict[str, str] = {}
    if not ids:
        return labels
    with db.session() as session:
        rows = session.execute(
            select(Person.id, Person.family_id, Person.surname, Person.given_name).where(
                Person.deleted.is_(False)
            )
        )
        members: dict[str, list[str]] = defaultdict(list)
        for pid, fid, surname, given in rows:
            name = " ".join(x for x in (surname, given) if x)
            if pid in ids:
                labels[pid] = name
            if fid in ids:
                members[fid].append(name)
        for fid, names in members.items():
            labels[fid] = ", ".join(sorted(names))
    return labels


FAMILY_FIELDS = ("settlement_id", "address", "phone", "categories", "on_record_from", "notes")
PERSON_FIELDS = (
    "surname",
    "given_name",
    "patronymic",
    "birth_date",
    "rnokpp",
    "phone",
    "family_id",
)


def record_details(db: Database, kind: str, record_id: str) -> list[tuple[str, str]]:
    """(field, shown value) of a family or person for the side-by-side review; a family's
    members are listed as `member` rows."""
    entity = TYPES[kind]
    table = entity.table
    names = FAMILY_FIELDS if kind == "family" else PERSON_FIELDS
    with db.session() as session:
        row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
        if row is None:
            return []
        out: list[tuple[str, str]] = []
        for name in names:
            value = row[name]
            if name == "settlement_id" and value:
                from app.db.models import Settlement

                value = session.scalar(select(Settlement.name).where(Settlement.id == value))
            if isinstance(value, list):
                value = ", ".join(value)
            out.append((name, "" if value is None else str(value)))
        if kind == "family":
            members = session.execute(
                select(Person.surname, Person.given_name, Person.patronymic, Person.birth_date)
                .where(Person.family_id == record_id, Person.deleted.is_(False))
                .order_by(Person.birth_date)
            )
            for surname, given, patronymic, born in members:
                name = " ".join(x for x in (surname, given, patronymic) if x)
                out.append(("member", f"{name} {born.isoformat() if born else ''}".strip()))
    return out
