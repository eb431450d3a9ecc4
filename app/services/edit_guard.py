"""The checks of one account's edits in a batch: role, restricted families, districts and the
family's `responsible` (the answers come from app/services/permissions.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.districts import Districts, Pending
from app.db.models import Account
from app.errors import NotPermitted, ValidationError
from app.i18n import tr
from app.i18n.catalog_uk import UK
from app.services.permissions import (
    RESTRICTED_LABEL,
    Actor,
    Hidden,
    hidden_for,
    in_districts,
)

REFERENCE_TYPES = frozenset({"district", "settlement", "ref_entry"})


class EditGuard:
    """The checks of one actor's edits in a batch (app.services.records.RecordBatch):

    - a viewer changes nothing; reference data is written by the admin only;
    - a record of a family the actor may not see cannot be touched, nor named;
    - a specialist's record lies inside its districts before and after the edit;
    - a new family's `responsible` defaults to the actor, and must name a known account.

    `pending(type, id)` is the batch's row of a record when it holds one (after earlier
    edits, else as stored): the districts of parents are read from it without a copy, the
    finder reads the rest from the database."""

    def __init__(self, session: Session, actor: Actor, pending: Pending) -> None:
        self.session = session
        self.actor = actor
        self.pending = pending
        self._hidden: Hidden | None = None
        self._accounts: set[str] | None = None
        self._finder: Districts | None = None

    @property
    def hidden(self) -> Hidden:
        if self._hidden is None:
            self._hidden = hidden_for(self.session, self.actor)
        return self._hidden

    def defaults(self, entity: Any, fields: dict[str, Any], is_new: bool) -> dict[str, Any]:
        """A new family without a responsible gets the acting account."""
        if (
            entity.name == "family"
            and is_new
            and not fields.get("responsible")
            and self.actor.login
        ):
            return {**fields, "responsible": self.actor.login}
        return fields

    def hidden_target(self, type_name: str, record_id: str | None) -> bool:
        """Whether a reference names a record the actor may not see."""
        if record_id is None or not self.hidden:
            return False
        if type_name == "family":
            return record_id in self.hidden.families
        if type_name == "person":
            return record_id in self.hidden.persons
        return False

    def unmask(
        self, entity: Any, before: dict[str, Any] | None, fields: dict[str, Any]
    ) -> dict[str, Any]:
        """`fields` without the values this actor's export shows in place of a restricted
        person it may not see (no reference; a participant «обмежений запис» without a phone):
        importing one's own export leaves them as stored instead of writing the mask."""
        if before is None or not self.hidden:
            return fields
        stored = before.get("person_id")
        if not stored or stored not in self.hidden.persons:
            return fields
        masks: dict[str, frozenset[Any]] = {"person_id": frozenset({None})}
        if entity.name == "participant":
            masks["name"] = frozenset({RESTRICTED_LABEL, UK.get(RESTRICTED_LABEL)})
            masks["phone"] = frozenset({None})
        return {k: v for k, v in fields.items() if not (k in masks and v in masks[k])}

    def _refuse(self) -> None:
        raise NotPermitted(
            tr(
                "the account «{login}» (role {role}) may not change this record",
                login=self.actor.login,
                role=tr(self.actor.role),
            )
        )

    def check(
        self,
        entity: Any,
        record_id: str,
        before: dict[str, Any] | None,
        after: dict[str, Any],
        changes: dict[str, Any],
    ) -> None:
        actor = self.actor
        if not actor.may_write:
            self._refuse()
        if entity.name in REFERENCE_TYPES and not actor.is_admin:
            self._refuse()
        if self.hidden and before is not None:
            if self.hidden.hides(entity.name, {"id": record_id, **before}):
                self._refuse()
        if entity.name == "family" and "responsible" in changes:
            login = changes["responsible"]
            if login is not None and login not in self._known_accounts():
                raise ValidationError(
                    "responsible", tr("no account with the login «{login}»", login=login)
                )
        if actor.districts is None:
            return
        places = [self._district(entity.name, after)]
        if before is not None:
            places.append(self._district(entity.name, before))
        if not in_districts(actor, places):
            raise NotPermitted(
                tr(
                    "the record lies outside the districts of the account «{login}»",
                    login=actor.login,
                )
            )

    def _known_accounts(self) -> set[str]:
        if self._accounts is None:
            self._accounts = set(self.session.scalars(select(Account.login)))
        return self._accounts

    def _district(self, type_name: str, record: dict[str, Any] | None) -> str | None:
        """A record's district (CONTRACT.md «A record's district», app/db/districts.py), with
        parents as this batch sees them; None when unknown (the reference check says so)."""
        if self._finder is None:
            self._finder = Districts(self.session, self.pending)
        return self._finder.of(type_name, record) or None
