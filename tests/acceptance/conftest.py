"""Helpers for black-box tests: run `python -m app …` as a subprocess on real files.

Nothing here imports the application: every check goes through the command line of
/work/shared/CONTRACT.md, the way the hidden acceptance tests do.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.pg import Cluster

PASSWORD = "acceptance-secret-1"
FIELD_PASSWORD = "field-secret-2"
CENTRE_NAME = "ЦНСП Малинської громади"
ROOT = Path(__file__).resolve().parents[2]
CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
_NS = uuid.UUID("6f1c3a52-9a43-4d2e-9d55-0c7b6a0e1a11")

# The interchange table of CONTRACT.md, in its order.
CONTRACT_FIELDS: dict[str, tuple[str, ...]] = {
    "district": ("name", "community"),
    "settlement": ("name", "district_id"),
    "family": (
        "settlement_id",
        "address",
        "phone",
        "categories",
        "factors",
        "on_record_from",
        "on_record_to",
        "close_reason",
        "specialist",
        "responsible",
        "restricted",
        "notes",
        "card_number",
        "take_reason",
        "organisations",
    ),
    "person": (
        "family_id",
        "surname",
        "given_name",
        "patronymic",
        "sex",
        "birth_date",
        "relation",
        "phone",
        "rnokpp",
        "disability",
        "notes",
        "registered_address",
        "actual_address",
        "legal_capacity",
        "work_study",
    ),
    "notification": (
        "family_id",
        "date",
        "source",
        "summary",
        "number",
        "person_name",
        "address",
        "settlement_id",
    ),
    "assessment": (
        "family_id",
        "started",
        "finished",
        "sjo_present",
        "parental_capacity",
        "needed_services",
        "conclusion",
        "notification_id",
        "specialist",
        "act",
        "sjo_causes",
        "child_trauma",
        "environment_impact",
        "problem_duration",
        "family_aware",
        "family_ready",
        "decision",
        "family_agrees",
        "family_remarks",
        "participants",
        "approved_by",
        "case_level",
    ),
    "visit": ("family_id", "date", "purpose", "result"),
    "service": ("family_id", "person_id", "service_code", "date", "minutes", "form", "notes"),
    "group": (
        "name",
        "target_category",
        "district_id",
        "place",
        "facilitator",
        "start_date",
        "end_date",
    ),
    "participant": ("group_id", "person_id", "name", "phone"),
    "session": ("group_id", "date", "time", "topic", "format"),
    "attendance": ("session_id", "participant_id", "mark"),
    "intake": (
        "date",
        "visitor_name",
        "phone",
        "person_id",
        "family_id",
        "settlement_id",
        "summary",
        "specialist",
    ),
    "referral": (
        "date",
        "intake_id",
        "person_id",
        "family_id",
        "to_whom",
        "reason",
        "outcome",
        "outcome_date",
    ),
}
TYPE_ORDER = list(CONTRACT_FIELDS)
LIST_FIELDS = {"categories", "factors", "needed_services"}

CATEGORIES = (
    "idp military_family veteran_family fallen_family missing_family violence_survivor orphan "
    "foster_family family_type_home guardian_family patronage_family large_family "
    "single_parent elderly disability law_problems intended_abandonment birth_allowance_family "
    "birth_family_of_fostered_child"
).split()
SERVICE_CODES = (
    "001.0 002.0 003.0 004.0 009.1 010.2 012.0 013.0 015.1 015.3 021.0 010.1 011.0 005.0 "
    "007.0 014.0 019.0"
).split()


def uid(name: str) -> str:
    """A stable UUID for a readable name (records in the tests are named, not numbered)."""
    return str(uuid.uuid5(_NS, name))


@dataclass
class Result:
    """What a finished command left behind."""

    args: list[str]
    code: int
    out: str
    err: str

    def json(self) -> Any:
        """stdout as exactly one JSON document (fails the test otherwise)."""
        try:
            return json.loads(self.out)
        except ValueError as error:  # pragma: no cover - a failure message
            raise AssertionError(
                f"stdout of {self.args} is not one JSON document: {error}\n{self.out!r}"
            ) from None

    def __str__(self) -> str:
        return f"{self.args} -> {self.code}\nstdout: {self.out[:2000]}\nstderr: {self.err[:2000]}"


# Every message the session's commands printed on stderr, and the folder their failure log
# is written under (XDG_STATE_HOME): test_privacy.py greps both for the test data's names.
MESSAGES: list[str] = []
STATE_HOME: list[Path] = []


@pytest.fixture(scope="session", autouse=True)
def state_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The user state folder (and so the failure log) of every command of the session."""
    folder = tmp_path_factory.mktemp("state-home")
    STATE_HOME[:] = [folder]
    return folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The privacy check runs last, over the messages of every command before it."""
    last = [item for item in items if item.name.startswith("test_zz_")]
    items[:] = [item for item in items if item not in last] + last


def _env(password: str | None, lang: str | None, extra: dict[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPORA_")}
    env["PYTHONIOENCODING"] = "utf-8"
    if STATE_HOME:
        env["XDG_STATE_HOME"] = str(STATE_HOME[0])
    env.pop("PYTHONWARNINGS", None)
    if password is not None:
        env["OPORA_PASSWORD"] = password
    if lang is not None:
        env["OPORA_LANG"] = lang
    env.update(extra or {})
    return env


def command(*args: Any, db: Path | str | None = None, user: str | None = None) -> list[str]:
    argv = [sys.executable, "-m", "app"]
    if db is not None:
        argv += ["--db", str(db)]
    if user is not None:
        argv += ["--user", user]
    return argv + [str(a) for a in args]


def opora(
    *args: Any,
    db: Path | str | None = None,
    user: str | None = None,
    password: str | None = PASSWORD,
    lang: str | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    file_size_limit: int | None = None,
) -> Result:
    """Run one command to the end; a Python traceback is always a failure.

    `file_size_limit` caps every file the command writes (RLIMIT_FSIZE), as a full disk
    would: a write past it fails with EFBIG."""
    argv = command(*args, db=db, user=user)
    done = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(password, lang, env),
        cwd=str(cwd or ROOT),
        stdin=subprocess.DEVNULL,
        timeout=180,
        preexec_fn=None if file_size_limit is None else _limit_file_size(file_size_limit),
    )
    MESSAGES.append(done.stderr)
    result = Result(argv[3:], done.returncode, done.stdout, done.stderr)
    assert "Traceback (most recent call last)" not in done.stderr, str(result)
    assert done.returncode in (0, 1, 2, 3, 4, 5, 6), str(result)
    return result


def _limit_file_size(limit: int) -> Any:
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def opora_many(calls: Sequence[tuple[Sequence[Any], dict[str, Any]]]) -> list[Result]:
    """Run independent commands side by side (each process takes ~1 s to start)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(opora, *args, **kwargs) for args, kwargs in calls]
        return [f.result() for f in futures]


def write_lines(path: Path, records: Iterable[dict[str, Any] | str]) -> Path:
    """An interchange file: one JSON object a line (strings are written as they are)."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            text = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
            handle.write(text + "\n")
    return path


def copy_db(source: Path | str, target: Path) -> Path | str:
    """Copy a database file and whatever sits beside it under the same name (keys, WAL);
    a PostgreSQL database (a URL) is copied into a new database of the same server."""
    if isinstance(source, str):
        return copy_pg_database(source)
    for item in source.parent.iterdir():
        if item.name == source.name or item.name.startswith(source.name):
            shutil.copyfile(item, target.parent / (target.name + item.name[len(source.name) :]))
    return target


# PostgreSQL databases made by the fixtures: URL -> (cluster, database name).
_PG_DATABASES: dict[str, tuple[Cluster, str]] = {}


def copy_pg_database(url: str) -> str:
    """A new database of the same server holding a copy of the one at `url`."""
    cluster, name = _PG_DATABASES[url]
    copy = cluster.new_database(template=name)
    copied = cluster.url(copy)
    _PG_DATABASES[copied] = (cluster, copy)
    return copied


def export_lines(db: Path | str, **kwargs: Any) -> list[str]:
    result = opora("records", "export", db=db, **kwargs)
    assert result.code == 0, str(result)
    return result.out.splitlines()


def export_records(db: Path | str, **kwargs: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in export_lines(db, **kwargs)]


def by_id(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


def ukrainian(err: str) -> bool:
    """Whether a message is in Ukrainian beyond its «помилка:» prefix."""
    return CYRILLIC.search(err.replace("помилка:", "")) is not None


def names_location(err: str, file: Path, line: int, field: str) -> bool:
    """Whether a message names the file, the line and the field."""
    return file.name in err and re.search(rf"\b{line}\b", err) is not None and field in err


# ---------------------------------------------------------------------------- data sets


def sample_records() -> list[dict[str, Any]]:
    """Every type and every field of the contract, Ukrainian text, references in order."""
    d1, d2 = uid("district:Морозівський"), uid("district:Любовицький")
    s1, s2 = uid("settlement:Морозівка"), uid("settlement:Любовичі")
    f1, f2 = uid("family:1"), uid("family:2")
    mother, son, alone = uid("person:mother"), uid("person:son"), uid("person:alone")
    group = uid("group:1")
    pa1, pa2 = uid("participant:1"), uid("participant:2")
    se1, se2 = uid("session:1"), uid("session:2")
    return [
        {"type": "district", "id": d1, "name": "Морозівський", "community": "Малинська"},
        {"type": "district", "id": d2, "name": "Любовицький", "community": "Малинська"},
        {"type": "settlement", "id": s1, "name": "Морозівка", "district_id": d1},
        {"type": "settlement", "id": s2, "name": "Любовичі", "district_id": d2},
        {
            "type": "family",
            "id": f1,
            "settlement_id": s1,
            "address": "вул. Шевченка, 5",
            "phone": "+380501234567",
            "categories": ["single_parent", "idp"],
            "factors": ["low_parenting_capacity", "low_income"],
            "on_record_from": "2024-02-01",
            "on_record_to": None,
            "close_reason": None,
            "specialist": "Олена Коваль",
            "responsible": "admin",
            "restricted": False,
            "notes": "«Лапки», апостроф ʼ і 'простий', ґ, є, ї",
        },
        {
            "type": "family",
            "id": f2,
            "settlement_id": s2,
            "address": None,
            "phone": None,
            "categories": ["military_family"],
            "factors": None,
            "on_record_from": "2023-05-10",
            "on_record_to": "2024-06-30",
            "close_reason": "подолано СЖО",
            "specialist": None,
            "responsible": "admin",
            "restricted": True,
            "notes": None,
        },
        {
            "type": "person",
            "id": mother,
            "family_id": f1,
            "surname": "Коваленко",
            "given_name": "Марія",
            "patronymic": "Іванівна",
            "sex": "F",
            "birth_date": "1990-03-15",
            "relation": "мати",
            "phone": "+380671112233",
            "rnokpp": None,
            "disability": False,
            "notes": None,
        },
        {
            "type": "person",
            "id": son,
            "family_id": f1,
            "surname": "Коваленко",
            "given_name": "Петро",
            "sex": "M",
            "birth_date": "2015-09-01",
            "relation": "син",
            "disability": True,
        },
        {
            "type": "person",
            "id": alone,
            "family_id": None,
            "surname": "Їжак",
            "given_name": "Ґанна",
        },
        {
            "type": "notification",
            "id": uid("notification:1"),
            "family_id": f1,
            "date": "2024-01-20",
            "source": "школа",
            "summary": "дитина пропускає заняття",
        },
        {
            "type": "assessment",
            "id": uid("assessment:1"),
            "family_id": f1,
            "started": "2024-01-22",
            "finished": "2024-01-26",
            "sjo_present": True,
            "parental_capacity": "low",
            "needed_services": ["010.1", "002.0"],
            "conclusion": "СЖО є",
        },
        {
            "type": "visit",
            "id": uid("visit:1"),
            "family_id": f1,
            "date": "2024-03-05",
            "purpose": "оцінка умов",
            "result": "умови задовільні",
        },
        {
            "type": "service",
            "id": uid("service:1"),
            "family_id": f1,
            "person_id": None,
            "service_code": "002.0",
            "date": "2024-03-05",
            "minutes": 45,
            "form": "individual",
            "notes": None,
        },
        {
            "type": "service",
            "id": uid("service:2"),
            "person_id": alone,
            "service_code": "015.1",
            "date": "2024-03-06",
            "minutes": 60,
            "form": "group",
        },
        {
            "type": "group",
            "id": group,
            "name": "Мами разом",
            "target_category": "single_parent",
            "district_id": d1,
            "place": "клуб",
            "facilitator": "Олена Коваль",
            "start_date": "2024-03-01",
            "end_date": "2024-08-31",
        },
        {"type": "participant", "id": pa1, "group_id": group, "person_id": mother},
        {
            "type": "participant",
            "id": pa2,
            "group_id": group,
            "person_id": None,
            "name": "Оксана Стороння",
            "phone": "+380931234567",
        },
        {
            "type": "session",
            "id": se1,
            "group_id": group,
            "date": "2024-03-10",
            "time": "15:00",
            "topic": "Знайомство",
            "format": "talk",
        },
        {
            "type": "session",
            "id": se2,
            "group_id": group,
            "date": "2024-03-17",
            "time": "15:30",
            "topic": "Стрес і відпочинок",
            "format": "forum_theatre",
        },
        {
            "type": "attendance",
            "id": uid("attendance:1"),
            "session_id": se1,
            "participant_id": pa1,
            "mark": "present",
        },
        {
            "type": "attendance",
            "id": uid("attendance:2"),
            "session_id": se1,
            "participant_id": pa2,
            "mark": "absent",
        },
        {
            "type": "attendance",
            "id": uid("attendance:3"),
            "session_id": se2,
            "participant_id": pa2,
            "mark": "excused",
        },
        {
            "type": "intake",
            "id": uid("intake:1"),
            "date": "2024-05-06",
            "visitor_name": "Відвідувачка без картки",
            "phone": "+380671234567",
            "settlement_id": s1,
            "summary": "Питання щодо допомоги ВПО",
            "specialist": "Ірина Ґудзь",
        },
        {
            "type": "referral",
            "id": uid("referral:1"),
            "date": "2024-05-06",
            "intake_id": uid("intake:1"),
            "to_whom": "ЦНАП",
            "reason": "Оформлення довідки ВПО",
            "outcome": "accepted",
            "outcome_date": "2024-05-10",
        },
    ]


def canonical(record: dict[str, Any]) -> str:
    """What CONTRACT.md's canonical line for a record is: every field, null when empty,
    keys and lists sorted, no ASCII escaping."""
    full: dict[str, Any] = {"type": record["type"], "id": record["id"]}
    for name in CONTRACT_FIELDS[record["type"]]:
        value = record.get(name)
        if value in ("", []):
            value = None
        if isinstance(value, list):
            value = sorted(value)
        full[name] = value
    return json.dumps(full, sort_keys=True, ensure_ascii=False)


def canonical_export(records: Iterable[dict[str, Any]]) -> list[str]:
    """The expected export of a set of records (the last line for an id wins)."""
    merged: dict[str, dict[str, Any]] = {}
    for record in records:
        merged.setdefault(record["id"], {}).update(record)
    live = [r for r in merged.values() if not r.get("deleted")]
    live.sort(key=lambda r: (TYPE_ORDER.index(r["type"]), r["id"]))
    return [canonical({k: v for k, v in r.items() if k != "deleted"}) for r in live]


# ------------------------------------------------------------------------------ fixtures


ENGINES = ("sqlite", "postgresql")


def _init_centre(db: Path | str) -> None:
    result = opora(
        "init", "centre", "--name", CENTRE_NAME, "--admin", "admin", "--no-encryption", db=db
    )
    assert result.code == 0, str(result)


@pytest.fixture(scope="session")
def sqlite_centre_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One plain centre database file, made once by `init centre`."""
    path = tmp_path_factory.mktemp("template") / "centre.db"
    _init_centre(path)
    return path


@pytest.fixture(scope="session")
def pg_centre_template(pg_cluster: Cluster) -> str:
    """One centre database on the test PostgreSQL server, made once by `init centre`."""
    name = pg_cluster.new_database()
    url = pg_cluster.url(name)
    _PG_DATABASES[url] = (pg_cluster, name)
    _init_centre(url)
    return url


@pytest.fixture(scope="session", params=ENGINES)
def centre_template(request: pytest.FixtureRequest) -> Path | str:
    """The centre template of each engine: the contract suites run on SQLite and on
    PostgreSQL alike (an SQLite file path, or a PostgreSQL URL)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_centre_template")
    return request.getfixturevalue("pg_centre_template")


def _sample(folder: Path, template: Path | str) -> Path | str:
    db = copy_db(template, folder / "sample.db")
    source = write_lines(folder / "sample.jsonl", sample_records())
    result = opora("records", "import", source, db=db)
    assert result.code == 0, str(result)
    return db


@pytest.fixture(scope="session")
def sample_template(
    tmp_path_factory: pytest.TempPathFactory, centre_template: Path | str
) -> Path | str:
    """The centre database holding `sample_records()`."""
    return _sample(tmp_path_factory.mktemp("sample"), centre_template)


@pytest.fixture(scope="session")
def sqlite_sample_template(
    tmp_path_factory: pytest.TempPathFactory, sqlite_centre_template: Path
) -> Path:
    """The centre database file holding `sample_records()` (for what only a file has)."""
    return Path(_sample(tmp_path_factory.mktemp("sqlite-sample"), sqlite_centre_template))


@pytest.fixture
def centre(tmp_path: Path, centre_template: Path | str) -> Path | str:
    """A fresh, empty plain centre database of this test (a file, or a PostgreSQL URL)."""
    return copy_db(centre_template, tmp_path / "centre.db")


@pytest.fixture
def sample_db(tmp_path: Path, sample_template: Path | str) -> Path | str:
    """A plain centre database holding `sample_records()`, of this test."""
    return copy_db(sample_template, tmp_path / "sample.db")


@pytest.fixture
def sqlite_centre(tmp_path: Path, sqlite_centre_template: Path) -> Path:
    """A fresh, empty plain centre database file (for what only a file has: backups)."""
    return Path(copy_db(sqlite_centre_template, tmp_path / "centre.db"))


@pytest.fixture
def sqlite_sample_db(tmp_path: Path, sqlite_centre_template: Path) -> Path:
    """A plain centre database file holding `sample_records()`."""
    return Path(_sample(tmp_path, sqlite_centre_template))
