"""Benchmark: `records import` of 100,000 records and their export.

25,000 families with 3 persons each are written as interchange JSON lines, imported into a
new centre database (plain and SQLCipher-encrypted), and exported. The floor is raw
`sqlite3` inserting the same rows (same columns) in one transaction, measured in the same
run. Usage: `.venv/bin/python bench/records.py [--families 25000]`.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.db.registry import TYPES  # noqa: E402
from app.services.records import export_records, import_records  # noqa: E402
from app.services.setup import init_centre  # noqa: E402

SURNAMES = ["Мар'яненко", "Ковальчук", "Шевченко", "Бондаренко", "Ґудзь", "Їжакевич", "Олійник"]
NAMES = ["Олена", "Ігор", "Марія", "Євген", "Ірина", "Тарас", "Ганна", "Юрій"]


def make_records(families: int, seed: int = 7) -> list[dict]:
    """Districts, a settlement, `families` families and 3 persons in each."""
    rnd = random.Random(seed)
    uid = lambda: str(uuid.UUID(int=rnd.getrandbits(128), version=4))  # noqa: E731
    district = {
        "type": "district",
        "id": uid(),
        "name": "Морозівський округ",
        "community": "Малинська",
    }
    settlement = {
        "type": "settlement",
        "id": uid(),
        "name": "с. Морозівка",
        "district_id": district["id"],
    }
    out = [district, settlement]
    for n in range(families):
        family = {
            "type": "family",
            "id": uid(),
            "settlement_id": settlement["id"],
            "address": f"вул. Центральна, {n % 300 + 1}",
            "phone": f"+38050{n:07d}",
            "categories": ["idp"] if n % 3 else ["large_family", "military_family"],
            "factors": ["low_income"],
            "on_record_from": "2024-01-15",
        }
        out.append(family)
        for k, relation in enumerate(("mother", "child", "child")):
            out.append(
                {
                    "type": "person",
                    "id": uid(),
                    "family_id": family["id"],
                    "surname": rnd.choice(SURNAMES),
                    "given_name": rnd.choice(NAMES),
                    "sex": "F" if k == 0 else rnd.choice("FM"),
                    "birth_date": f"{1980 + k * 20 + n % 5}-0{1 + n % 9}-1{n % 9}",
                    "relation": relation,
                }
            )
    return out


def sqlite_floor(records: list[dict], folder: Path, with_log: bool = False) -> float:
    """Seconds for raw sqlite3 to insert the same rows in one transaction; `with_log` adds
    the change-log row Opora writes for each record (same columns, same JSON)."""
    path = folder / f"floor-{with_log}.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    for name in ("district", "settlement", "family", "person"):
        columns = ", ".join(("id", *TYPES[name].field_names))
        connection.execute(f"CREATE TABLE t_{name} ({columns})")
    connection.execute("CREATE TABLE t_changes (origin, seq, hlc, entity, record_id, data, bases)")
    started = time.perf_counter()
    with connection:
        for name in ("district", "settlement", "family", "person"):
            fields = ("id", *TYPES[name].field_names)
            rows = [
                tuple(
                    json.dumps(r.get(f)) if isinstance(r.get(f), list) else r.get(f) for f in fields
                )
                for r in records
                if r["type"] == name
            ]
            marks = ", ".join("?" for _ in fields)
            connection.executemany(f"INSERT INTO t_{name} VALUES ({marks})", rows)
        if with_log:
            log = [
                (
                    "device",
                    n,
                    f"{n:016x}",
                    r["type"],
                    r["id"],
                    json.dumps(r, ensure_ascii=False),
                    "{}",
                )
                for n, r in enumerate(records, start=1)
            ]
            connection.executemany("INSERT INTO t_changes VALUES (?, ?, ?, ?, ?, ?, ?)", log)
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def measure(records_file: Path, folder: Path, encrypted: bool) -> tuple[float, float, int]:
    """(import seconds, export seconds, exported lines) for a new centre database."""
    db = init_centre(
        folder / f"bench-{encrypted}.db",
        name="ЦНСП",
        admin="a",
        password="bench",
        encrypted=encrypted,
    )
    started = time.perf_counter()
    import_records(db, records_file)
    imported = time.perf_counter() - started
    started = time.perf_counter()
    lines = sum(1 for _ in export_records(db))
    exported = time.perf_counter() - started
    db.close()
    return imported, exported, lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", type=int, default=25_000)
    args = parser.parse_args()
    records = make_records(args.families)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "records.jsonl"
        source.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8"
        )
        floor = sqlite_floor(records, folder)
        floor_log = sqlite_floor(records, folder, with_log=True)
        print(f"records: {len(records):,} ({args.families:,} families × 3 persons + 2)")
        print(f"floor: raw sqlite3 insert of the record rows, one transaction: {floor:.3f} s")
        print(f"floor with the change-log rows Opora also writes: {floor_log:.3f} s")
        for encrypted in (False, True):
            imported, exported, lines = measure(source, folder, encrypted)
            kind = "SQLCipher" if encrypted else "plain SQLite"
            print(
                f"{kind:>12}: import {imported:.3f} s = {imported / floor:.1f}× floor "
                f"({imported / floor_log:.1f}× with change log); "
                f"export of {lines:,} records {exported:.3f} s"
            )


if __name__ == "__main__":
    main()
