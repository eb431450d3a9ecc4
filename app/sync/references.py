"""No live record may name a deleted or missing one: what the merge does about references
(docs/decisions/035-delete-and-new-child.md).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.registry import DELETE_RULES, TYPES, FieldSpec, referrers
from app.i18n import tr
from app.sync import redirects
from app.sync.changes import IncomingChange, chunks, invalid


class ReferenceRules:
    """Cascades, detaches and revivals after a batch (a mixin of `Merger`)."""

    session: Session
    trust: Any
    _rows: dict[tuple[str, str], dict[str, Any]]
    _redirects: dict[str, str] | None

    def _keep_references(
        self, applied: list[IncomingChange], new_keys: set[Any]
    ) -> list[dict[str, Any]]:
        """No live record may name a deleted or missing one. A reference to a record that
        never existed rejects a laptop's bundle; a live record left naming a deleted one (a
        visit added while its family was deleted elsewhere) is deleted or detached as a local
        delete would, and the conflict kept (docs/decisions/034-delete-and-new-child.md)."""
        conflicts: list[dict[str, Any]] = []
        touched = {(c.entity.name, c.record_id): c for c in applied}
        pending = [k for k in touched if not self._rows[k]["deleted"]]
        deleted = [k for k in touched if self._rows[k]["deleted"]]
        for _ in range(8):  # cascades are at most a few levels deep
            found: list[tuple[tuple[str, str], str, str, str]] = []
            found += self._dead_targets(pending, touched, new_keys)
            found += self._live_referrers(deleted)
            if not found:
                break
            pending, deleted = [], []
            for key, field_name, parent_version, rule in sorted(set(found)):
                row = self._rows[key]
                if rule == "revive":
                    # A record others may not lose (a settlement, a group) comes back.
                    if row["deleted"]:
                        bases = {"deleted": row["_versions"].get("deleted", "")}
                        self._local_write(TYPES[key[0]], row, {"deleted": False}, bases)
                        version = row["_versions"]["deleted"]
                        entry = self._conflict_on(
                            key, "deleted", False, version, True, parent_version
                        )
                        conflicts.append(entry)
                        pending.append(key)
                    continue
                if row["deleted"] or row.get(field_name) is None:
                    continue
                if rule == "cascade":
                    # Every edit the record's last writers made is kept, not only the newest.
                    tips = self._edit_tips(key[1], row).values()
                    losers = set().union(*tips) or {max(row["_versions"].values(), default="")}
                    self._local_write(TYPES[key[0]], row, {"deleted": True}, row["_versions"])
                    deleted.append(key)
                else:
                    losers = {max(row["_versions"].values(), default="")}
                    self._local_write(TYPES[key[0]], row, {field_name: None}, row["_versions"])
                    pending.append(key)
                for loser in sorted(losers):
                    entry = self._conflict_on(key, "deleted", True, parent_version, False, loser)
                    conflicts.append(entry)
        return conflicts

    def _target_state(self, type_name: str, ids: set[str]) -> dict[str, tuple[bool, str]]:
        """Per id: (deleted, the version of its `deleted` field), for the ids that exist."""
        states: dict[str, tuple[bool, str]] = {}
        for record_id in list(ids):
            row = self._rows.get((type_name, record_id))
            if row is not None:
                states[record_id] = (row["deleted"], row["_versions"].get("deleted", ""))
                ids.discard(record_id)
        table = TYPES[type_name].table
        for chunk in chunks(sorted(ids)):
            query = select(table.c.id, table.c.deleted, table.c.versions).where(
                table.c.id.in_(chunk)
            )
            for record_id, is_deleted, versions in self.session.execute(query):
                version = json.loads(versions or "{}").get("deleted", "") if is_deleted else ""
                states[record_id] = (bool(is_deleted), version)
        return states

    def _dead_targets(
        self, keys: list[tuple[str, str]], touched: Mapping[Any, IncomingChange], new_keys: Any
    ) -> list[tuple[tuple[str, str], str, str, str]]:
        rows = self._rows
        unsure: list[tuple[str, str, FieldSpec, str]] = []  # targets not live in this batch
        wanted: dict[str, set[str]] = defaultdict(set)
        for name, record_id in keys:
            row = rows[(name, record_id)]
            for spec in TYPES[name].references:
                target = row[spec.name]
                if target is None:
                    continue
                held = rows.get((spec.to, target))
                if held is not None and not held["deleted"]:
                    continue  # the common case: the parent came in the same batch
                unsure.append((name, record_id, spec, target))
                wanted[spec.to or ""].add(target)
        if not unsure:
            return []
        states = {t: self._target_state(t, set(ids)) for t, ids in wanted.items()}
        found = []
        for name, record_id, spec, target in unsure:
            state = states[spec.to or ""].get(target)
            if state is None:
                change = touched.get((name, record_id))
                if self.trust.from_field and change is not None and spec.name in change.data:
                    raise invalid(change, spec.name, tr("refers to a record that does not exist"))
                continue
            if state[0] and self._merged_away(target):
                continue  # a merged duplicate: the reference moves to the kept record (settle)
            if state[0]:
                rule = DELETE_RULES.get((name, spec.name), "restrict")
                if rule == "restrict":
                    parent = (spec.to or "", target)
                    if parent not in rows:
                        rows.update(self._load_ids(parent[0], {target}))  # type: ignore[arg-type]
                    found.append((parent, "deleted", state[1], "revive"))
                else:
                    found.append(((name, record_id), spec.name, state[1], rule))
        return found

    def _merged_away(self, record_id: str) -> bool:
        """Whether a tombstone is a duplicate merged into another record (a redirect, held
        here or arriving in this bundle), not a deletion: what names it is not cascaded."""
        held = self._rows.get(("redirect", record_id))
        if held is not None:
            return not held["deleted"]
        if self._redirects is None:
            self._redirects = redirects.redirect_map(self.session)
        return record_id in self._redirects

    def _live_referrers(
        self, keys: list[tuple[str, str]]
    ) -> list[tuple[tuple[str, str], str, str, str]]:
        by_type: dict[str, list[str]] = defaultdict(list)
        for name, record_id in keys:
            if not self._merged_away(record_id):  # a merged duplicate's referrers move on
                by_type[name].append(record_id)
        found = []
        for type_name, ids in by_type.items():
            for other, spec in referrers(type_name):
                table = other.table
                hits: set[str] = set()
                for chunk in chunks(sorted(ids)):
                    query = select(table.c.id).where(
                        table.c[spec.name].in_(chunk), table.c.deleted.is_(False)
                    )
                    hits.update(self.session.scalars(query))
                hits.update(
                    rid
                    for (name, rid), row in self._rows.items()
                    if name == other.name and not row["deleted"] and row.get(spec.name) in ids
                )
                if not hits:
                    continue
                missing = {rid for rid in hits if (other.name, rid) not in self._rows}
                if missing:
                    loaded = self._load_ids(other.name, missing)
                    for key, row in loaded.items():
                        if row is not None:
                            self._rows[key] = row
                for rid in sorted(hits):
                    row = self._rows.get((other.name, rid))
                    if row is None or row["deleted"]:
                        continue
                    parent = row.get(spec.name)
                    version = self._rows[(type_name, parent)]["_versions"].get("deleted", "")
                    rule = DELETE_RULES.get((other.name, spec.name), "restrict")
                    if rule == "detach" and other.name == "service" and not row.get("family_id"):
                        rule = "cascade"
                    if rule == "restrict":
                        found.append(((type_name, parent), "deleted", version, "revive"))
                    else:
                        found.append(((other.name, rid), spec.name, version, rule))
        return found
