"""The summary's period: its days, the optional district and the query pieces that depend on
them, and the readers of bulk rows (ISO dates, JSON code lists) the summary counts from."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    func,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session, aliased

from app.db.models import (
    District,
    Family,
    Person,
    ServiceRecord,
    Settlement,
)
from app.errors import UsageError
from app.i18n import tr
from app.services.permissions import SYSTEM, Actor, hidden_condition

NO_TARGET = "none"  # sessions of groups without a target category


# Rows read in bulk skip the column types' converters (their cost is most of the summary's
# time): dates come as ISO text on SQLite (date objects on PostgreSQL), code lists as JSON.
def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


_NONE: frozenset[str] = frozenset()


def _codes(text: str | None) -> frozenset[str]:
    return frozenset(json.loads(text)) if text and text != "[]" else _NONE


class _Period:
    """The period, the optional district and the query pieces that depend on them."""

    def __init__(
        self,
        session: Session,
        date_from: date,
        date_to: date,
        district: str | None,
        actor: Actor = SYSTEM,
    ):
        self.session = session
        # the families the account may not see: counted nowhere, nor what hangs on them
        self.hidden = hidden_condition(actor)
        self.date_from = date_from
        self.date_to = date_to
        self.district = district
        self.district_ids: list[str] | None = None
        if district is not None:
            self.district_ids = list(
                session.scalars(
                    select(District.id).where(
                        District.name == district, District.deleted.is_(False)
                    )
                )
            )
            if not self.district_ids:
                raise UsageError(tr("unknown district «{name}»", name=district))

    def within(self, column: Any) -> ColumnElement[bool]:
        return column.between(self.date_from, self.date_to)

    def visible(self, family_id: Any, person_id: Any) -> ColumnElement[bool]:
        """Whether a record naming a family and a person hangs on neither a hidden family nor
        a person of one (always true for an account that sees every family)."""
        if self.hidden is None:
            return true()
        families = select(Family.id).where(self.hidden)
        persons = select(Person.id).where(Person.family_id.in_(families))
        return and_(
            or_(family_id.is_(None), family_id.not_in(families)),
            or_(person_id.is_(None), person_id.not_in(persons)),
        )

    def live_families(self) -> Select:
        """Ids of live families, in the district when one is chosen."""
        query = select(Family.id).where(Family.deleted.is_(False))
        if self.hidden is not None:
            query = query.where(not_(self.hidden))
        if self.district_ids is not None:
            query = query.join(Settlement, Settlement.id == Family.settlement_id).where(
                Settlement.district_id.in_(self.district_ids)
            )
        return query

    def service_units(self) -> Select:
        """(code, family_id, person_id) of every live service in the period.

        ``family_id`` is the service's family, else its person's family; it is null for a
        person without a family, who then counts as a unit of their own.
        """
        person = aliased(Person)
        family_id = func.coalesce(ServiceRecord.family_id, person.family_id)
        return (
            select(
                ServiceRecord.service_code.label("code"),
                family_id.label("family_id"),
                case((family_id.is_(None), person.id), else_=None).label("person_id"),
            )
            .outerjoin(
                person, and_(person.id == ServiceRecord.person_id, person.deleted.is_(False))
            )
            .where(ServiceRecord.deleted.is_(False), self.within(ServiceRecord.date))
            .where(or_(ServiceRecord.family_id.is_not(None), person.id.is_not(None)))
        )

    def count(self, query: Select) -> int:
        """How many rows ``query`` returns."""
        return int(self.session.scalar(select(func.count()).select_from(query.subquery())) or 0)

    def dated_events(self, model: Any, dated: Any) -> int:
        """Live events dated inside the period: of families in scope, and (no district
        chosen) those without a family (a notification before any family record exists)."""
        of_families = model.family_id.in_(self.live_families())
        if self.district_ids is None:
            of_families = or_(of_families, model.family_id.is_(None))
        query = select(model.id).where(model.deleted.is_(False), self.within(dated), of_families)
        return self.count(query)


def _ordered(found: dict[str, Any], codes: list[str], empty: Any) -> dict[str, Any]:
    """Every known code in reference order (``empty`` when none), then unknown ones by code."""
    result = {code: found.pop(code, empty) for code in codes}
    result.update(sorted(found.items()))
    return result
