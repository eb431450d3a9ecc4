"""A small interchange data set whose period summary is known by hand, edges included.

Period: 2025-01-01 … 2025-06-30. What each record is there to prove is said beside it; the
expected figures are in EXPECTED (all districts) and EXPECTED_MOROZIVSKYI (one district).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FROM, TO = "2025-01-01", "2025-06-30"
_NAMES = """d1 d2 d3 s1 s2 f1 f2 f3 f4 f5 f6 mother childA childB childC f2child f3child f4child
lone n1 n2 n3 v1 v2 v3 a1 a2 a3 sv1 sv2 sv3 sv4 sv5 sv6 sv7 sv8 g1 g2 g3 g4 p1 p2 p3 p4
sa sb sc sd at1 at2 at3 at4 at5 at6 at7 at8 in1 in2 in3 r1 r2 r3 r4""".split()
ID = {name: f"0190b000-0000-7000-8000-{n:012d}" for n, name in enumerate(_NAMES, start=1)}


def _family(key: str, settlement: str, categories, factors, start, end) -> dict[str, Any]:
    return {
        "type": "family",
        "id": ID[key],
        "settlement_id": ID[settlement],
        "categories": categories,
        "factors": factors,
        "on_record_from": start,
        "on_record_to": end,
        "address": f"вул. Ґрушева, {len(key)}",
    }


def _person(
    key: str,
    family: str | None,
    surname: str,
    birth: str,
    relation: str,
    sex: str = "F",
    disability: bool = False,
):
    return {
        "type": "person",
        "id": ID[key],
        "family_id": ID[family] if family else None,
        "surname": surname,
        "given_name": "Їва",
        "patronymic": "Євгенівна",
        "birth_date": birth,
        "relation": relation,
        "sex": sex,
        "disability": disability,
    }


def _service(key: str, code: str, day: str, family: str | None = None, person: str | None = None):
    return {
        "type": "service",
        "id": ID[key],
        "family_id": ID[family] if family else None,
        "person_id": ID[person] if person else None,
        "service_code": code,
        "date": day,
        "minutes": 30,
        "form": "individual",
    }


def records() -> list[dict[str, Any]]:
    """The data set as interchange records, in an order the importer accepts."""
    i = ID
    return [
        {"type": "district", "id": i["d1"], "name": "Морозівський", "community": "Малинська"},
        {"type": "district", "id": i["d2"], "name": "Любовицький", "community": "Малинська"},
        {"type": "district", "id": i["d3"], "name": "Малинський", "community": "Малинська"},
        {"type": "settlement", "id": i["s1"], "name": "с. Морозівка", "district_id": i["d1"]},
        {"type": "settlement", "id": i["s2"], "name": "с. Любовичі", "district_id": i["d2"]},
        # on record from the period's first day
        _family("f1", "s1", ["idp", "large_family"], ["low_parenting_capacity"], FROM, None),
        # off record on the period's last day: not on record at the end
        _family("f2", "s1", ["idp"], ["low_parenting_capacity"], "2024-06-01", TO),
        # on record from the period's last day
        _family("f3", "s2", ["military_family"], ["low_parenting_capacity"], TO, None),
        # off record the day after the period: still on record at the end
        _family("f4", "s2", ["military_family", "single_parent"], [], "2024-01-01", "2025-07-01"),
        # on record only after the period
        _family("f5", "s1", [], [], "2025-07-01", None),
        # deleted below: counts nowhere
        _family("f6", "s1", ["idp"], ["low_parenting_capacity"], "2024-01-01", None),
        _person("mother", "f1", "Ґонтаренко", "1990-05-05", "mother"),
        _person("childA", "f1", "Ґонтаренко", "2007-06-30", "child"),  # 18 exactly on TO
        _person("childB", "f1", "Ґонтаренко", "2007-07-01", "child"),  # 18 the day after
        _person("childC", "f1", "Ґонтаренко", "2015-01-01", "child", sex="M"),
        _person("f2child", "f2", "Мʼякота", "2010-01-01", "child"),  # family not on record
        _person("f4child", "f4", "Шевчук", "2008-01-01", "child", disability=True),
        # a person without a family; 60 or older on TO
        _person("lone", None, "Самотня", "1950-01-01", "other", disability=True),
        # a member of a family not covered: reached by nothing
        _person("f3child", "f3", "Дʼяченко", "2020-01-01", "child", sex="M"),
        {"type": "notification", "id": i["n1"], "family_id": i["f1"], "date": "2025-03-03"},
        {"type": "notification", "id": i["n2"], "family_id": i["f4"], "date": FROM},
        {"type": "notification", "id": i["n3"], "family_id": i["f2"], "date": "2024-12-31"},
        {"type": "visit", "id": i["v1"], "family_id": i["f2"], "date": TO},
        {"type": "visit", "id": i["v2"], "family_id": i["f1"], "date": "2025-02-02"},
        {"type": "visit", "id": i["v3"], "family_id": i["f5"], "date": "2024-12-31"},
        # finished after the period: not in it, though started in it
        {
            "type": "assessment",
            "id": i["a1"],
            "family_id": i["f3"],
            "started": "2025-06-20",
            "finished": "2025-07-05",
            "parental_capacity": "low",
            "sjo_present": True,
        },
        # not finished: dated by its start; found low parental capacity (f4 has no factor)
        {
            "type": "assessment",
            "id": i["a2"],
            "family_id": i["f4"],
            "started": "2025-05-01",
            "parental_capacity": "low",
        },
        # started before the period, finished in it
        {
            "type": "assessment",
            "id": i["a3"],
            "family_id": i["f1"],
            "started": "2024-12-20",
            "finished": "2025-01-10",
        },
        _service("sv1", "002.0", "2025-02-01", family="f1"),
        _service("sv2", "002.0", "2025-03-01", family="f1"),  # the same service twice
        _service("sv3", "001.0", "2025-04-01", person="mother"),  # to a person: her family
        _service("sv4", "003.0", "2025-06-15", family="f5"),
        _service("sv5", "002.0", "2025-05-05", person="lone"),  # a person without a family
        _service("sv6", "002.0", "2025-05-06", person="lone"),  # … twice
        _service("sv7", "004.0", "2025-03-01", family="f4"),  # deleted below
        _service("sv8", "001.0", "2025-07-02", family="f3"),  # after the period
        {
            "type": "group",
            "id": i["g1"],
            "name": "Жінки з дітьми",
            "target_category": "idp",
            "district_id": i["d1"],
            "facilitator": "Ірина Ґудзь",
            "start_date": "2025-01-10",
            "end_date": TO,
        },
        # dates before the period, but a session in it: active
        {
            "type": "group",
            "id": i["g2"],
            "name": "Ветерани",
            "target_category": "veteran_family",
            "district_id": i["d2"],
            "start_date": "2024-01-01",
            "end_date": "2024-12-31",
        },
        {
            "type": "group",
            "id": i["g3"],
            "name": "Пізня",
            "district_id": i["d2"],
            "start_date": "2025-07-01",
        },
        {"type": "group", "id": i["g4"], "name": "Без дат", "district_id": i["d1"]},
        {"type": "participant", "id": i["p1"], "group_id": i["g1"], "person_id": i["mother"]},
        {
            "type": "participant",
            "id": i["p2"],
            "group_id": i["g1"],
            "name": "Наталія Сірко",
            "phone": "+380931234567",
        },
        {"type": "participant", "id": i["p3"], "group_id": i["g1"], "person_id": i["childB"]},
        # the same person in a second group: one distinct participant
        {"type": "participant", "id": i["p4"], "group_id": i["g2"], "person_id": i["mother"]},
        {
            "type": "session",
            "id": i["sa"],
            "group_id": i["g1"],
            "date": "2025-02-14",
            "topic": "Стрес і як із ним жити",
            "format": "training",
            "time": "10:00",
        },
        {"type": "session", "id": i["sb"], "group_id": i["g1"], "date": TO, "topic": "Підсумки"},
        {"type": "session", "id": i["sc"], "group_id": i["g1"], "date": "2025-07-05"},
        {"type": "session", "id": i["sd"], "group_id": i["g2"], "date": "2025-02-01"},
        {
            "type": "attendance",
            "id": i["at1"],
            "session_id": i["sa"],
            "participant_id": i["p1"],
            "mark": "present",
        },
        {
            "type": "attendance",
            "id": i["at2"],
            "session_id": i["sa"],
            "participant_id": i["p2"],
            "mark": "absent",
        },
        {
            "type": "attendance",
            "id": i["at3"],
            "session_id": i["sa"],
            "participant_id": i["p3"],
            "mark": "excused",
        },
        {
            "type": "attendance",
            "id": i["at4"],
            "session_id": i["sb"],
            "participant_id": i["p1"],
            "mark": "present",
        },
        {
            "type": "attendance",
            "id": i["at5"],
            "session_id": i["sb"],
            "participant_id": i["p2"],
            "mark": "present",
        },
        {
            "type": "attendance",
            "id": i["at6"],
            "session_id": i["sb"],
            "participant_id": i["p3"],
            "mark": "absent",
        },
        {
            "type": "attendance",
            "id": i["at7"],
            "session_id": i["sc"],
            "participant_id": i["p3"],
            "mark": "present",
        },  # after the period
        {
            "type": "attendance",
            "id": i["at8"],
            "session_id": i["sd"],
            "participant_id": i["p4"],
            "mark": "present",
        },
        # an anonymous walk-in visitor, referred on (accepted)
        {"type": "intake", "id": i["in1"], "date": "2025-03-10", "summary": "Питання виплат"},
        {"type": "intake", "id": i["in2"], "date": "2025-07-02", "visitor_name": "Після"},
        {"type": "intake", "id": i["in3"], "date": "2025-04-01", "family_id": i["f1"]},
        {
            "type": "referral",
            "id": i["r1"],
            "date": "2025-03-10",
            "intake_id": i["in1"],
            "to_whom": "ЦНАП",
            "outcome": "accepted",
        },
        {
            "type": "referral",
            "id": i["r2"],
            "date": "2025-04-02",
            "family_id": i["f1"],
            "to_whom": "Центр зайнятості",
            "outcome": "refused",
        },
        # no outcome yet: unknown
        {
            "type": "referral",
            "id": i["r3"],
            "date": "2025-05-05",
            "person_id": i["lone"],
            "to_whom": "Психолог",
        },  # fmt: skip
        {
            "type": "referral",
            "id": i["r4"],
            "date": "2025-07-03",
            "family_id": i["f1"],
            "to_whom": "Юрист",
        },  # fmt: skip
        {"type": "service", "id": i["sv7"], "deleted": True},
        {"type": "family", "id": i["f6"], "deleted": True},
    ]


def write(path: Path) -> Path:
    """Write the data set as JSON lines."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), "utf-8")
    return path


SERVICE_CODES = [
    "001.0",
    "002.0",
    "003.0",
    "004.0",
    "005.0",
    "007.0",
    "009.1",
    "010.1",
    "010.2",
    "011.0",
    "012.0",
    "013.0",
    "014.0",
    "015.1",
    "015.3",
    "019.0",
    "021.0",
]
CATEGORY_CODES = [
    "idp",
    "military_family",
    "veteran_family",
    "fallen_family",
    "missing_family",
    "violence_survivor",
    "orphan",
    "foster_family",
    "family_type_home",
    "guardian_family",
    "patronage_family",
    "large_family",
    "single_parent",
    "elderly",
    "disability",
    "law_problems",
    "intended_abandonment",
    "birth_allowance_family",
    "birth_family_of_fostered_child",
]


def _categories(**given: tuple[int, int]) -> dict[str, dict[str, int]]:
    return {
        code: dict(zip(("covered", "on_record"), given.get(code, (0, 0)), strict=True))
        for code in CATEGORY_CODES
    }


EXPECTED: dict[str, Any] = {
    "from": FROM,
    "to": TO,
    "district": None,
    "families_covered": 5,  # f1 f2 f4 f5 + the lone person
    "families_on_record": 3,  # f1 f3 f4
    "children_in_families_on_record": 4,  # childB childC f3child f4child
    "families_low_parenting_capacity": 3,  # f1 f3 by the factor, f4 by its assessment
    "notifications": 2,
    "home_visits": 2,
    "needs_assessments": 2,
    "services": {code: 0 for code in SERVICE_CODES} | {"001.0": 1, "002.0": 2, "003.0": 1},
    "groups": {"active": 2, "sessions": 3, "participants": 2, "attendances": 4},
    "by_category": _categories(
        idp=(2, 1), large_family=(1, 1), military_family=(1, 2), single_parent=(1, 1)
    ),
    "by_district": {
        "Любовицький": {"covered": 1, "on_record": 2},
        "Малинський": {"covered": 0, "on_record": 0},
        "Морозівський": {"covered": 3, "on_record": 1},
    },
    # members of f1 (4), f2 (1), f4 (1), f5 (none) and the lone person; ages on 30 June 2025:
    # mother 35, childA 18 that day, childB 17, childC 10, f2child 15, f4child 17, lone 75
    "persons": {
        "total": 7,
        "by_sex": {"F": 6, "M": 1},  # childC
        "by_age": {"under_18": 4, "18_59": 2, "60_plus": 1},
        "with_disability": 2,  # f4child, lone
    },
    # sv1 sv2 sv5 sv6 (002.0), sv3 (001.0), sv4 (003.0); sv7 deleted, sv8 after the period
    "service_events": {code: 0 for code in SERVICE_CODES} | {"001.0": 1, "002.0": 4, "003.0": 1},
    # 001.0 and 002.0 reached f1 (idp, large_family); the lone person has no category;
    # 003.0 reached f5, which has none
    "services_by_category": {code: dict.fromkeys(CATEGORY_CODES, 0) for code in SERVICE_CODES}
    | {
        code: dict.fromkeys(CATEGORY_CODES, 0) | {"idp": 1, "large_family": 1}
        for code in ("001.0", "002.0")
    },
    "sessions_by_target": dict.fromkeys(CATEGORY_CODES, 0) | {"idp": 2, "veteran_family": 1},
    "intake_consultations": 2,  # in1, in3 (in2 after the period)
    "referrals": {"accepted": 1, "refused": 1, "unknown": 1},  # r1, r2, r3 (r4 after)
}

EXPECTED_MOROZIVSKYI: dict[str, Any] = {
    "from": FROM,
    "to": TO,
    "district": "Морозівський",
    "families_covered": 3,  # f1 f2 f5
    "families_on_record": 1,
    "children_in_families_on_record": 2,
    "families_low_parenting_capacity": 1,
    "notifications": 1,
    "home_visits": 2,
    "needs_assessments": 1,
    "services": {code: 0 for code in SERVICE_CODES} | {"001.0": 1, "002.0": 1, "003.0": 1},
    "groups": {"active": 1, "sessions": 2, "participants": 2, "attendances": 3},
    "by_category": _categories(idp=(2, 1), large_family=(1, 1)),
    "by_district": {"Морозівський": {"covered": 3, "on_record": 1}},
    # members of f1 and f2 only: no lone person within a district
    "persons": {
        "total": 5,
        "by_sex": {"F": 4, "M": 1},
        "by_age": {"under_18": 3, "18_59": 2, "60_plus": 0},
        "with_disability": 0,
    },
    "service_events": {code: 0 for code in SERVICE_CODES} | {"001.0": 1, "002.0": 2, "003.0": 1},
    "services_by_category": EXPECTED["services_by_category"],
    "sessions_by_target": dict.fromkeys(CATEGORY_CODES, 0) | {"idp": 2},
    "intake_consultations": 1,  # in3 (f1); the anonymous in1 has no place
    "referrals": {"accepted": 0, "refused": 1, "unknown": 0},  # r2 (f1)
}
