"""Merged duplicates in sync: a dropped record's changes land on the record it was merged into.

A `redirect` (id = the dropped record's id, `target_id` = the kept one) is an ordinary synced
record. Every replica that holds it keeps the replica in line with three rules, so that all
of them print the same export whatever order the bundles came in (decision 101):

1. the dropped record is a tombstone;
2. every change held for the dropped record is applied to the kept one as well, through the
   same per-field last-writer-wins merge (replayed, not logged twice: the change log keeps
   each change as its origin wrote it) — concurrent values become conflicts as usual;
3. a reference to the dropped record (a person's `family_id`, a service's `person_id`, …)
   names the kept one.

`settle` applies the rules after a merge (for the records the merge touched, and for new
redirects) and after a local `duplicates merge`. Local edits resolve redirects before they
are written (`resolve_edit`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session

from app.db.models import Change, Redirect
from app.db.registry import TYPES, referrers

if TYPE_CHECKING:
    from app.sync.changes import IncomingChange
    from app.sync.merge import Merger

MERGEABLE = ("family", "person")


def redirect_map(session: Session) -> dict[str, str]:
    """Dropped id → the id it now lives on (chains followed: A→B, B→C gives A→C)."""
    direct = dict(
        session.execute(
            select(Redirect.id, Redirect.target_id).where(Redirect.deleted.is_(False))
        ).all()
    )
    resolved: dict[str, str] = {}
    for start in direct:
        seen = {start}
        target = direct[start]
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        resolved[start] = target
    return resolved


class Watch:
    """Notes which records a merge touches, as its lines stream past."""

    def __init__(self) -> None:
        self.touched: set[str] = set()
        self.new_redirects = False

    def observe(self, lines: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
        for line in lines:
            # (a dict checked first: isinstance against the Mapping ABC costs more)
            record = line.get("r") if type(line) is dict or isinstance(line, Mapping) else None
            if isinstance(record, str):
                self.touched.add(record)
                if line.get("e") == "redirect":
                    self.new_redirects = True
            yield line

    def settle(self, merger: Merger) -> int:
        """Apply the redirect rules to what the merge touched; returns conflicts found."""
        redirects = redirect_map(merger.session)
        if not redirects:
            return 0
        if self.new_redirects:  # a redirect arrived: every dropped record's history moves
            drops = set(redirects)
        else:
            drops = {d for d in self.touched if d in redirects}
        return settle(merger.session, drops, redirects, now=merger.now)


def settle(
    session: Session,
    drops: Iterable[str],
    redirects: Mapping[str, str] | None = None,
    *,
    now: str,
) -> int:
    """Replay the changes held for `drops` onto their kept records, tombstone the dropped
    records and point every reference at the kept ones; returns the conflicts found."""
    redirects = redirect_map(session) if redirects is None else redirects
    if not redirects:
        return 0
    conflicts = 0
    for drop in sorted(set(drops)):
        keep = redirects.get(drop)
        if keep is not None:
            conflicts += _replay(session, drop, keep, now)
    _tombstone_and_repoint(session, redirects)
    return conflicts


def _replay(session: Session, drop: str, keep: str, now: str) -> int:
    from app.sync.changes import IncomingChange

    rows = session.execute(
        select(Change.__table__)
        .where(Change.record_id == drop, Change.entity.in_(MERGEABLE))
        .order_by(Change.hlc, Change.origin, Change.seq)
    ).mappings()
    changes = []
    for row in rows:
        data = json.loads(row["data"])
        data.pop("deleted", None)  # the dropped record's tombstone is not the kept one's
        if not data:
            continue
        bases = json.loads(row["bases"] or "{}")
        changes.append(
            IncomingChange(
                row["origin"],
                row["seq"],
                row["hlc"],
                TYPES[row["entity"]],
                keep,
                row["data"],
                row["bases"],
                data,
                bases,
            )
        )
    if not changes:
        return 0
    replayer = _replayer(session, now)
    replayer._apply_batch(changes)
    return replayer.result.conflicts


def _replayer(session: Session, now: str) -> Merger:
    from app.sync.merge import Merger

    class Replayer(Merger):
        """The merge, for changes already in the log: nothing filtered, nothing logged."""

        def _unseen(self, batch: list[IncomingChange]) -> list[IncomingChange]:
            return list(batch)

        def _write(self, rows: Any, new_keys: Any, changes: Any, conflicts: Any) -> None:
            super()._write(rows, new_keys, [], conflicts)

    return Replayer(session, {}, now)


def _tombstone_and_repoint(session: Session, redirects: Mapping[str, str]) -> None:
    live = select(Redirect.id).where(Redirect.deleted.is_(False))
    for name in MERGEABLE:
        table = TYPES[name].table
        session.execute(
            update(table)
            .where(and_(table.c.id.in_(live.where(Redirect.entity == name)), ~table.c.deleted))
            .values(deleted=True)
        )
        for other, spec in referrers(name):
            column = other.table.c[spec.name]
            target = (
                select(Redirect.target_id)
                .where(Redirect.id == column, Redirect.deleted.is_(False))
                .scalar_subquery()
            )
            for _ in range(len(redirects)):  # each round follows one more link of a chain
                done = session.execute(
                    update(other.table)
                    .where(column.in_(live.where(Redirect.entity == name)))
                    .values({spec.name: target})
                    .execution_options(synchronize_session=False)
                )
                if not done.rowcount:
                    break


def resolve_fields(
    entity_name: str, fields: Mapping[str, Any], redirects: Mapping[str, str]
) -> dict[str, Any]:
    """A local edit's field values with references to dropped records pointed at the kept
    ones."""
    entity = TYPES[entity_name]
    out = dict(fields)
    for spec in entity.references:
        value = out.get(spec.name)
        if isinstance(value, str) and value in redirects:
            out[spec.name] = redirects[value]
    return out
