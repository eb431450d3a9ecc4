"""Changes of erased records that arrive after the erasure (a laptop's work made before it
knew): they go the way of the record they belong to, and never block the rest of a bundle.

- a change of an erased record is dropped;
- a change of a record that hangs on an erased one (a visit of an erased family, a referral
  of an erased intake) is dropped, and that record is noted as erased too, so its later
  changes are dropped as well and every replica erases its copy;
- a participant or a service that names an erased person keeps the record without the
  reference, in the row and in the change-log line (the text the erasure itself writes).

The dropped changes still count as received (their sequence numbers are covered): a laptop
whose work was dropped is acknowledged and goes on (docs/decisions/067-erasure.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.replica import Erasure
from app.sync.changes import IncomingChange, cut_data_text

# A reference that may simply be cut: these records belong to a group or a family, not to
# the person they name.
_DETACHABLE = frozenset({("participant", "person_id"), ("service", "person_id")})


class ErasedRecords:
    """The erased ids of one replica, read once per merge; filters a batch of changes."""

    def __init__(self, session: Session, now: str) -> None:
        self.session = session
        self.now = now
        self._ids: set[str] | None = None

    def _erased(self) -> set[str]:
        if self._ids is None:
            self._ids = set(self.session.scalars(select(Erasure.id)))
        return self._ids

    def keep(self, changes: list[IncomingChange]) -> list[IncomingChange]:
        """The changes to merge (in their order), without or detached from erased records."""
        erased = self._erased()
        if not erased:
            return changes
        kept: list[IncomingChange] = []
        for change in changes:
            if change.record_id in erased:
                continue
            detach: list[str] = []
            drop = False
            for spec in change.entity.references:
                if change.data.get(spec.name) not in erased:
                    continue
                if (change.entity.name, spec.name) in _DETACHABLE:
                    detach.append(spec.name)
                else:
                    drop = True
            if drop:
                erased.add(change.record_id)
                self.session.add(
                    Erasure(id=change.record_id, entity=change.entity.name, erased_at=self.now)
                )
                continue
            kept.append(_detached(change, detach) if detach else change)
        return kept


def _detached(change: IncomingChange, names: list[str]) -> IncomingChange:
    data: dict[str, Any] = {**change.data, **dict.fromkeys(names)}
    return change._replace(data=data, data_text=cut_data_text(data))
