"""Erasure under the Law of Ukraine «Про захист персональних даних»: a family or a person is
erased for good — its rows and everything that hangs on it, its change log, its conflicts,
the record ids in the audit trail — not just deleted (a tombstone keeps the values in the
change log). Only the erased ids stay (`erasures`), so that:

- the centre's bundles tell every laptop, which erases them too at its next exchange;
- a change of an erased record that arrives later (a laptop's bundle made before it knew)
  is erased again right after the merge, instead of bringing the record back.

Records that named an erased person keep nothing of it: a group's participant or another
family's service loses the reference (in the row and in its change log alike, on every
replica, so exports stay identical). On SQLite the erasing connection overwrites freed
space (`secure_delete`) and the write-ahead log is truncated afterwards, so a backup made
afterwards holds none of the values. docs/decisions/067-erasure.md.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import delete, or_, select, text, update
from sqlalchemy.orm import Session

from app.db.actors import own_actors
from app.db.database import Database
from app.db.models import (
    Assessment,
    AuditEvent,
    Change,
    Conflict,
    DuplicateMark,
    Erasure,
    Family,
    Intake,
    Notification,
    Participant,
    Person,
    Redirect,
    Referral,
    ServiceRecord,
    Visit,
)
from app.errors import NotPermitted, UsageError
from app.i18n import tr
from app.sync.changes import cut_data_text

ERASABLE = ("family", "person")
_CHUNK = 400
# What hangs on a family or a person, by model: (model, type name, family column, person column)
_HANGING: tuple[tuple[Any, str, Any, Any], ...] = (
    (Notification, "notification", Notification.family_id, None),
    (Assessment, "assessment", Assessment.family_id, None),
    (Visit, "visit", Visit.family_id, None),
    (Intake, "intake", Intake.family_id, Intake.person_id),
)


def erase(db: Database, entity: str, record_id: str) -> int:
    """Centre, admin: erase a family (with its persons and what hangs on them) or a person
    for good; returns how many records were erased."""
    from app.db.clock import now_text
    from app.services.permissions import actor_of
    from app.sync.devices import self_device

    actor = actor_of(db)
    if not actor.is_admin:
        raise NotPermitted(
            tr(
                "the account «{login}» (role {role}) may not run «{command}»",
                login=actor.login,
                role=tr(actor.role),
                command="records erase",
            )
        )
    if entity not in ERASABLE:
        raise UsageError(tr("only a family or a person can be erased"))
    with db.session() as session:
        if self_device(session).kind != "centre":
            raise UsageError(tr("records are erased at the centre"))
        model = Family if entity == "family" else Person
        if session.get(model, record_id) is None and session.get(Erasure, record_id) is None:
            raise UsageError(tr("no record with id {id}", id=record_id))
        _secure(session)
        erased = erase_records(session, {entity: {record_id}}, now_text())
    scrub(db)
    return erased


def _secure(session: Session) -> None:
    """SQLite: overwrite what is deleted on this connection (not only unlink the pages)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))


def scrub(db: Database) -> None:
    """SQLite: rebuild the file (VACUUM: no stale copy of an erased value left in free
    space, which a backup would copy) and truncate the write-ahead log."""
    if db.path is None:
        return
    raw = db.engine.raw_connection()  # outside SQLAlchemy's transaction: VACUUM needs none
    try:
        cursor = raw.cursor()
        for statement in (
            "PRAGMA wal_checkpoint(TRUNCATE)",
            "VACUUM",
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ):
            cursor.execute(statement)
        cursor.close()
    finally:
        raw.close()


def _ids(session: Session, query: Any) -> set[str]:
    return set(session.scalars(query))


def _chunks(ids: Collection[str]) -> Iterable[list[str]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _where_in(column: Any, ids: Collection[str]) -> Any:
    return or_(*(column.in_(chunk) for chunk in _chunks(ids))) if ids else column.in_([])


def erase_records(session: Session, roots: dict[str, set[str]], now: str) -> int:
    """Erase the named families and persons with everything that hangs on them; record every
    erased id. Returns how many records were erased (0: nothing of them is held here)."""
    families = set(roots.get("family", ()))
    persons = set(roots.get("person", ())) | (
        _ids(session, select(Person.id).where(_where_in(Person.family_id, families)))
        if families
        else set()
    )
    found: dict[str, set[str]] = {"family": families, "person": persons}
    for model, name, family_column, person_column in _HANGING:
        conditions = [_where_in(family_column, families)] if families else []
        if person_column is not None and persons:
            conditions.append(_where_in(person_column, persons))
        if conditions:
            found[name] = _ids(session, select(model.id).where(or_(*conditions)))
    # services: of an erased family, or of an erased person without a family of its own
    service_conditions = []
    if families:
        service_conditions.append(_where_in(ServiceRecord.family_id, families))
    if persons:
        service_conditions.append(
            _where_in(ServiceRecord.person_id, persons) & ServiceRecord.family_id.is_(None)
        )
    if service_conditions:
        found["service"] = _ids(session, select(ServiceRecord.id).where(or_(*service_conditions)))
    referral_conditions = []
    if families:
        referral_conditions.append(_where_in(Referral.family_id, families))
    if persons:
        referral_conditions.append(_where_in(Referral.person_id, persons))
    if found.get("intake"):
        referral_conditions.append(_where_in(Referral.intake_id, found["intake"]))
    if referral_conditions:
        found["referral"] = _ids(session, select(Referral.id).where(or_(*referral_conditions)))

    everything = set().union(*found.values())
    if not everything:
        return 0
    held = 0
    if persons:
        _detach(session, persons)
    for model, name in (
        (Referral, "referral"),
        (Intake, "intake"),
        (ServiceRecord, "service"),
        (Visit, "visit"),
        (Assessment, "assessment"),
        (Notification, "notification"),
        (Person, "person"),
        (Family, "family"),
    ):
        ids = found.get(name) or set()
        for chunk in _chunks(ids):
            held += session.execute(delete(model).where(model.id.in_(chunk))).rowcount or 0
    for chunk in _chunks(everything):
        held += _drop_changes(session, chunk)
        session.execute(delete(Conflict).where(Conflict.record_id.in_(chunk)))
        session.execute(
            update(AuditEvent).where(AuditEvent.record_id.in_(chunk)).values(record_id=None)
        )
        _forget_duplicates(session, chunk)
        _forget_drops(session, chunk)
    known = _ids(session, select(Erasure.id).where(_where_in(Erasure.id, everything)))
    for name, ids in found.items():
        for record_id in sorted(ids - known):
            session.add(Erasure(id=record_id, entity=name, erased_at=now))
    session.flush()
    return held


def _drop_changes(session: Session, ids: list[str]) -> int:
    """Remove the change log of erased records. A laptop keeps its own entries as blanks
    (`{}`: no value left, the number kept): the centre checks that a laptop's bundle covers
    every number it claims, and an entry the centre has not acknowledged yet would otherwise
    leave a hole that refused every later bundle."""
    condition = Change.record_id.in_(ids)
    blanked = 0
    own = _own_origins_if_field(session)
    if own:
        blanked = session.execute(
            update(Change)
            .where(condition, Change.origin.in_(own))
            .values(data="{}", bases="{}")
            .execution_options(synchronize_session=False)
        ).rowcount
        condition = condition & Change.origin.not_in(own)
    removed = session.execute(delete(Change).where(condition)).rowcount
    return (removed or 0) + (blanked or 0)


def _own_origins_if_field(session: Session) -> list[str]:
    """This replica's own change origins when it is a laptop; none at the centre."""
    from app.sync.devices import self_device

    me = self_device(session)
    return [] if me.kind == "centre" else own_actors(session, me.id)


def _detach(session: Session, persons: set[str]) -> None:
    """Participants and other families' services that name an erased person lose the
    reference, in their rows and in their change log."""
    for model, entity in ((Participant, "participant"), (ServiceRecord, "service")):
        for chunk in _chunks(persons):
            session.execute(update(model).where(model.person_id.in_(chunk)).values(person_id=None))
        for person_id in sorted(persons):
            rows = session.execute(
                select(Change.origin, Change.seq, Change.data).where(
                    Change.entity == entity, Change.data.contains(person_id)
                )
            ).all()
            for origin, seq, data in rows:
                try:
                    values = json.loads(data)
                except ValueError:
                    continue
                if isinstance(values, dict) and values.get("person_id") == person_id:
                    values["person_id"] = None
                    session.execute(
                        update(Change)
                        .where(Change.origin == origin, Change.seq == seq)
                        .values(data=cut_data_text(values))
                    )


def _forget_duplicates(session: Session, chunk: list[str]) -> None:
    """Merged-duplicate redirects and «not a duplicate» marks that name an erased record."""
    redirects = _ids(
        session,
        select(Redirect.id).where(or_(Redirect.id.in_(chunk), Redirect.target_id.in_(chunk))),
    )
    marks = _ids(
        session,
        select(DuplicateMark.id).where(
            or_(DuplicateMark.a_id.in_(chunk), DuplicateMark.b_id.in_(chunk))
        ),
    )
    for model, ids in ((Redirect, redirects), (DuplicateMark, marks)):
        if ids:
            session.execute(delete(model).where(model.id.in_(sorted(ids))))
            _drop_changes(session, sorted(ids))


def _forget_drops(session: Session, chunk: list[str]) -> None:
    from app.sync.tables import Drop

    session.execute(delete(Drop).where(Drop.record_id.in_(chunk)))


# -- sync ----------------------------------------------------------------------------------


def erasure_list(session: Session) -> list[list[str]]:
    """Centre: every erased id with its type, for the laptops (ids only, never a value)."""
    rows = session.execute(select(Erasure.entity, Erasure.id).order_by(Erasure.id))
    return [[entity, record_id] for entity, record_id in rows]


def apply_erasures(session: Session, items: Any, now: str) -> int:
    """Laptop: erase what the centre's bundle lists and this replica has not erased yet."""
    if not isinstance(items, list):
        return 0
    wanted: dict[str, set[str]] = {}
    for item in items:
        if (
            isinstance(item, list)
            and len(item) == 2
            and all(isinstance(v, str) for v in item)
            and len(item[1]) <= 36
        ):
            wanted.setdefault(item[0], set()).add(item[1])
    every = set().union(*wanted.values()) if wanted else set()
    new = every - _ids(session, select(Erasure.id).where(_where_in(Erasure.id, every)))
    if not new:
        return 0
    _secure(session)
    roots = {
        "family": wanted.get("family", set()) & new,
        "person": wanted.get("person", set()) & new,
    }
    erased = erase_records(session, roots, now)
    for entity, ids in wanted.items():
        for record_id in sorted(ids & new):
            if session.get(Erasure, record_id) is None:
                session.add(Erasure(id=record_id, entity=entity, erased_at=now))
                _erase_one(session, entity, record_id)
    return erased


def _erase_one(session: Session, entity: str, record_id: str) -> None:
    """A hanging record the centre erased (its root may not be held here)."""
    from app.db.registry import TYPES

    spec = TYPES.get(entity)
    if spec is not None and entity not in ERASABLE:
        session.execute(delete(spec.table).where(spec.table.c.id == record_id))
    _drop_changes(session, [record_id])
    session.execute(delete(Conflict).where(Conflict.record_id == record_id))


def erase_again(session: Session, now: str) -> int:
    """After a merge: erase once more whatever of an erased record came back with it (a
    change made before the erasure was known), and references to erased persons."""
    erased = dict(session.execute(select(Erasure.id, Erasure.entity)).all())
    if not erased:
        return 0
    families = {i for i, e in erased.items() if e == "family"}
    persons = {i for i, e in erased.items() if e == "person"}
    others = set(erased) - families - persons
    back = False
    checks: list[Any] = []
    if families:
        checks += [
            select(Family.id).where(_where_in(Family.id, families)),
            select(Person.id).where(_where_in(Person.family_id, families)),
            *(select(m.id).where(_where_in(fc, families)) for m, _, fc, _ in _HANGING),
            select(ServiceRecord.id).where(_where_in(ServiceRecord.family_id, families)),
            select(Referral.id).where(_where_in(Referral.family_id, families)),
        ]
    if persons:
        checks += [
            select(Person.id).where(_where_in(Person.id, persons)),
            select(ServiceRecord.id).where(_where_in(ServiceRecord.person_id, persons)),
            select(Participant.id).where(_where_in(Participant.person_id, persons)),
            select(Intake.id).where(_where_in(Intake.person_id, persons)),
            select(Referral.id).where(_where_in(Referral.person_id, persons)),
        ]
    checks.append(  # a laptop's own blank entries (`_drop_changes`) hold nothing
        select(Change.record_id).where(
            _where_in(Change.record_id, set(erased)), Change.data != "{}"
        )
    )
    # a change refused for review (the record is gone here) keeps the value in a conflict
    checks.append(select(Conflict.record_id).where(_where_in(Conflict.record_id, set(erased))))
    for query in checks:
        if session.scalar(query.limit(1)) is not None:
            back = True
            break
    if not back:
        return 0
    _secure(session)
    count = erase_records(session, {"family": families, "person": persons}, now)
    for record_id in sorted(others):
        _erase_one(session, erased[record_id], record_id)
    return count
