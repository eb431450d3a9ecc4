"""Per-field last-writer-wins with concurrent edits kept as conflicts.

Each change names, per field, the version it overwrote (its base). Two versions are
sequential when one is on the other's base chain (its author had seen the other); otherwise
they were concurrent and the loser is written to the conflict log with both values, devices
and versions. A delete is the `deleted` field: its base map holds every version its author
saw, so an edit it had not seen is a conflict.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Change
from app.sync.changes import IncomingChange, version_device, version_key

_CONFLICT_NAMESPACE = uuid.UUID("0c6f4a8e-9b7d-4a51-8f39-5e2d1c7b3a90")


class FieldMerge:
    """One change applied to one record's row, field by field (a mixin of `Merger`)."""

    session: Session
    now: str
    _bases: dict[tuple[str, str], dict[str, str] | None]
    _batch_edits: defaultdict[str, list[IncomingChange]]  # this batch's, not logged yet

    def _apply(self, change: IncomingChange, row: dict[str, Any]) -> list[dict[str, Any]]:
        versions: dict[str, str] = row["_versions"]
        incoming = change.version
        record = change.record_id
        self._bases[(record, incoming)] = change.bases
        self._batch_edits[record].append(change)
        conflicts: list[dict[str, Any]] = []
        was_deleted = row["deleted"]
        delete_version = versions.get("deleted")
        if versions:
            conflicts += self._apply_fields(change, row)
        else:  # nothing held of this record yet: every field is taken as sent
            row.update(change.data)
            versions.update(dict.fromkeys(change.data, incoming))
        if change.data.get("deleted") is True and row["deleted"] and not was_deleted:
            conflicts.extend(self._edits_unseen_by_delete(change, row))
        elif was_deleted and row["deleted"] and delete_version and "deleted" not in change.data:
            conflicts.extend(self._edit_against_delete(change, row, delete_version))
        return conflicts

    def _apply_fields(self, change: IncomingChange, row: dict[str, Any]) -> list[dict[str, Any]]:
        """Each field of a record held already: the later version wins, and a concurrent
        edit that lost is kept as a conflict."""
        versions: dict[str, str] = row["_versions"]
        incoming = change.version
        record = change.record_id
        conflicts: list[dict[str, Any]] = []
        for name, value in change.data.items():
            current = versions.get(name)
            if current == incoming:
                continue
            if current is None:
                row[name] = value
                versions[name] = incoming
                continue
            wins = version_key(incoming) > version_key(current)
            if wins:
                concurrent = not self._descends(record, name, change.bases.get(name), current)
            else:
                concurrent = not self._descends(record, name, current, incoming)
            if concurrent and row[name] != value:
                pair = ((value, incoming), (row[name], current))
                (won, won_v), (lost, lost_v) = pair if wins else pair[::-1]
                conflicts.append(self._conflict(change, name, won, won_v, lost, lost_v))
            if wins:
                row[name] = value
                versions[name] = incoming
        return conflicts

    def _edits_unseen_by_delete(
        self, delete: IncomingChange, row: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """A delete arriving over edits its author had not seen: one conflict per such edit."""
        unseen: set[str] = set()
        for name, versions in self._edit_tips(delete.record_id, row).items():
            for version in versions - {delete.version}:
                if not self._descends(delete.record_id, name, delete.bases.get(name), version):
                    unseen.add(version)
        return [
            self._conflict(delete, "deleted", True, delete.version, False, version)
            for version in sorted(unseen)
        ]

    def _edit_against_delete(
        self, edit: IncomingChange, row: dict[str, Any], delete_version: str
    ) -> list[dict[str, Any]]:
        """An edit arriving for a deleted record: a conflict unless the delete had seen it."""
        delete_bases = self._bases_of(edit.record_id, delete_version) or {}
        for name in edit.data:
            if not self._descends(edit.record_id, name, delete_bases.get(name), edit.version):
                return [self._conflict(edit, "deleted", True, delete_version, False, edit.version)]
        return []

    def _edit_tips(self, record: str, row: dict[str, Any]) -> dict[str, set[str]]:
        """Per field but `deleted`, the versions of a record's edits that no later edit of
        that field had seen: the row's own and every concurrent one, an equal value's too
        (two laptops writing the same surname: the row keeps one version, the log both)."""
        query = select(Change.origin, Change.hlc, Change.data, Change.bases)
        history = [
            (f"{hlc}/{origin}", json.loads(data), json.loads(bases))
            for origin, hlc, data, bases in self.session.execute(
                query.where(Change.record_id == record)
            )
        ]
        history += [(c.version, c.data, c.bases) for c in self._batch_edits.get(record, ())]
        written: defaultdict[str, set[str]] = defaultdict(set)
        seen: defaultdict[str, set[str]] = defaultdict(set)
        for version, data, bases in history:
            for name in data:
                written[name].add(version)
            for name, base in bases.items():
                seen[name].add(base)
        for name, version in row["_versions"].items():
            written[name].add(version)
        written.pop("deleted", None)
        return {name: versions - seen[name] for name, versions in written.items()}

    def _descends(self, record: str, name: str, start: str | None, target: str) -> bool:
        """Whether `target` is `start` or on its base chain for field `name` (was seen)."""
        version = start
        goal = version_key(target)
        newer = None  # the key of the version whose base this one is
        while version is not None:
            if version == target:
                return True
            key = version_key(version)
            if key < goal:
                return False  # a chain only goes back in time
            if newer is not None and key >= newer:
                return False  # a base not older than its version (forged or broken): no end
            newer = key
            bases = self._bases_of(record, version)
            version = None if bases is None else bases.get(name)
        return False

    def _bases_of(self, record: str, version: str) -> dict[str, str] | None:
        key = (record, version)
        if key not in self._bases:
            hlc, device = version_key(version)
            text = self.session.scalar(
                select(Change.bases).where(
                    Change.record_id == record, Change.origin == device, Change.hlc == hlc
                )
            )
            self._bases[key] = None if text is None else json.loads(text)
        return self._bases[key]

    def _conflict(
        self,
        change: IncomingChange,
        name: str,
        winner: Any,
        winner_version: str,
        loser: Any,
        loser_version: str,
    ) -> dict[str, Any]:
        key = (change.entity.name, change.record_id)
        return self._conflict_on(key, name, winner, winner_version, loser, loser_version)

    def _conflict_on(
        self,
        key: tuple[str, str],
        name: str,
        winner: Any,
        winner_version: str,
        loser: Any,
        loser_version: str,
    ) -> dict[str, Any]:
        entity, record_id = key
        ident = f"{record_id}|{name}|{winner_version}|{loser_version}"
        return {
            "id": str(uuid.uuid5(_CONFLICT_NAMESPACE, ident)),
            "entity": entity,
            "record_id": record_id,
            "field": name,
            "winner": json.dumps(winner, ensure_ascii=False, sort_keys=True),
            "loser": json.dumps(loser, ensure_ascii=False, sort_keys=True),
            "winner_version": winner_version,
            "loser_version": loser_version,
            "winner_device": version_device(winner_version),
            "loser_device": version_device(loser_version),
            "status": "open",
            "detected_at": self.now,
            "resolved_at": None,
            "resolved_by": None,
        }
