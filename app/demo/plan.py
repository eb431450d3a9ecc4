"""The demo's plan: families with members, a year of events and support groups, as
interchange records in reference order. Deterministic: a seeded random and a fixed `today`."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.db.models import MARKS, SESSION_FORMATS, ParentalCapacity
from app.demo.names import (
    CATEGORY_WEIGHTS,
    CLOSE_REASONS,
    COMMUNITY,
    DISTRICTS,
    FACTOR_WEIGHTS,
    FEMALE,
    GROUPS,
    MALE,
    PATRONYMICS,
    SERVICE_WEIGHTS,
    SKYI,
    SOURCES,
    SPECIALISTS,
    STREETS,
    SURNAMES,
    TOPICS,
    VISIT_PURPOSES,
    VISIT_RESULTS,
)
from app.services.notifications import number_text

# medium twice as often as high or low
CAPACITY_WEIGHTED = (
    ParentalCapacity.HIGH,
    ParentalCapacity.MEDIUM,
    ParentalCapacity.MEDIUM,
    ParentalCapacity.LOW,
)


@dataclass
class _Plan:
    """Records to write, in reference order, as interchange objects."""

    records: list[dict[str, Any]] = field(default_factory=list)

    def add(self, type_name: str, record_id: str, **fields: Any) -> str:
        values = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in fields.items()}
        self.records.append({"type": type_name, "id": record_id, **values})
        return record_id


class _Maker:
    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.plan = _Plan()

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def phone(self) -> str:
        operator = self.rng.choice(["050", "066", "067", "068", "073", "093", "096", "097"])
        return f"+38{operator}{self.rng.randrange(10**7):07d}"

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        if start >= end:
            return end
        return start + dt.timedelta(days=self.rng.randint(0, (end - start).days))

    def weighted(self, weights: dict[str, int], count: int) -> list[str]:
        codes, values = list(weights), list(weights.values())
        chosen: set[str] = set()
        while len(chosen) < count:
            chosen.add(self.rng.choices(codes, values)[0])
        return sorted(chosen)

    def person_name(self, sex: str, surname: str | None = None) -> tuple[str, str, str]:
        rng = self.rng
        if surname is None:
            surname = rng.choice(SURNAMES) if rng.random() > 0.1 else rng.choice(SKYI) + "ий"
        if surname.endswith("ий"):
            surname = surname[:-2] + ("а" if sex == "F" else "ий")
        elif surname.endswith("а") and sex == "M":
            surname = surname[:-1] + "ий"
        given = rng.choice(FEMALE if sex == "F" else MALE)
        male, female = rng.choice(PATRONYMICS)
        return surname, given, female if sex == "F" else male


def _family_surname(surname: str) -> str:
    return surname[:-1] + "ий" if surname.endswith("ська") else surname


def plan_demo(
    families: int = 300,
    *,
    seed: int = 20_260_301,
    today: dt.date | None = None,
    events: bool = True,
) -> list[dict[str, Any]]:
    """Interchange objects for a demo community; `events=False` leaves out services,
    visits, assessments and notifications (for very large benchmark data)."""
    m = _Maker(seed, today or dt.date.today())
    rng, plan, today = m.rng, m.plan, m.today
    district_ids: dict[str, str] = {}
    settlements: list[tuple[str, str]] = []
    for district, villages in DISTRICTS.items():
        district_ids[district] = plan.add("district", m.uid(), name=district, community=COMMUNITY)
        for village in villages:
            settlements.append(
                (
                    plan.add(
                        "settlement", m.uid(), name=village, district_id=district_ids[district]
                    ),
                    district,
                )
            )
    adults_by_district: dict[str, list[tuple[str, str]]] = {d: [] for d in DISTRICTS}
    family_ids: list[tuple[str, list[str]]] = []
    for _ in range(families):
        settlement_id, district = rng.choice(settlements)
        categories = m.weighted(CATEGORY_WEIGHTS, rng.choice([1, 1, 1, 2, 2, 3]))
        factors = m.weighted(FACTOR_WEIGHTS, rng.choice([1, 2, 2, 3]))
        start = m.day_between(today - dt.timedelta(days=3 * 365), today - dt.timedelta(days=20))
        closed = rng.random() < 0.18
        end = m.day_between(start + dt.timedelta(days=30), today) if closed else None
        family_id = plan.add(
            "family",
            m.uid(),
            settlement_id=settlement_id,
            address=f"{rng.choice(STREETS)}, {rng.randint(1, 120)}",
            phone=m.phone() if rng.random() < 0.6 else None,
            categories=categories,
            factors=factors,
            on_record_from=start,
            on_record_to=end if end and end > start else None,
            close_reason=rng.choice(CLOSE_REASONS) if end and end > start else None,
            specialist=rng.choice(SPECIALISTS),
            restricted="violence_survivor" in categories,
            notes=None,
        )
        members = _plan_members(m, family_id, categories, district, adults_by_district)
        family_ids.append((family_id, members))
        if events:
            _plan_events(m, family_id, members, start, end)
    for name, category, district, place in GROUPS:
        _plan_group(m, name, category, district_ids[district], place, adults_by_district[district])
    _number_notifications(plan.records)
    return plan.records


def _number_notifications(records: list[dict[str, Any]]) -> None:
    """Numbers as the centre gives them («2025-0012»), in the order they were registered
    within each year."""
    notices = sorted(
        (r for r in records if r["type"] == "notification"), key=lambda r: (r["date"], r["id"])
    )
    counters: dict[int, int] = {}
    for record in notices:
        year = int(record["date"][:4])
        counters[year] = counters.get(year, 0) + 1
        record["number"] = number_text(year, counters[year])


def _plan_members(
    m: _Maker,
    family_id: str,
    categories: list[str],
    district: str,
    adults: dict[str, list[tuple[str, str]]],
) -> list[str]:
    rng, today = m.rng, m.today
    elderly = "elderly" in categories
    single = "single_parent" in categories
    head_sex = "F" if rng.random() < 0.75 else "M"
    surname, given, patronymic = m.person_name(head_sex)
    head_age = rng.randint(62, 88) if elderly else rng.randint(21, 55)
    members: list[str] = []

    def person(sex: str, age: int, relation: str, name: tuple[str, str, str]) -> str:
        born = today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        pid = m.plan.add(
            "person",
            m.uid(),
            family_id=family_id,
            surname=name[0],
            given_name=name[1],
            patronymic=name[2],
            sex=sex,
            birth_date=born,
            relation=relation,
            phone=m.phone() if age >= 16 and rng.random() < 0.7 else None,
            disability=rng.random() < 0.06,
            notes=None,
        )
        members.append(pid)
        if age >= 18:
            adults[district].append((pid, f"{name[0]} {name[1]}"))
        return pid

    relation = "head" if elderly else ("mother" if head_sex == "F" else "father")
    person(head_sex, head_age, relation, (surname, given, patronymic))
    family_surname = _family_surname(surname)
    if not elderly and not single and rng.random() < 0.55:
        sex = "M" if head_sex == "F" else "F"
        person(
            sex,
            max(20, head_age + rng.randint(-4, 6)),
            "spouse",
            m.person_name(sex, family_surname),
        )
    if not elderly:
        children = rng.choice([1, 1, 2, 2, 2, 3, 3, 4]) + (2 if "large_family" in categories else 0)
        for _ in range(children):
            sex = rng.choice("FM")
            age = rng.randint(0, min(17, max(0, head_age - 18)))
            person(sex, age, "child", m.person_name(sex, family_surname))
        if rng.random() < 0.2:
            person("F", rng.randint(60, 85), "grandmother", m.person_name("F", family_surname))
    elif rng.random() < 0.35:
        sex = "M" if head_sex == "F" else "F"
        person(sex, head_age + rng.randint(-3, 5), "spouse", m.person_name(sex, family_surname))
    return members


def _plan_events(
    m: _Maker, family_id: str, members: list[str], start: dt.date, end: dt.date | None
) -> None:
    rng, plan, today = m.rng, m.plan, m.today
    last = end or today
    if rng.random() < 0.7:
        noticed = max(start - dt.timedelta(days=rng.randint(1, 10)), dt.date(2020, 1, 1))
        plan.add(
            "notification",
            m.uid(),
            family_id=family_id,
            date=noticed,
            source=rng.choice(SOURCES),
            summary="Повідомлення про складні життєві обставини",
        )
    finished = min(start + dt.timedelta(days=rng.randint(1, 5)), today)
    plan.add(
        "assessment",
        m.uid(),
        family_id=family_id,
        started=start,
        finished=finished,
        sjo_present=rng.random() < 0.85,
        parental_capacity=str(rng.choice(CAPACITY_WEIGHTED)),
        needed_services=m.weighted(SERVICE_WEIGHTS, rng.randint(1, 3)),
        conclusion="Сім'я потребує соціального супроводу",
    )
    for _ in range(rng.randint(0, 4)):
        plan.add(
            "visit",
            m.uid(),
            family_id=family_id,
            date=m.day_between(start, last),
            purpose=rng.choice(VISIT_PURPOSES),
            result=rng.choice(VISIT_RESULTS),
        )
    for _ in range(rng.randint(1, 6)):
        to_person = rng.random() < 0.3
        plan.add(
            "service",
            m.uid(),
            family_id=family_id,
            person_id=rng.choice(members) if to_person and members else None,
            service_code=m.weighted(SERVICE_WEIGHTS, 1)[0],
            date=m.day_between(start, last),
            minutes=rng.choice([15, 20, 30, 30, 45, 60, 90]),
            form="individual",
            notes=None,
        )


def _plan_group(
    m: _Maker,
    name: str,
    category: str,
    district_id: str,
    place: str,
    adults: list[tuple[str, str]],
) -> None:
    rng, plan, today = m.rng, m.plan, m.today
    start = today - dt.timedelta(days=7 * 11 + rng.randint(0, 6))
    group_id = plan.add(
        "group",
        m.uid(),
        name=name,
        target_category=category,
        district_id=district_id,
        place=place,
        facilitator=rng.choice(SPECIALISTS),
        start_date=start,
        end_date=start + dt.timedelta(days=7 * 15),
    )
    participants = []
    for person_id, _label in rng.sample(adults, min(len(adults), rng.randint(9, 13))):
        participants.append(
            plan.add(
                "participant",
                m.uid(),
                group_id=group_id,
                person_id=person_id,
                name=None,
                phone=None,
            )
        )
    for _ in range(2):
        surname, given, _p = m.person_name("F")
        participants.append(
            plan.add(
                "participant",
                m.uid(),
                group_id=group_id,
                person_id=None,
                name=f"{surname} {given}",
                phone=m.phone(),
            )
        )
    for week in range(12):
        day = start + dt.timedelta(days=7 * week)
        if day > today:
            break
        session_id = plan.add(
            "session",
            m.uid(),
            group_id=group_id,
            date=day,
            time="15:00",
            topic=TOPICS[week % len(TOPICS)],
            format=str(rng.choice(SESSION_FORMATS)),
        )
        for participant_id in participants:
            mark = str(rng.choices(MARKS, [75, 15, 10])[0])
            plan.add(
                "attendance",
                m.uid(),
                session_id=session_id,
                participant_id=participant_id,
                mark=mark,
            )
