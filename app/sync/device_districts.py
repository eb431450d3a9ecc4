"""A laptop's districts changed at the centre (`devices districts`): the next exchanges narrow
or widen what the laptop holds.

Centre: the device's districts are replaced, and a pending change is kept (setting
`districts_change:<device>`: a token, the districts added, every district the laptop may
still hold). While it is pending, the centre's bundles to the laptop carry the new districts
and the token, and — for the districts added — every change-log line of their records (the
laptop acknowledged those changes while they were out of its scope, so it never received
them); the laptop's changes are checked against the old districts and the new together, so
work done before the change still applies.

Laptop: takes the new districts (its account's reach follows), merges the refill lines, and
erases the families and groups that are no longer in its scope — each only once the centre
has acknowledged every local change of it, as a responsible's handover does (decision 061).
When nothing outside is left it answers the token in its next bundle, and the centre stops
refilling and drops the old districts. docs/decisions/066-device-districts.md.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.db.database import Database
from app.db.models import (
    Attendance,
    Change,
    Conflict,
    Device,
    District,
    Family,
    GroupSession,
    Participant,
    Setting,
    SupportGroup,
)
from app.errors import UsageError
from app.i18n import tr
from app.sync.changes import change_line
from app.sync.devices import find_device, self_device
from app.sync.restricted import purge, routed_scope
from app.sync.scope import scope_for

_PENDING = "districts_change:"
DONE_KEY = "sync.districts_done"
_CHUNK = 500


def _load(session: Session, device_id: str) -> dict[str, Any] | None:
    value = session.scalar(select(Setting.value).where(Setting.key == _PENDING + device_id))
    if not value:
        return None
    try:
        pending = json.loads(value)
    except ValueError:
        return None
    return pending if isinstance(pending, dict) else None


def change_districts(db: Database, device: str, districts: list[str]) -> dict[str, Any]:
    """Centre: the laptop `device` serves `districts` (names or ids) from now on."""
    with db.session() as session:
        if self_device(session).kind != "centre":
            raise UsageError(tr("only the centre changes a laptop's districts"))
        laptop = find_device(session, device)
        if laptop.kind != "field" or laptop.revoked_at is not None:
            raise UsageError(tr("«{name}» is not an active laptop", name=laptop.name))
        ids: list[str] = []
        for name in districts:
            found = session.scalar(
                select(District.id).where(
                    District.deleted.is_(False), (District.name == name) | (District.id == name)
                )
            )
            if found is None:
                raise UsageError(tr("no district named «{name}»", name=name))
            if found not in ids:
                ids.append(found)
        old = set(laptop.districts or [])
        if set(ids) != old:
            pending = _load(session, laptop.id) or {"added": [], "previous": []}
            previous = set(pending["previous"]) | old
            added = (set(pending["added"]) | (set(ids) - old)) & set(ids)
            document = {
                "token": str(uuid.uuid4()),
                "added": sorted(added),
                "previous": sorted(previous),
            }
            session.merge(Setting(key=_PENDING + laptop.id, value=json.dumps(document)))
            laptop.districts = ids
        names = dict(session.execute(select(District.id, District.name)).all())
        return {"device": laptop.name, "districts": sorted(names.get(i, i) for i in ids)}


def trusted_districts(session: Session, sender: Device) -> frozenset[str]:
    """Centre: the districts a laptop's changes may touch — its old ones too, while a change
    of them is pending (work done before the change must still apply)."""
    pending = _load(session, sender.id)
    old = pending["previous"] if pending else []
    return frozenset([*(sender.districts or []), *old])


def centre_extra(session: Session, target: Device) -> tuple[dict[str, Any], list[Any]]:
    """Centre: what a bundle to the laptop says of its districts, and the refill lines."""
    extra: dict[str, Any] = {"districts": list(target.districts or [])}
    pending = _load(session, target.id)
    if pending is None:
        return extra, []
    extra["districts_token"] = pending["token"]
    if not pending["added"]:
        return extra, []
    extra["refill"] = True
    return extra, list(_refill_lines(session, target, pending["added"]))


def widened_ranges(
    ranges: dict[str, list[int]], refill: list[dict[str, Any]]
) -> dict[str, list[int]]:
    """The bundle's per-origin ranges stretched over the refill lines (a bundle carries no
    change outside its ranges)."""
    widened = {origin: list(pair) for origin, pair in ranges.items()}
    for line in refill:
        origin, seq = line["o"], line["s"]
        pair = widened.setdefault(origin, [seq, seq])
        pair[0], pair[1] = min(pair[0], seq), max(pair[1], seq)
    return widened


def _refill_lines(session: Session, target: Device, added: list[str]) -> Iterator[Any]:
    scope = routed_scope(session, scope_for(session, added), target.id)
    rows: list[Any] = []
    for entity, ids in scope.ids.items():
        wanted = sorted(i for i in ids if (entity, i) in scope)
        for start in range(0, len(wanted), _CHUNK):
            query = select(Change.__table__).where(
                Change.entity == entity, Change.record_id.in_(wanted[start : start + _CHUNK])
            )
            rows.extend(session.execute(query).mappings())
    rows.sort(key=lambda r: (r["hlc"], r["origin"], r["seq"]))
    for row in rows:
        yield scope.line(change_line(row))


def take_done(session: Session, sender: Device, token: Any) -> None:
    """Centre: the laptop has taken the change named by `token` whole; stop refilling."""
    pending = _load(session, sender.id)
    if pending is not None and isinstance(token, str) and token == pending["token"]:
        session.execute(delete(Setting).where(Setting.key == _PENDING + sender.id))


def laptop_extra(session: Session) -> dict[str, Any]:
    """Laptop: the token of the last change of its districts taken whole, for the centre."""
    token = session.scalar(select(Setting.value).where(Setting.key == DONE_KEY))
    return {"districts_done": token} if token else {}


def apply_districts(session: Session, extra: dict[str, Any], acked: int) -> None:
    """Laptop: take the districts the centre's bundle names; erase what lies outside them
    once its local changes are acknowledged (`acked`); note the token when nothing is left."""
    ids = extra.get("districts")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return
    me = self_device(session)
    token = extra.get("districts_token")
    if list(me.districts or []) == ids and not token:
        return  # nothing changed, nothing pending
    me.districts = ids
    complete = purge_outside(session, ids, me.id, acked)
    if complete and isinstance(token, str):
        session.merge(Setting(key=DONE_KEY, value=token))


def purge_outside(session: Session, districts: list[str], own_device: str, acked: int) -> bool:
    """Erase the families and groups outside the scope of `districts` (with what hangs on
    them and their change log) whose local changes are all acknowledged; whether none is
    left outside."""
    scope = scope_for(session, districts)
    families = set(session.scalars(select(Family.id))) - scope.ids["family"]
    groups = set(session.scalars(select(SupportGroup.id))) - scope.ids["group"]
    complete = True
    for family_id in sorted(families):
        try:
            with session.begin_nested():
                erased = purge(session, [family_id], own_device, acked)
        except SQLAlchemyError:
            erased = []  # still named by a record the laptop keeps
        complete = complete and bool(erased)
    for group_id in sorted(groups):
        complete = _purge_group(session, group_id, own_device, acked) and complete
    return complete


def _purge_group(session: Session, group_id: str, own_device: str, acked: int) -> bool:
    sessions = list(
        session.scalars(select(GroupSession.id).where(GroupSession.group_id == group_id))
    )
    participants = list(
        session.scalars(select(Participant.id).where(Participant.group_id == group_id))
    )
    marks = list(
        session.scalars(
            select(Attendance.id).where(
                Attendance.session_id.in_(sessions) | Attendance.participant_id.in_(participants)
            )
        )
    )
    ids = sorted({group_id, *sessions, *participants, *marks})
    if _unsent(session, ids, own_device, acked):
        return False
    try:
        with session.begin_nested():
            for model, chosen in (
                (Attendance, marks),
                (Participant, participants),
                (GroupSession, sessions),
                (SupportGroup, [group_id]),
            ):
                _delete_ids(session, model, chosen)
            _delete_ids(session, Change, ids, Change.record_id)
            _delete_ids(session, Conflict, ids, Conflict.record_id)
    except SQLAlchemyError:
        return False
    return True


def _unsent(session: Session, ids: list[str], own_device: str, acked: int) -> bool:
    for start in range(0, len(ids), _CHUNK):
        found = session.scalar(
            select(Change.seq)
            .where(
                Change.origin == own_device,
                Change.seq > acked,
                Change.record_id.in_(ids[start : start + _CHUNK]),
            )
            .limit(1)
        )
        if found is not None:
            return True
    return False


def _delete_ids(session: Session, model: Any, ids: Iterable[str], column: Any = None) -> None:
    chosen = sorted(ids)
    column = column if column is not None else model.id
    for start in range(0, len(chosen), _CHUNK):
        session.execute(delete(model).where(column.in_(chosen[start : start + _CHUNK])))
