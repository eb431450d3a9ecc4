"""Notifications (повідомлення/звернення): numbers, the assessment deadline, what is overdue.

A notification may come before any family record exists (a person's name or just an address).
The needs assessment is due within 5 working days (Закон «Про соціальні послуги», ст. 20);
working days come from the `holidays` library's calendar of Ukraine, which also knows the
Saturdays worked in exchange for days off and that public holidays are working days while
martial law is in force (since 2022; docs/decisions/055).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import holidays
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.db.database import Database
from app.db.models import Assessment, Device, Family, Notification, Settlement

ASSESSMENT_WORKING_DAYS = 5


@lru_cache(maxsize=1)
def _calendar() -> holidays.HolidayBase:
    return holidays.country_holidays("UA")


def working_days_after(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``day`` in Ukraine."""
    return _calendar().get_nth_working_day(day, count)


def assessment_due(notified: dt.date) -> dt.date:
    """The last day for the needs assessment of a notification received on ``notified``."""
    return working_days_after(notified, ASSESSMENT_WORKING_DAYS)


def next_number(session: Session, day: dt.date) -> str:
    """A new notification number: «2025-0012» at the centre, «2025-0012-3F9A» on a laptop
    (the laptop's tag keeps numbers made offline on several laptops apart)."""
    me = session.scalar(select(Device).where(Device.is_self.is_(True)))
    tag = "" if me is None or me.kind == "centre" else "-" + me.id[:4].upper()
    prefix = f"{day.year}-"
    numbers = session.scalars(
        select(Notification.number).where(Notification.number.like(f"{prefix}%"))
    ).all()
    pattern = re.compile(rf"{day.year}-(\d+){re.escape(tag)}\Z")
    taken = [int(m.group(1)) for n in numbers if n and (m := pattern.match(n))]
    return number_text(day.year, max(taken, default=0) + 1, tag)


def number_text(year: int, serial: int, tag: str = "") -> str:
    """A notification number: «2025-0012», a laptop's with its tag «2025-0012-3F9A»."""
    return f"{year}-{serial:04d}{tag}"


@dataclass(frozen=True)
class PendingNotification:
    """A notification, whom it concerns, its assessment deadline and whether it is met."""

    id: str
    number: str
    date: dt.date
    family_id: str | None
    about: str  # the person's name, the address, or "" (the family's name is looked up)
    source: str
    due: dt.date
    assessed: bool
    overdue: bool


def notifications_list(db: Database, today: dt.date | None = None) -> list[PendingNotification]:
    """Every live notification, newest first, with its deadline. One is assessed when an
    assessment names it, or (for a family) an assessment of the family started on or after its
    date; it is overdue when not assessed and its due day has passed."""
    today = today or dt.date.today()
    linked = aliased(Assessment)
    of_family = aliased(Assessment)
    with db.session() as session:
        answered = or_(
            select(linked.id)
            .where(linked.notification_id == Notification.id, linked.deleted.is_(False))
            .exists(),
            select(of_family.id)
            .where(
                of_family.family_id == Notification.family_id,
                of_family.deleted.is_(False),
                func.coalesce(of_family.started, of_family.finished) >= Notification.date,
            )
            .exists(),
        )
        rows = session.execute(
            select(
                Notification.id,
                Notification.number,
                Notification.date,
                Notification.family_id,
                Notification.person_name,
                Notification.address,
                Settlement.name,
                Notification.source,
                answered,
            )
            .outerjoin(Settlement, Settlement.id == Notification.settlement_id)
            .outerjoin(Family, Family.id == Notification.family_id)
            .where(
                Notification.deleted.is_(False),
                or_(Notification.family_id.is_(None), and_(Family.deleted.is_(False))),
            )
        ).all()
    result = []
    for r in rows:
        due = assessment_due(r.date)
        place = ", ".join(p for p in (r[6], r.address) if p)
        about = " — ".join(p for p in (r.person_name, place) if p)
        assessed = bool(r[8])
        result.append(
            PendingNotification(
                id=r.id,
                number=r.number or "",
                date=r.date,
                family_id=r.family_id,
                about=about,
                source=r.source or "",
                due=due,
                assessed=assessed,
                overdue=not assessed and today > due,
            )
        )
    result.sort(key=lambda n: (n.date, n.number, n.id), reverse=True)
    return result
