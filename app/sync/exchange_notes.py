"""What a bundle carries beside the changes and how an import weighs its sender: the trust
given to a sender, acknowledgements, a sender's rollback noticed, refusals kept, the
centre's notes (revocations, purges, disabled accounts) and the clock warning."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db.actors import actor_devices, current_actor, new_epoch, own_actors, register
from app.db.clock import MAX_DRIFT_MS, horizon, wall_millis
from app.db.database import Database
from app.db.models import Change, Device, Setting
from app.db.registry import SYNCED, TYPES, referrers
from app.db.writer import versions_text
from app.i18n import tr
from app.sync import device_districts
from app.sync.bundle import BundleHeader
from app.sync.devices import (
    revoked_ids,
)
from app.sync.errors import BundleError, Reason
from app.sync.merge import MergeResult
from app.sync.scope import Scope
from app.sync.tables import Drop
from app.sync.trust import Trust
from app.sync.watermarks import own_seq, peer_acks

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


_HELD_KEY = "sync.clock_held."


CLOCK_WARNING_KEY = "sync.clock_warning"


def trust_for(session: Session, me: Device, sender: Device | None, header: BundleHeader) -> Trust:
    """What the bundle's signer may change here. A laptop's bundle names its actors (a new
    one after each restore); an actor already known as another device's is a forgery."""
    if sender is None:
        raise BundleError(Reason.UNKNOWN_DEVICE, device=header.sender)
    claimed = header.extra.get("actors", [])
    if isinstance(claimed, dict):  # a centre's bundle: every actor it knows, with its device
        for actor, device in claimed.items():
            if _is_id(actor) and _is_id(device) and session.get(Device, device) is not None:
                register(session, actor, device)
        claimed = []
    if not isinstance(claimed, list) or not all(_is_id(a) for a in claimed):
        raise BundleError(Reason.BAD_HEADER)
    from_field = me.kind == "centre" and sender.kind == "field"
    if not from_field:
        return Trust(sender=sender.id, me=me.id, ranges=header.ranges)
    for actor in claimed:
        if actor == me.id or not register(session, actor, sender.id):
            raise BundleError(Reason.FORGED_ORIGIN)
    return Trust(
        lines=int(header.counts.get("lines", 0)),
        sender=sender.id,
        from_field=True,
        actors=frozenset(own_actors(session, sender.id)),
        districts=device_districts.trusted_districts(session, sender),
        ranges=header.ranges,
        me=me.id,
    )


def ack_stamps(session: Session, peer: Device, known: Mapping[str, int]) -> dict[str, str]:
    """For the peer's own actors, the stamp of the last change acknowledged: a peer whose
    change at that number is stamped otherwise was rolled back (see `notice_rollback`)."""
    stamps = {}
    for actor in own_actors(session, peer.id):
        top = known.get(actor, 0)
        if top:
            stamp = session.scalar(
                select(Change.hlc).where(Change.origin == actor, Change.seq == top)
            )
            if stamp is not None:
                stamps[actor] = stamp
    return stamps


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and _UUID.match(value) is not None


def notice_rollback(session: Session, me: Device, sender: str, header: BundleHeader) -> None:
    """A peer acknowledging more of this replica's current actor than its log holds, or a
    change of it stamped otherwise than here, proves the database was rolled back behind
    `restore`'s back (copied over in place). Before anything else: a new epoch, and the
    changes written since the peer's last known acknowledgement move to it (same stamps and
    content), so no `(origin, seq)` names two changes and the peer's bundles bring back what
    the rollback lost."""
    actor = current_actor(session, me.id)
    top = header.ack.get(actor, 0)
    stamps = header.extra.get("ack_stamps", {})
    stamp = stamps.get(actor) if isinstance(stamps, dict) else None
    if top <= 0:
        return
    if top <= own_seq(session, actor):
        held = session.scalar(select(Change.hlc).where(Change.origin == actor, Change.seq == top))
        if stamp is None or held == stamp:
            return
    fresh = new_epoch(session, me.id)
    since = peer_acks(session, sender).get(actor, 0)
    moved = list(
        session.execute(
            select(Change.__table__)
            .where(Change.origin == actor, Change.seq > since)
            .order_by(Change.seq)
        ).mappings()
    )
    session.execute(delete(Change).where(Change.origin == actor, Change.seq > since))
    renamed: dict[tuple[str, str], dict[str, str]] = {}
    for seq, row in enumerate(moved, start=1):
        session.add(Change(**{**row, "origin": fresh, "seq": seq}))
        old, new = f"{row['hlc']}/{actor}", f"{row['hlc']}/{fresh}"
        renamed.setdefault((row["entity"], row["record_id"]), {})[old] = new
    for (entity, record_id), names in renamed.items():
        table = TYPES[entity].table
        text = session.scalar(select(table.c.versions).where(table.c.id == record_id))
        versions = {k: names.get(v, v) for k, v in json.loads(text or "{}").items()}
        session.execute(
            table.update().where(table.c.id == record_id).values(versions=versions_text(versions))
        )
    session.flush()


def keep_refusals(session: Session, sender: Device | None, result: MergeResult) -> None:
    """At the centre: remember what the laptop must drop, and whether its clock is wrong."""
    assert sender is not None
    for entity, record_id in sorted(result.drops):
        session.merge(Drop(peer=sender.id, entity=entity, record_id=record_id))
    key = _HELD_KEY + sender.id
    if result.held:
        session.merge(Setting(key=key, value=str(result.held)))
    elif result.changes:
        session.execute(delete(Setting).where(Setting.key == key))


def centre_notes(session: Session, target: Device, scope: Scope | None) -> dict[str, Any]:
    """What a centre's bundle tells a laptop besides changes: revoked devices, every known
    actor, the records it must drop, and whether its clock ran ahead."""
    notes: dict[str, Any] = {
        "revoked": revoked_ids(session),
        "actors": actor_devices(session),
    }
    drops = []
    for drop in session.scalars(select(Drop).where(Drop.peer == target.id)):
        if scope is not None and (drop.entity, drop.record_id) in scope and _live(session, drop):
            session.delete(drop)  # the laptop may hold it now: the changes carry the truth
        else:
            drops.append([drop.entity, drop.record_id])
    notes["drop"] = sorted(drops)
    held = session.scalar(select(Setting.value).where(Setting.key == _HELD_KEY + target.id))
    if held:
        notes["clock_held"] = int(held)
    return notes


def _live(session: Session, drop: Drop) -> bool:
    table = TYPES[drop.entity].table
    return session.scalar(select(table.c.deleted).where(table.c.id == drop.record_id)) is False


def take_centre_notes(session: Session, me: Device, header: BundleHeader) -> None:
    """At a laptop: drop the out-of-scope copies the centre refused (dependants first), and
    remember whether the centre held changes because this computer's clock ran ahead."""
    drops = header.extra.get("drop", [])
    if not isinstance(drops, list):
        raise BundleError(Reason.BAD_HEADER)
    order = {spec.name: n for n, spec in enumerate(SYNCED)}
    wanted = [
        (e, r) for e, r in (d for d in drops if isinstance(d, list) and len(d) == 2) if e in TYPES
    ]
    for entity, record_id in sorted(wanted, key=lambda d: -order[d[0]]):
        if _still_named(session, entity, record_id):
            # A record this laptop keeps names it (references are checked at commit, so the
            # delete itself would pass and the whole import fail): left to the purge, which
            # takes a family with what hangs on it once its work is acknowledged.
            continue
        table = TYPES[entity].table
        session.execute(delete(table).where(table.c.id == record_id))
    held = header.extra.get("clock_held")
    if isinstance(held, int) and held > 0:
        session.merge(Setting(key=CLOCK_WARNING_KEY, value=str(held)))
    else:
        session.execute(delete(Setting).where(Setting.key == CLOCK_WARNING_KEY))
    del me


def _still_named(session: Session, entity: str, record_id: str) -> bool:
    """Whether any row (a tombstone too) references this record."""
    for other, spec in referrers(entity):
        column = other.table.c[spec.name]
        if session.execute(select(column).where(column == record_id).limit(1)).first():
            return True
    return False


@dataclass(frozen=True)
class ClockState:
    """What this computer knows of its own clock: how many of its changes the centre held
    as dated ahead (its clock ran fast), and whether it holds changes dated more than two
    days after its clock (its clock is behind)."""

    held: int = 0
    behind: bool = False


def clock_state(db: Database) -> ClockState:
    with db.reading() as session:
        held = session.scalar(select(Setting.value).where(Setting.key == CLOCK_WARNING_KEY))
        latest = session.scalar(select(func.max(Change.hlc)))
    behind = bool(latest and latest > horizon(wall_millis() + 2 * MAX_DRIFT_MS))
    return ClockState(int(held) if held and held.isdigit() else 0, behind)


def clock_warning(db: Database) -> str | None:
    """A warning for the user when this computer's date looks wrong: the centre held its
    changes as dated ahead, or it has seen changes dated more than a day after its clock."""
    state = clock_state(db)
    if state.held:
        return tr(
            "the centre held {count} changes of this computer for review because they were "
            "dated more than a day ahead: check this computer's date and time",
            count=state.held,
        )
    if state.behind:
        return tr("this computer's clock is behind the centre's: check its date and time")
    return None
