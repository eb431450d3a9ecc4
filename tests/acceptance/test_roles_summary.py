"""`report summary` counts only what the signed-in account may see: a restricted family the
account may not see, and everything that hangs on it, is left out of the JSON, the PDF and the
XLSX, exactly as if it had been deleted (CONTRACT.md «Accounts and roles»)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.acceptance.conftest import (
    PASSWORD,
    copy_db,
    opora,
    opora_many,
    sample_records,
    uid,
    write_lines,
)

ROLE_PASSWORD = "рольовий-пароль-7"
RESTRICTED = uid("family:2")  # Любовицький, on record 2023-05-10 … 2024-06-30
CHILD = uid("person:restricted-child")
PERIOD = ("--from", "2024-01-01", "--to", "2024-05-31")
USERS = {
    "admin": ("admin", PASSWORD),
    "head": ("olena", ROLE_PASSWORD),  # the restricted family's responsible
    "specialist": ("petro", ROLE_PASSWORD),  # Любовицький, not responsible
    "viewer": ("ivan", ROLE_PASSWORD),
}


def hanging_records() -> list[dict[str, Any]]:
    """Everything that may hang on the restricted family, dated inside the period."""
    f2, s2 = RESTRICTED, uid("settlement:Любовичі")
    return [
        {"type": "family", "id": f2, "factors": ["low_parenting_capacity"]},
        {
            "type": "person",
            "id": CHILD,
            "family_id": f2,
            "surname": "Захищена",
            "given_name": "Дарина",
            "sex": "F",
            "birth_date": "2016-04-02",
            "disability": True,
        },
        {
            "type": "notification",
            "id": uid("n:r"),
            "family_id": f2,
            "date": "2024-02-02",
            "source": "поліція",
        },
        {"type": "visit", "id": uid("v:r"), "family_id": f2, "date": "2024-02-03"},
        {
            "type": "assessment",
            "id": uid("a:r"),
            "family_id": f2,
            "started": "2024-02-04",
            "finished": "2024-02-05",
            "parental_capacity": "low",
        },
        {
            "type": "service",
            "id": uid("s:r1"),
            "family_id": f2,
            "service_code": "005.0",
            "date": "2024-02-06",
        },
        {
            "type": "service",
            "id": uid("s:r2"),
            "person_id": CHILD,
            "service_code": "002.0",
            "date": "2024-02-07",
        },
        {
            "type": "intake",
            "id": uid("i:r"),
            "date": "2024-02-08",
            "family_id": f2,
            "settlement_id": s2,
        },
        {
            "type": "referral",
            "id": uid("r:r"),
            "date": "2024-02-09",
            "intake_id": uid("i:r"),
            "to_whom": "ЦНАП",
            "outcome": "accepted",
        },
        {
            "type": "referral",
            "id": uid("r:r2"),
            "date": "2024-02-10",
            "person_id": CHILD,
            "to_whom": "лікарня",
        },
    ]


def deletions() -> list[dict[str, Any]]:
    """The restricted family and what hangs on it, deleted (children first)."""
    ids = [(r["type"], r["id"]) for r in reversed(hanging_records()) if r["type"] != "family"]
    return [{"type": t, "id": i, "deleted": True} for t, i in ids] + [
        {"type": "family", "id": RESTRICTED, "deleted": True}
    ]


@pytest.fixture(scope="module")
def centres(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A centre whose restricted family (responsible: the head) has something of every kind
    hanging on it, and a copy of it where that family has been deleted."""
    folder = tmp_path_factory.mktemp("roles-summary")
    db = folder / "centre.db"
    admin = {"user": "admin"}
    done = opora("init", "centre", "--name", "ЦНСП", "--admin", "admin", "--no-encryption", db=db)
    assert done.code == 0, str(done)
    done = opora("records", "import", write_lines(folder / "s.jsonl", sample_records()), db=db)
    assert done.code == 0, str(done)
    new = {"OPORA_NEW_PASSWORD": ROLE_PASSWORD}
    for role, district in (("head", None), ("specialist", "Любовицький"), ("viewer", None)):
        extra = ["--district", district] if district else []
        login = USERS[role][0]
        done = opora("accounts", "add", login, "--role", role, *extra, db=db, env=new, **admin)
        assert done.code == 0, str(done)
    restrict = {"type": "family", "id": RESTRICTED, "responsible": "olena", "restricted": True}
    lines = write_lines(folder / "r.jsonl", [restrict, *hanging_records()])
    done = opora("records", "import", lines, db=db, **admin)
    assert done.code == 0, str(done)
    without = Path(copy_db(db, folder / "without.db"))
    done = opora(
        "records", "import", write_lines(folder / "d.jsonl", deletions()), db=without, **admin
    )
    assert done.code == 0, str(done)
    return db, without


def summary(db: Path, role: str, tmp_path: Path, fmt: str = "json") -> Any:
    login, password = USERS[role]
    out = tmp_path / f"{db.stem}-{role}.{fmt}"
    args = ["report", "summary", *PERIOD, "--format", fmt, "--out", out]
    done = opora(*args, db=db, user=login, password=password)
    assert done.code == 0, str(done)
    return out


def test_summary_leaves_out_what_the_account_may_not_see(
    centres: tuple[Path, Path], tmp_path: Path
) -> None:
    db, without = centres
    calls = [
        (
            ["report", "summary", *PERIOD, "--format", "json", "--out", "-"],
            {"db": base, "user": USERS[role][0], "password": USERS[role][1]},
        )
        for base, role in (
            (db, "admin"),
            (db, "head"),
            (db, "specialist"),
            (db, "viewer"),
            (without, "admin"),
        )
    ]
    results = opora_many(calls)
    for result in results:
        assert result.code == 0, str(result)
    admin, head, specialist, viewer, deleted = (json.loads(r.out) for r in results)
    # the family and what hangs on it do count for who may see it …
    assert admin == head
    assert admin != deleted
    assert admin["families_on_record"] == deleted["families_on_record"] + 1
    assert admin["by_district"]["Любовицький"]["on_record"] == 1
    assert admin["children_in_families_on_record"] > deleted["children_in_families_on_record"]
    assert admin["intake_consultations"] > deleted["intake_consultations"]
    # … and for the others the summary is the one of a database without it
    assert specialist == deleted
    assert viewer == deleted


def test_summary_files_leave_it_out_too(centres: tuple[Path, Path], tmp_path: Path) -> None:
    db, without = centres
    for fmt in ("xlsx", "pdf"):
        seen = read(summary(db, "viewer", tmp_path, fmt))
        expected = read(summary(without, "admin", tmp_path, fmt))
        full = read(summary(db, "admin", tmp_path, fmt))
        assert seen == expected, fmt
        assert full != expected, fmt


def read(path: Path) -> Any:
    """The cells of every sheet of an XLSX, or the text of every page of a PDF."""
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
    return [page.extract_text() for page in PdfReader(path).pages]
