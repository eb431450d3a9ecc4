"""Benchmark: a centre on SQLite and on PostgreSQL, side by side in the same run.

For each engine: a centre holding `--families` families (3 persons each, with visits and
services: about 7 records a family) is built through `records import`; then
  1. duplicate detection over all persons (2% of the families registered twice, with spelling
     variants);
  2. the period summary (JSON);
  3. the merge of one laptop bundle of `--changes` changes;
  4. four bundles of `--changes`/4 changes imported by four processes at once, against four
     such bundles imported one after another (nan: a concurrent import failed).
PostgreSQL runs on a throwaway server started from the machine's binaries (tests/pg.py).
Figures are wall-clock seconds; ratios are PostgreSQL / SQLite.

Usage: `.venv/bin/python bench/centre.py [--families 33000] [--changes 100000]`
(`--families 143000` gives the 1,000,000 records of issue 13).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.db.database import open_database  # noqa: E402
from app.reports.summary import compute_summary  # noqa: E402
from app.services.duplicates import find_duplicates  # noqa: E402
from app.services.records import import_records  # noqa: E402
from app.services.setup import init_centre  # noqa: E402
from app.sync.enrollment import enroll_device, init_field  # noqa: E402
from app.sync.exchange import export_bundle, import_bundle  # noqa: E402

PASSWORD = "bench-password"
STEMS = "Коваль Шевч Бондар Ткач Кравч Олійн Мельн Лисен Гнат Марч Пол Дмитр Ярем Ґудз Їжак".split()
ENDINGS = "енко ук юк ишин ович ський ко ець ар ій".split()
NAMES_F = "Олена Марія Ганна Ірина Оксана Юлія Наталія Тетяна Світлана Людмила Мар'яна".split()
NAMES_M = "Ігор Євген Тарас Юрій Олексій Петро Андрій Василь Микола Дмитро Сергій".split()
PATRONYMICS = "Іванівна Петрівна Олексіївна Іванович Петрович Олексійович".split()
LATIN = {"Олена": "Olena", "Марія": "Mariia", "Ігор": "Ihor", "Євген": "Yevhen", "Юрій": "Yurii"}


def make_records(families: int, seed: int = 13) -> list[dict]:
    rnd = random.Random(seed)
    uid = lambda: str(uuid.UUID(int=rnd.getrandbits(128), version=4))  # noqa: E731
    district = {"type": "district", "id": uid(), "name": "Морозівський", "community": "Мал"}
    settlements = [
        {"type": "settlement", "id": uid(), "name": f"с. {n}", "district_id": district["id"]}
        for n in range(20)
    ]
    out = [district, *settlements]
    base = dt.date(1940, 1, 1)

    def person(family: str, surname: str, given: str, born: dt.date) -> dict:
        return {
            "type": "person",
            "id": uid(),
            "family_id": family,
            "surname": surname,
            "given_name": given,
            "patronymic": rnd.choice(PATRONYMICS),
            "birth_date": born.isoformat(),
        }

    for n in range(families):
        family = uid()
        settlement = rnd.choice(settlements)["id"]
        address = f"вул. Центральна, {rnd.randrange(1, 400)}"
        surname = rnd.choice(STEMS) + rnd.choice(ENDINGS)
        out.append(
            {
                "type": "family",
                "id": family,
                "settlement_id": settlement,
                "address": address,
                "categories": ["idp"],
                "on_record_from": "2024-01-15",
            }
        )
        members = [
            person(family, surname, rnd.choice(NAMES_F), base + dt.timedelta(rnd.randrange(20000))),
            person(family, surname, rnd.choice(NAMES_M), base + dt.timedelta(rnd.randrange(30000))),
            person(family, surname, rnd.choice(NAMES_F), base + dt.timedelta(rnd.randrange(30000))),
        ]
        out.extend(members)
        out.append({"type": "visit", "id": uid(), "family_id": family, "date": "2024-03-01"})
        out.append(
            {
                "type": "service",
                "id": uid(),
                "family_id": family,
                "service_code": "002.0",
                "date": "2024-03-02",
            }
        )
        if n % 50 == 0:  # registered twice, by another specialist, with spelling variants
            twin = uid()
            out.append({"type": "family", "id": twin, "settlement_id": settlement})
            for m in members:
                given = LATIN.get(m["given_name"], m["given_name"].replace("'", "ʼ"))
                out.append({**m, "id": uid(), "family_id": twin, "given_name": given})
    return out


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def write_lines(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for r in records:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def laptop_bundles(folder: Path, target: str, count: int, changes: int, settlement: str):
    """`count` laptops enrolled at `target`, each with a bundle of `changes` new records."""
    centre = open_database(target, login="admin", password=PASSWORD)
    bundles = []
    for k in range(count):
        enrollment = folder / f"L{k}.enroll"
        enroll_device(
            centre,
            name=f"{folder.name}-L{k}",
            districts=["Морозівський"],
            login=f"{folder.name}-u{k}",
            password=PASSWORD,
            out=enrollment,
        )
        laptop = init_field(folder / f"L{k}.db", enrollment, PASSWORD, encrypted=False)
        rnd = random.Random(k)
        lines = []
        for _ in range(changes // 2):
            family = str(uuid.UUID(int=rnd.getrandbits(128), version=4))
            lines.append({"type": "family", "id": family, "settlement_id": settlement})
            lines.append(
                {
                    "type": "person",
                    "id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                    "family_id": family,
                    "surname": "Нова",
                    "given_name": "Особа",
                }
            )
        import_records(laptop, write_lines(folder / f"L{k}.jsonl", lines))
        bundles.append(folder / f"L{k}.opora")
        export_bundle(laptop, bundles[-1])
        laptop.close()
    centre.close()
    return bundles


def run_engine(name: str, target: str, source: Path, folder: Path, args) -> dict[str, float]:
    figures: dict[str, float] = {}
    init_centre(target, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False).close()
    db = open_database(target, login="admin", password=PASSWORD)
    figures["build (records import)"], _ = timed(lambda: import_records(db, source))
    figures["duplicate detection"], pairs = timed(lambda: find_duplicates(db))
    figures["pairs found"] = float(len(pairs))  # type: ignore[arg-type]
    figures["period summary"], _ = timed(
        lambda: compute_summary(db, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    )
    if args.detection_only:
        db.close()
        return figures
    settlement = json.loads(source.open(encoding="utf-8").readlines()[1])["id"]
    db.close()
    work = folder / name
    work.mkdir()
    (work / "one").mkdir()
    (big,) = laptop_bundles(work / "one", target, 1, args.changes, settlement)
    db = open_database(target, login="admin", password=PASSWORD)
    figures[f"merge of a {args.changes}-change bundle"], _ = timed(lambda: import_bundle(db, big))
    db.close()
    quarter = args.changes // 4
    (work / "seq").mkdir()
    sequential = laptop_bundles(work / "seq", target, 4, quarter, settlement)

    def one_after_another() -> None:
        db = open_database(target, login="admin", password=PASSWORD)
        for bundle in sequential:
            assert import_bundle(db, bundle).status == "applied"
        db.close()

    figures[f"four {quarter}-change bundles one after another"], _ = timed(one_after_another)
    (work / "four").mkdir()
    bundles = laptop_bundles(work / "four", target, 4, quarter, settlement)

    def at_once() -> None:
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "app", "--db", target, "--user", "admin"]
                + ["sync", "import", str(b)],
                env={"OPORA_PASSWORD": PASSWORD, "PATH": "/usr/bin:/bin"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for b in bundles
        ]
        failed = 0
        for p in processes:
            p.communicate()
            failed += p.returncode != 0
        if failed:
            failures[name] = failed

    failures: dict[str, int] = {}
    figures[f"four {quarter}-change bundles at once"], _ = timed(at_once)
    if failures:
        print(f"{name}: {failures[name]} of 4 concurrent imports failed", file=sys.stderr)
        figures[f"four {quarter}-change bundles at once"] = float("nan")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=33000)
    parser.add_argument("--changes", type=int, default=100000)
    parser.add_argument("--detection-only", action="store_true", help="skip the bundles")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="opora-bench-centre-"))
    records = make_records(args.families)
    persons = sum(1 for r in records if r["type"] == "person")
    source = write_lines(folder / "centre.jsonl", records)
    print(f"{len(records)} records, {persons} persons")
    from tests.pg import start_cluster

    cluster = start_cluster()
    try:
        results = {
            "sqlite": run_engine("sqlite", str(folder / "centre.db"), source, folder, args),
            "postgresql": run_engine(
                "postgresql", cluster.url(cluster.new_database()), source, folder, args
            ),
        }
    finally:
        cluster.stop()
    print(f"{'':42} {'SQLite':>10} {'PostgreSQL':>11} {'ratio':>7}")
    for key in results["sqlite"]:
        a, b = results["sqlite"][key], results["postgresql"][key]
        ratio = f"{b / a:.2f}" if a else "-"
        print(f"{key:42} {a:10.2f} {b:11.2f} {ratio:>7}")


if __name__ == "__main__":
    main()
