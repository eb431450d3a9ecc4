"""A family's display name: the full name of its main member, one rule for the families
list, the family card, the printouts and the exchange's lists.

The main member is the first by relation (head, mother, father, guardian, spouse,
grandmother, grandfather, then anyone), then the oldest (a missing birth date last), then
the name in alphabet order, then the record id, so a family never gets two names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.chunks import chunked
from app.db.models import Person
from app.i18n.text import full_name, sort_key

HEAD_RELATIONS = ("head", "mother", "father", "guardian", "spouse", "grandmother", "grandfather")
NO_BIRTH = "9999-99-99"  # sorts after every ISO date


def _rank(relation: str | None, born: dt.date | str | None) -> tuple[int, str]:
    order = HEAD_RELATIONS.index(relation) if relation in HEAD_RELATIONS else len(HEAD_RELATIONS)
    if isinstance(born, dt.date):
        return order, born.isoformat()
    return order, born or NO_BIRTH


class MainMembers:
    """Each family's main member, offered one member at a time (any order)."""

    def __init__(self) -> None:
        self._best: dict[str, tuple[tuple[int, str], str, str]] = {}

    def offer(
        self,
        family_id: str,
        relation: str | None,
        born: dt.date | str | None,
        name: str,
        person_id: str = "",
    ) -> None:
        """One member of `family_id` (`born` a date or ISO text, `name` the full name)."""
        rank = _rank(relation, born)
        current = self._best.get(family_id)
        if current is not None:
            if rank > current[0]:
                return
            if rank == current[0] and (sort_key(name), person_id) >= (
                sort_key(current[1]),
                current[2],
            ):
                return
        self._best[family_id] = (rank, name, person_id)

    def names(self) -> dict[str, str]:
        """Family id → display name, for every family offered a member."""
        return {fid: name for fid, (_rank, name, _id) in self._best.items()}


def display_name(members: Iterable[tuple[str | None, dt.date | None, str, str | None]]) -> str:
    """The display name of one family from its members as (relation, birth date, full name,
    id or None); "" without members."""
    picker = MainMembers()
    for relation, born, name, person_id in members:
        picker.offer("", relation, born, name, person_id or "")
    return picker.names().get("", "")


def family_names(session: Session, family_ids: Sequence[str] | set[str]) -> dict[str, str]:
    """The display name of each family in `family_ids` that has a live member."""
    picker = MainMembers()
    for chunk in chunked(sorted(family_ids)):
        rows = session.execute(
            select(
                Person.family_id,
                Person.id,
                Person.surname,
                Person.given_name,
                Person.patronymic,
                Person.relation,
                Person.birth_date,
            ).where(Person.family_id.in_(chunk), Person.deleted.is_(False))
        ).all()
        for fid, pid, surname, given, patronymic, relation, born in rows:
            if fid is None:  # never: the query asks for these families
                continue
            picker.offer(fid, relation, born, full_name(surname, given, patronymic), pid)
    return picker.names()
