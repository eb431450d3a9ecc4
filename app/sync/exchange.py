"""Exporting a bundle for a peer and importing one: the sync round trip of a replica."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app import __version__
from app.db.codemoves import MOVED_BY_REVISION, move_line
from app.db.database import Database
from app.db.migrate import head_revision, known_revisions, predates
from app.db.models import Change, Device
from app.errors import UsageError
from app.i18n import tr
from app.sync.bundle import DEFAULT_LIMITS, BundleHeader, Limits, open_bundle, write_bundle
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
from app.sync.merge import Merger, change_line
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
    clamped: int = 0

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
    skip_origin: str | None,
    scope: Scope | None,
) -> tuple[dict[str, list[int]], Iterator[dict[str, Any]]]:
    """The ranges a bundle covers and its change lines, oldest first (causal order).

    Per origin: everything above what the peer acknowledged, up to what this replica holds;
    the peer's own changes are never sent back to it.
    """
    ranges = {
        origin: [acks.get(origin, 0) + 1, top]
        for origin, top in known.items()
        if origin != skip_origin and top > acks.get(origin, 0)
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
        for row in session.execute(query).mappings():
            if scope is None or (row["entity"], row["record_id"]) in scope:
                yield change_line(row)

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
            scope = scope_for(session, target.districts or [])
        known = known_vector(session, me.id)
        ranges, lines = outgoing_changes(
            session,
            known=known,
            acks=peer_acks(session, target.id),
            skip_origin=target.id,
            scope=scope,
        )
        extra = {"revoked": revoked_ids(session)} if me.kind == "centre" else {}
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
            extra=extra,
        )
    return ExportResult(header, header.counts["lines"])


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
            known = known_vector(session, me.id)
            merger = Merger(session, known, now_text())
            lines = bundle.lines()
            if predates(header.schema, MOVED_BY_REVISION):  # made before the codes moved
                lines = map(move_line, lines)
            result = merger.merge(lines)
            raise_known(session, me.id, header.ranges, known)
            record_acks(session, header.sender, header.ack)
            sender = session.get(Device, header.sender)
            if sender is not None and sender.kind == "centre":
                apply_revocations(session, header.extra.get("revoked", []))
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
    return ImportResult(name, APPLIED, result.changes, result.conflicts, clamped=result.clamped)
