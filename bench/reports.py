"""Benchmark of the reports: the attendance journal (25 participants × 26 sessions) and the
period summary over a database of ~50,000 records built through the core's import.

    python bench/reports.py [--records 50000] [--keep DIR]

Goals: journal ≤ 0.5 s, summary ≤ 1 s (each figure is the best of several runs, the first,
cold run printed too).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.db.database import open_database  # noqa: E402
from app.reports.loaders import load_journal  # noqa: E402
from app.reports.pdf.journal import render_journal  # noqa: E402
from app.reports.pdf.summary_pdf import render_summary  # noqa: E402
from app.reports.summary import compute_summary  # noqa: E402
from app.reports.xlsx import render_summary_xlsx  # noqa: E402
from app.services.records import import_records  # noqa: E402
from app.services.setup import init_centre  # noqa: E402

PASSWORD = "bench password"
SERVICES = ["001.0", "002.0", "003.0", "004.0", "005.0", "010.1", "011.0", "012.0", "013.0"]
CATEGORIES = [
    "idp",
    "military_family",
    "veteran_family",
    "large_family",
    "single_parent",
    "elderly",
    "disability",
    "orphan",
]
FACTORS = [
    "low_income",
    "unemployment",
    "low_parenting_capacity",
    "chronic_illness",
    "disaster_war_harm",
    "domestic_violence",
]
SURNAMES = [
    "Ґонтаренко",
    "Мʼякота",
    "Дʼяченко",
    "Шевчук",
    "Їжак",
    "Євтушенко",
    "Іваненко",
    "Коваль",
    "Бондар",
    "Ткаченко",
]
GIVEN = ["Олена", "Ірина", "Марʼяна", "Ігор", "Євген", "Ївга", "Ґаля", "Петро", "Наталія"]


def _day(rng: random.Random, start: dt.date, end: dt.date) -> str:
    return (start + dt.timedelta(days=rng.randrange((end - start).days + 1))).isoformat()


def generate(total: int, rng: random.Random) -> tuple[list[dict], str]:
    """Records (about ``total``) and the id of a group of 25 participants × 26 sessions."""

    def new() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    out: list[dict] = []
    start, end = dt.date(2024, 1, 1), dt.date(2025, 12, 31)
    districts = [new() for _ in range(5)]
    names = ["Морозівський", "Любовицький", "Малинський", "Ворсівський", "Гранітненський"]
    for district_id, name in zip(districts, names, strict=True):
        out.append({"type": "district", "id": district_id, "name": name, "community": "Малинська"})
    settlements = [new() for _ in range(20)]
    for n, settlement_id in enumerate(settlements):
        out.append(
            {
                "type": "settlement",
                "id": settlement_id,
                "name": f"с. Село {n}",
                "district_id": districts[n % 5],
            }
        )
    families_n = total // 6
    families = [new() for _ in range(families_n)]
    persons: list[tuple[str, str]] = []
    for family_id in families:
        on_from = _day(rng, dt.date(2023, 1, 1), end)
        on_to = _day(rng, dt.date.fromisoformat(on_from), end) if rng.random() < 0.3 else None
        out.append(
            {
                "type": "family",
                "id": family_id,
                "settlement_id": rng.choice(settlements),
                "categories": rng.sample(CATEGORIES, rng.randint(0, 2)),
                "factors": rng.sample(FACTORS, rng.randint(0, 2)),
                "on_record_from": on_from,
                "on_record_to": on_to,
            }
        )
        for _ in range(rng.randint(1, 4)):
            person_id = new()
            persons.append((person_id, family_id))
            out.append(
                {
                    "type": "person",
                    "id": person_id,
                    "family_id": family_id,
                    "surname": rng.choice(SURNAMES),
                    "given_name": rng.choice(GIVEN),
                    "birth_date": _day(rng, dt.date(1950, 1, 1), dt.date(2023, 1, 1)),
                }
            )
    lone = [new() for _ in range(total // 100)]
    for person_id in lone:
        out.append(
            {
                "type": "person",
                "id": person_id,
                "family_id": None,
                "surname": rng.choice(SURNAMES),
                "given_name": rng.choice(GIVEN),
            }
        )
    group = new()
    out.append(
        {
            "type": "group",
            "id": group,
            "name": "Група «Разом»",
            "district_id": districts[0],
            "facilitator": "Коваль Наталія Ґеоргіївна",
            "start_date": "2025-01-01",
            "end_date": "2025-12-31",
        }
    )
    participants = [new() for _ in range(25)]
    for n, participant_id in enumerate(participants):
        out.append(
            {
                "type": "participant",
                "id": participant_id,
                "group_id": group,
                "person_id": persons[n][0],
            }
        )
    sessions = [new() for _ in range(26)]
    for n, session_id in enumerate(sessions):
        out.append(
            {
                "type": "session",
                "id": session_id,
                "group_id": group,
                "date": (dt.date(2025, 1, 6) + dt.timedelta(days=7 * n)).isoformat(),
                "topic": f"Заняття {n + 1}",
                "format": "training",
            }
        )
        for participant_id in participants:
            out.append(
                {
                    "type": "attendance",
                    "id": new(),
                    "session_id": session_id,
                    "participant_id": participant_id,
                    "mark": rng.choice(["present", "present", "absent", "excused"]),
                }
            )
    kinds = ["service"] * 6 + ["visit"] * 2 + ["notification", "assessment"]
    while len(out) < total:
        kind = rng.choice(kinds)
        day = _day(rng, start, end)
        if kind == "service":
            if rng.random() < 0.05:
                record = {"family_id": None, "person_id": rng.choice(lone)}
            elif rng.random() < 0.3:
                record = {"family_id": None, "person_id": rng.choice(persons)[0]}
            else:
                record = {"family_id": rng.choice(families), "person_id": None}
            record |= {
                "service_code": rng.choice(SERVICES),
                "date": day,
                "minutes": 30,
                "form": "individual",
            }
        elif kind == "assessment":
            record = {
                "family_id": rng.choice(families),
                "started": day,
                "finished": day if rng.random() < 0.7 else None,
            }
        else:
            record = {"family_id": rng.choice(families), "date": day}
        out.append({"type": kind, "id": new(), **record})
    return out, group


def best(label: str, runs: int, work: Callable[[], object]) -> float:
    """Run ``work`` several times; print the cold and the best time; return the best."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    print(f"{label}: best {min(times):.3f} s, first {times[0]:.3f} s ({runs} runs)")
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the database in")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="opora-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_file = folder / "bench.db"
    if not db_file.exists():
        records, _ = generate(args.records, random.Random(5))
        lines = folder / "bench.jsonl"
        lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        started = time.perf_counter()
        db = init_centre(
            db_file,
            name="ЦНСП Малинської громади",
            admin="admin",
            password=PASSWORD,
            encrypted=False,
        )
        import_records(db, lines)
        db.close()
        print(f"built {len(records)} records in {time.perf_counter() - started:.1f} s")
    _, group = generate(args.records, random.Random(5))

    db = open_database(db_file, authenticate=False)
    try:
        journal = load_journal(db, group)
        assert len(journal.participants) == 25 and len(journal.sessions) == 26
        journal_render = best("journal 25×26 render", 5, lambda: render_journal(journal, BytesIO()))
        journal_total = best(
            "journal 25×26 load+render",
            5,
            lambda: render_journal(load_journal(db, group), BytesIO()),
        )
        year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        summary_time = best("summary 2025, all districts", 5, lambda: compute_summary(db, *year))
        best("summary 2025, one district", 5, lambda: compute_summary(db, *year, "Морозівський"))
        summary = compute_summary(db, *year)
        from app.reports.loaders import load_centre, load_summary_labels

        with db.session() as session:
            centre, labels = load_centre(session), load_summary_labels(session)
        best(
            "summary PDF render",
            3,
            lambda: render_summary(summary, BytesIO(), centre=centre, labels=labels),
        )
        best(
            "summary XLSX render",
            3,
            lambda: render_summary_xlsx(summary, BytesIO(), centre=centre, labels=labels),
        )
        print(
            f"covered {summary.families_covered}, on record {summary.families_on_record}, "
            f"services {sum(summary.services.values())}"
        )
    finally:
        db.close()
    ok = journal_total <= 0.5 and summary_time <= 1.0
    print(
        f"goals (journal ≤ 0.5 s, summary ≤ 1 s): {'met' if ok else 'NOT met'}"
        f" (journal render alone {journal_render:.3f} s)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
