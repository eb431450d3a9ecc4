"""Exporting a bundle for a peer and importing one: the sync round trip of a replica."""

from __future__ import annotations

import itertools
import os
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import __version__
from app.db.actors import own_actors
from app.db.bulk import bulk_cache, gc_paused
from app.db.clock import now_text
from app.db.codemoves import MOVED_BY_REVISION, move_line
from app.db.database import Database
from app.db.migrate import head_revision, known_revisions, predates
from app.db.models import Change, Device
from app.db.postgres import lock_for_writing
from app.errors import UsageError
from app.i18n import tr
from app.services import audit, erasure
from app.services.accounts import apply_disabled, disabled_logins
from app.sync import device_districts
from app.sync.bundle import BundleHeader, open_bundle, write_bundle
from app.sync.bundle_codec import DEFAULT_LIMITS, Limits
from app.sync.changes import change_line
from app.sync.devices import (
    apply_revocations,
    find_device,
    own_keys,
    public_keys,
    self_device,
    sender_lookup,
    the_centre,
)
from app.sync.errors import BundleError, Reason
from app.sync.exchange_notes import (
    ack_stamps,
    centre_notes,
    keep_refusals,
    notice_rollback,
    take_centre_notes,
    trust_for,
)
from app.sync.merge import Merger
from app.sync.restricted import RoutedScope, purge, purge_list, routed_scope
from app.sync.scope import Scope, scope_for
from app.sync.tables import ImportedBundle
from app.sync.watermarks import known_vector, peer_acks, raise_known, record_acks

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
            extra["erasures"] = erasure.erasure_list(session)
            notes, refill = device_districts.centre_extra(session, target)
            extra.update(notes)
            if refill:  # records of districts added, whole: first
                lines = itertools.chain(refill, lines)
                ranges = device_districts.widened_ranges(ranges, refill)
        elif me.kind == "field":
            extra.update(device_districts.laptop_extra(session))
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
    erased = 0
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
            lock_for_writing(session)  # the import log is read under the writers' lock
            if session.get(ImportedBundle, header.bundle_id) is not None:
                return ImportResult(name, ALREADY_APPLIED)
            sender = session.get(Device, header.sender)
            trust = trust_for(session, me, sender, header)
            notice_rollback(session, me, header.sender, header)
            known = known_vector(session, me.id)
            # A centre's refill (districts added to this laptop) carries changes below the
            # watermark that this laptop never received: only the change log filters them.
            refill = sender.kind == "centre" and header.extra.get("refill") is True
            merger = Merger(session, {} if refill else known, now_text(), trust)
            events: list[dict[str, Any]] = []
            lines = bundle.lines()
            if predates(header.schema, MOVED_BY_REVISION):  # made before the codes moved
                lines = map(move_line, lines)
            try:
                with gc_paused(), bulk_cache(session):
                    result = merger.merge(audit.split(lines, events))
            except _CONTENT_ERRORS as exc:  # no bundle ever ends in a traceback
                raise BundleError(Reason.MALFORMED, detail="content") from exc
            raise_known(session, me.id, header.ranges, known)
            record_acks(session, header.sender, header.ack)
            audit.take(session, header.sender, events)
            audit.take_acknowledgement(session, header.sender, header.extra.get("audit_ack"))
            if trust.from_field:
                keep_refusals(session, sender, result)
                device_districts.take_done(session, sender, header.extra.get("districts_done"))
            elif sender is not None and sender.kind == "centre":
                apply_revocations(session, header.extra.get("revoked", []))
                take_centre_notes(session, me, header)
                purge(session, header.extra.get("purge") or [], me.id, header.ack.get(me.id, 0))
                apply_disabled(session, header.extra.get("disabled"))
                device_districts.apply_districts(session, header.extra, header.ack.get(me.id, 0))
                erased += erasure.apply_erasures(session, header.extra.get("erasures"), now_text())
            erased += erasure.erase_again(session, now_text())  # what came back of an erased one
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
    if erased:
        erasure.scrub(db)
    return ImportResult(
        name,
        APPLIED,
        result.changes,
        result.conflicts,
        held=result.held,
        refused=result.refused,
    )


_CONTENT_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError, SQLAlchemyError)
