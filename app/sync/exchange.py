"""Exporting a bundle for a peer and importing one: the sync round trip of a replica."""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import __version__
from app.db.actors import actor_devices, current_actor, new_epoch, own_actors, register
from app.db.codemoves import MOVED_BY_REVISION, move_line
from app.db.database import Database
from app.db.migrate import head_revision, known_revisions, predates
from app.db.models import Change, Device, Setting
from app.db.registry import SYNCED, TYPES
from app.db.writer import versions_text
from app.errors import UsageError
from app.i18n import tr
from app.services import audit
from app.services.accounts import apply_disabled, disabled_logins
from app.sync.bundle import DEFAULT_LIMITS, BundleHeader, Limits, open_bundle, write_bundle
from app.sync.clock import MAX_DRIFT_MS, horizon, wall_millis
from app.sync.devices import (
    apply_revocations,
    find_device,
    now_text,
    own_keys,
    public_keys,
    revoked_ids,
    self_device,
    sender_lookup,
    the_centre,
)
from app.sync.errors import BundleError, Reason
from app.sync.merge import Merger, MergeResult, Trust, change_line
from app.sync.restricted import RoutedScope, purge, purge_list, routed_scope
from app.sync.scope import Scope, scope_for
from app.sync.tables import Drop, ImportedBundle
from app.sync.watermarks import known_vector, own_seq, peer_acks, raise_known, record_acks

APPLIED = "applied"
ALREADY_APPLIED = "already-applied"
REJECTED = "rejected"


@dataclass(frozen=True)
class ExportResult:
    """A bundle written: its header and how many changes it carries."""

    header: BundleHeader
    changes: int


@dataclass(frozen=True)
class ImportResult:
    """The outcome of one bundle: applied, already applied, or rejected with the reason."""

    file: str
    status: str
    changes: int = 0
    conflicts: int = 0
    error: str | None = None
    reason: str | None = None
    held: int = 0
    refused: int = 0

    def to_json(self) -> dict[str, Any]:
        """The per-bundle object of `sync import --json` (CONTRACT.md)."""
        return {
            "file": self.file,
            "status": self.status,
            "changes": self.changes,
            "conflicts": self.conflicts,
            "error": self.error,
        }


def outgoing_changes(
    session: Session,
    *,
    known: Mapping[str, int],
    acks: Mapping[str, int],
    origins: Collection[str] | None,
    scope: Scope | None,
) -> tuple[dict[str, list[int]], Iterator[dict[str, Any]]]:
    """The ranges a bundle covers and its change lines, oldest first (causal order).

    Per origin (of `origins`, when given): everything above what the peer acknowledged, up to
    what this replica holds. A peer's own changes go back to it only when its acknowledgement
    says it lacks them (it was restored from a backup).
    """
    ranges = {
        origin: [acks.get(origin, 0) + 1, top]
        for origin, top in known.items()
        if (origins is None or origin in origins) and top > acks.get(origin, 0)
    }

    def lines() -> Iterator[dict[str, Any]]:
        if not ranges:
            return
        wanted = or_(
            *(
                and_(Change.origin == origin, Change.seq >= first, Change.seq <= last)
                for origin, (first, last) in ranges.items()
            )
        )
        query = (
            select(Change.__table__)
            .where(wanted)
            .order_by(Change.hlc, Change.origin, Change.seq)
            .execution_options(yield_per=2000)
        )
        rewrite = getattr(scope, "line", None)  # restricted routing (app/sync/restricted.py)
        for row in session.execute(query).mappings():
            if scope is None or (row["entity"], row["record_id"]) in scope:
                yield rewrite(change_line(row)) if rewrite else change_line(row)

    return ranges, lines()


def export_bundle(
    db: Database, out: str | os.PathLike[str], peer: str | None = None
) -> ExportResult:
    """Write a bundle of what `peer` has not acknowledged (a laptop: for its centre).

    Nothing in the database changes: acknowledgements come only from the peer's bundles, so
    a bundle lost on the way is healed by the next one.
    """
    with db.session() as session:
        me = self_device(session)
        target = find_device(session, peer) if peer else _default_peer(session, me)
        if target.is_self or target.revoked_at is not None:
            raise UsageError(tr("cannot send a bundle to «{name}»", name=target.name))
        scope = None
        if me.kind == "centre" and target.kind == "field":
            scope = routed_scope(session, scope_for(session, target.districts or []), target.id)
        known = known_vector(session, me.id)
        mine = own_actors(session, me.id)
        ranges, lines = outgoing_changes(
            session,
            known=known,
            acks=peer_acks(session, target.id),
            # A laptop sends only its own changes: everything else came from the centre.
            origins=mine if me.kind == "field" else None,
            scope=scope,
        )
        extra: dict[str, Any] = {"actors": mine, "ack_stamps": ack_stamps(session, target, known)}
        if me.kind == "centre":
            extra.update(centre_notes(session, target, scope))
        if isinstance(scope, RoutedScope):
            extra["purge"] = purge_list(session, scope, target.id)
            extra["disabled"] = disabled_logins(session, target.id)
        extra["audit_ack"] = audit.acknowledgements(session, target.id)
        events = audit.outgoing(session, target.id) if me.kind == "field" else []
        lines = itertools.chain(lines, events)
        header = write_bundle(
            out,
            sender=me.id,
            sender_keys=own_keys(me),
            recipient=target.id,
            recipients={target.id: public_keys(target)},
            schema=head_revision(),
            app_version=__version__,
            lines=lines,
            ranges=ranges,
            ack=known,
            counts={"audit": len(events)},
            extra=extra,
        )
    return ExportResult(header, header.counts["lines"] - len(events))


def _default_peer(session: Session, me: Device) -> Device:
    if me.kind == "centre":
        raise UsageError(tr("the centre must name the device: --for DEVICE"))
    return the_centre(session)


def import_bundle(
    db: Database, path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS
) -> ImportResult:
    """Verify and merge one bundle in one transaction; a rejected one changes nothing."""
    name = str(path)
    try:
        with db.session() as session:
            me = self_device(session)
            bundle = open_bundle(
                path,
                device_id=me.id,
                keys=own_keys(me),
                sender_keys=sender_lookup(session),
                limits=limits,
            )
            header = bundle.header
            if header.schema not in known_revisions():
                raise BundleError(
                    Reason.NEWER_SCHEMA, app=header.app_version, revision=header.schema
                )
            if session.get(ImportedBundle, header.bundle_id) is not None:
                return ImportResult(name, ALREADY_APPLIED)
            sender = session.get(Device, header.sender)
            trust = trust_for(session, me, sender, header)
            notice_rollback(session, me, header.sender, header)
            known = known_vector(session, me.id)
            merger = Merger(session, known, now_text(), trust)
            events: list[dict[str, Any]] = []
            lines = bundle.lines()
            if predates(header.schema, MOVED_BY_REVISION):  # made before the codes moved
                lines = map(move_line, lines)
            try:
                result = merger.merge(audit.split(lines, events))
            except _CONTENT_ERRORS as exc:  # no bundle ever ends in a traceback
                raise BundleError(Reason.MALFORMED, detail="content") from exc
            raise_known(session, me.id, header.ranges, known)
            record_acks(session, header.sender, header.ack)
            audit.take(session, header.sender, events)
            audit.take_acknowledgement(session, header.sender, header.extra.get("audit_ack"))
            if trust.from_field:
                keep_refusals(session, sender, result)
            elif sender is not None and sender.kind == "centre":
                apply_revocations(session, header.extra.get("revoked", []))
                take_centre_notes(session, me, header)
                purge(session, header.extra.get("purge") or [], me.id, header.ack.get(me.id, 0))
                apply_disabled(session, header.extra.get("disabled"))
            session.add(
                ImportedBundle(
                    bundle_id=header.bundle_id,
                    sender=header.sender,
                    created=header.created,
                    imported_at=now_text(),
                    changes=result.changes,
                    conflicts=result.conflicts,
                )
            )
    except BundleError as error:
        return ImportResult(name, REJECTED, error=error.message, reason=str(error.reason))
    return ImportResult(
        name,
        APPLIED,
        result.changes,
        result.conflicts,
        held=result.held,
        refused=result.refused,
    )


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_CONTENT_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError, SQLAlchemyError)
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
        districts=frozenset(sender.districts or []),
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
        table = TYPES[entity].table
        with session.begin_nested():
            try:
                session.execute(delete(table).where(table.c.id == record_id))
            except SQLAlchemyError:
                pass  # still named by a record this laptop may keep: leave it
    held = header.extra.get("clock_held")
    if isinstance(held, int) and held > 0:
        session.merge(Setting(key=CLOCK_WARNING_KEY, value=str(held)))
    else:
        session.execute(delete(Setting).where(Setting.key == CLOCK_WARNING_KEY))
    del me


def clock_warning(db: Database) -> str | None:
    """A warning for the user when this computer's date looks wrong: the centre held its
    changes as dated ahead, or it has seen changes dated more than a day after its clock."""
    with db.session() as session:
        held = session.scalar(select(Setting.value).where(Setting.key == CLOCK_WARNING_KEY))
        latest = session.scalar(select(func.max(Change.hlc)))
    if held:
        return tr(
            "the centre held {count} changes of this computer for review because they were "
            "dated more than a day ahead: check this computer's date and time",
            count=int(held),
        )
    if latest and latest > horizon(wall_millis() + 2 * MAX_DRIFT_MS):
        return tr("this computer's clock is behind the centre's: check its date and time")
    return None
