"""A small interchange data set with every entity, written as JSON lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

IDS = {
    name: f"0190a000-0000-7000-8000-{n:012d}"
    for n, name in enumerate(
        [
            "district",
            "settlement",
            "family",
            "mother",
            "child",
            "notification",
            "assessment",
            "visit",
            "service",
            "group",
            "participant",
            "outsider",
            "session",
            "attendance",
            "attendance2",
            "lone",
            "lone_service",
        ],
        start=1,
    )
}


def records() -> list[dict[str, Any]]:
    """One of every type, with Ukrainian text, lists, booleans, dates and nulls."""
    i = IDS
    return [
        {
            "type": "district",
            "id": i["district"],
            "name": "Морозівський старостинський округ",
            "community": "Малинська громада",
        },
        {
            "type": "settlement",
            "id": i["settlement"],
            "name": "с. Ґорожанка",
            "district_id": i["district"],
        },
        {
            "type": "family",
            "id": i["family"],
            "settlement_id": i["settlement"],
            "address": "вул. Їжакова, 5",
            "phone": "+380501234567",
            "categories": ["idp", "large_family"],
            "factors": ["low_income", "unemployment"],
            "on_record_from": "2025-03-01",
            "on_record_to": None,
            "close_reason": None,
            "specialist": "Єва Іванюк",
            "responsible": "admin",
            "restricted": False,
            "notes": "Сім'я з Бахмута",
            "card_number": "СК-2025-014",
            "take_reason": "Повідомлення школи, оцінка потреб: СЖО наявні",
            "organisations": "ССД: контроль умов виховання",
        },
        {
            "type": "person",
            "id": i["mother"],
            "family_id": i["family"],
            "surname": "Мар'яненко",
            "given_name": "Олена",
            "patronymic": "Петрівна",
            "sex": "F",
            "birth_date": "1988-04-12",
            "relation": "mother",
            "phone": "+380671112233",
            "rnokpp": "3012345670",
            "disability": False,
            "notes": None,
            "registered_address": "м. Бахмут, вул. Миру, 3",
            "actual_address": "с. Ґорожанка, вул. Їжакова, 5",
            "legal_capacity": "full",
            "work_study": "безробітна",
        },
        {
            "type": "person",
            "id": i["child"],
            "family_id": i["family"],
            "surname": "Мар'яненко",
            "given_name": "Ігор",
            "patronymic": "Іванович",
            "sex": "M",
            "birth_date": "2015-09-01",
            "relation": "child",
            "phone": None,
            "rnokpp": None,
            "disability": True,
            "notes": None,
            "registered_address": None,
            "actual_address": None,
            "legal_capacity": None,
            "work_study": "Ґорожанківський ліцей, 4 клас",
        },
        {
            "type": "notification",
            "id": i["notification"],
            "family_id": i["family"],
            "date": "2025-02-20",
            "source": "Школа",
            "summary": "Дитина пропускає заняття",
            "number": "2025-0007",
            "person_name": None,
            "address": None,
            "settlement_id": None,
        },
        {
            "type": "assessment",
            "id": i["assessment"],
            "family_id": i["family"],
            "started": "2025-02-21",
            "finished": "2025-02-27",
            "sjo_present": True,
            "parental_capacity": "medium",
            "needed_services": ["010.1", "002.0"],
            "conclusion": "СЖО наявні",
            "notification_id": i["notification"],
            "specialist": "Єва Іванюк",
            "act": {
                "adults": [{"employment": "Не працює", "person_id": i["mother"]}],
                "children": [
                    {"education": "Пропуски занять", "impact": "moderate", "person_id": i["child"]}
                ],
                "family": {"housing": "Кімната в гуртожитку, без опалення"},
            },
            "sjo_causes": "Втрата житла, безробіття",
            "child_trauma": False,
            "environment_impact": "neutral",
            "problem_duration": "3_6m",
            "family_aware": True,
            "family_ready": True,
            "decision": "provide",
            "family_agrees": True,
            "family_remarks": None,
            "participants": "Психолог Ґудзь І.",
            "approved_by": "Коваль О. М.",
            "case_level": "medium",
        },
        {
            "type": "visit",
            "id": i["visit"],
            "family_id": i["family"],
            "date": "2025-03-05",
            "purpose": "Оцінювання умов",
            "result": "Умови задовільні",
        },
        {
            "type": "service",
            "id": i["service"],
            "family_id": i["family"],
            "person_id": None,
            "service_code": "002.0",
            "date": "2025-03-10",
            "minutes": 45,
            "form": "individual",
            "notes": None,
        },
        {
            "type": "group",
            "id": i["group"],
            "name": "Жінки з дітьми",
            "target_category": "single_parent",
            "district_id": i["district"],
            "place": "Будинок культури",
            "facilitator": "Ірина Ґудзь",
            "start_date": "2025-01-10",
            "end_date": "2025-06-30",
        },
        {
            "type": "participant",
            "id": i["participant"],
            "group_id": i["group"],
            "person_id": i["mother"],
            "name": None,
            "phone": None,
        },
        {
            "type": "participant",
            "id": i["outsider"],
            "group_id": i["group"],
            "person_id": None,
            "name": "Наталія Сірко",
            "phone": "+380931234567",
        },
        {
            "type": "session",
            "id": i["session"],
            "group_id": i["group"],
            "date": "2025-02-14",
            "time": "10:00",
            "topic": "Стрес і як із ним жити",
            "format": "training",
        },
        {
            "type": "attendance",
            "id": i["attendance"],
            "session_id": i["session"],
            "participant_id": i["participant"],
            "mark": "present",
        },
        {
            "type": "attendance",
            "id": i["attendance2"],
            "session_id": i["session"],
            "participant_id": i["outsider"],
            "mark": "excused",
        },
    ]


def write_lines(path: Path, items: list[dict[str, Any]]) -> Path:
    """Write records as JSON lines."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items), "utf-8")
    return path


def canonical(items: list[dict[str, Any]]) -> list[str]:
    """The canonical export the contract prescribes for `items` (already complete records)."""
    order = [
        "district",
        "settlement",
        "family",
        "person",
        "notification",
        "assessment",
        "visit",
        "service",
        "group",
        "participant",
        "session",
        "attendance",
    ]
    ranked = sorted(items, key=lambda r: (order.index(r["type"]), r["id"]))
    out = []
    for r in ranked:
        r = {k: ((sorted(v) or None) if isinstance(v, list) else v) for k, v in r.items()}
        out.append(json.dumps(r, sort_keys=True, ensure_ascii=False))
    return out
