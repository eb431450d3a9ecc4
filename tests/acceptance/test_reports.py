"""`report summary|attendance|registration`: the «Summary JSON» of CONTRACT.md, counted by hand
from a data set built for it, and the printouts as PDF files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.acceptance.conftest import (
    CATEGORIES,
    CYRILLIC,
    SERVICE_CODES,
    copy_db,
    opora,
    opora_many,
    uid,
    write_lines,
)

D1, D2, D3 = "Морозівський", "Любовицький", "Ворсівський"
TOP_KEYS = [
    "from",
    "to",
    "district",
    "families_covered",
    "families_on_record",
    "children_in_families_on_record",
    "families_low_parenting_capacity",
    "notifications",
    "home_visits",
    "needs_assessments",
    "services",
    "groups",
    "by_category",
    "by_district",
    "persons",
    "service_events",
    "services_by_category",
    "sessions_by_target",
    "intake_consultations",
    "referrals",
]


def _family(name: str, settlement: str, **fields: Any) -> dict[str, Any]:
    return {"type": "family", "id": uid(name), "settlement_id": uid(settlement), **fields}


def _person(name: str, family: str | None, birth: str | None) -> dict[str, Any]:
    return {
        "type": "person",
        "id": uid(name),
        "family_id": uid(family) if family else None,
        "surname": "Прізвище",
        "given_name": name,
        "birth_date": birth,
    }


def _event(kind: str, name: str, family: str, date: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, "id": uid(name), "family_id": uid(family), "date": date, **fields}


def summary_records() -> list[dict[str, Any]]:
    """Period 2024-01-01 … 2024-12-31; expected figures are in `test_summary_whole_period`."""
    r: list[dict[str, Any]] = [
        {"type": "district", "id": uid("d1"), "name": D1},
        {"type": "district", "id": uid("d2"), "name": D2},
        {"type": "district", "id": uid("d3"), "name": D3},
        {"type": "settlement", "id": uid("s1"), "name": "Морозівка", "district_id": uid("d1")},
        {"type": "settlement", "id": uid("s2"), "name": "Любовичі", "district_id": uid("d2")},
        # F1: on record, 2 children (one turns 18 exactly on `to`: not a child).
        _family(
            "F1",
            "s1",
            categories=["idp", "single_parent"],
            factors=["low_parenting_capacity"],
            on_record_from="2023-01-10",
        ),
        # F2: taken on record exactly on `to`: on record.
        _family("F2", "s1", categories=["military_family"], on_record_from="2024-12-31"),
        # F3: taken off record exactly on `to`: not on record.
        _family(
            "F3",
            "s2",
            categories=["idp"],
            on_record_from="2022-01-01",
            on_record_to="2024-12-31",
            close_reason="подолано",
        ),
        # F4: taken on after the period; its factor does not count.
        _family(
            "F4",
            "s2",
            categories=["large_family"],
            factors=["low_parenting_capacity"],
            on_record_from="2025-01-05",
        ),
        # F5: restricted, off record after `to`: on record; low parenting capacity.
        _family(
            "F5",
            "s2",
            categories=["veteran_family"],
            factors=["low_income", "low_parenting_capacity"],
            on_record_from="2024-03-01",
            on_record_to="2025-02-01",
            restricted=True,
        ),
        # F6: on record, deleted below: counts nowhere.
        _family("F6", "s1", categories=["orphan"], on_record_from="2020-01-01"),
        _person("mother1", "F1", "1990-05-05"),
        _person("child1", "F1", "2010-06-01"),
        _person("adult18", "F1", "2006-12-31"),
        _person("child17", "F1", "2007-01-01"),
        _person("child2", "F2", "2020-01-01"),
        _person("child3", "F3", "2015-01-01"),
        _person("child6", "F6", "2015-01-01"),
        _person("nobirth", "F5", None),
        _person("alone", None, "1950-02-02"),
        # Services.
        _event("service", "sv1", "F1", "2024-02-10", service_code="002.0"),
        _event("service", "sv2", "F1", "2024-03-10", service_code="002.0"),
        {
            "type": "service",
            "id": uid("sv3"),
            "person_id": uid("child2"),
            "service_code": "015.1",
            "date": "2024-05-05",
        },
        {
            "type": "service",
            "id": uid("sv4"),
            "person_id": uid("alone"),
            "service_code": "001.0",
            "date": "2024-08-08",
        },
        _event("service", "sv5", "F4", "2023-12-31", service_code="012.0"),
        _event("service", "sv6", "F5", "2025-01-01", service_code="012.0"),
        _event("service", "sv7", "F4", "2024-04-04", service_code="013.0"),
        # Visits and notifications.
        _event("visit", "v1", "F1", "2024-04-01"),
        _event("visit", "v2", "F3", "2024-06-01"),
        _event("visit", "v3", "F2", "2025-01-01"),
        _event("notification", "n1", "F1", "2024-01-01", source="школа"),
        _event("notification", "n2", "F2", "2023-12-31"),
        _event("notification", "n3", "F5", "2024-12-31"),
        # n4: before any family exists (an address only): counts, in no district
        {"type": "notification", "id": uid("n4"), "date": "2024-05-05", "address": "вул. Лісна, 2"},
        # Assessments: by `finished`, else `started`.
        {
            "type": "assessment",
            "id": uid("a1"),
            "family_id": uid("F5"),
            "started": "2023-12-20",
            "finished": "2024-01-05",
        },
        {"type": "assessment", "id": uid("a2"), "family_id": uid("F1"), "started": "2024-07-01"},
        {
            "type": "assessment",
            "id": uid("a3"),
            "family_id": uid("F3"),
            "started": "2024-12-20",
            "finished": "2025-01-10",
        },
        # Groups: G1 (D1) active by dates and sessions; G2 (D2) ended in 2023; G3 (D2) has
        # no dates, active through a session.
        {
            "type": "group",
            "id": uid("G1"),
            "name": "Мами разом",
            "district_id": uid("d1"),
            "start_date": "2024-02-01",
            "end_date": "2024-06-30",
        },
        {
            "type": "group",
            "id": uid("G2"),
            "name": "Минула",
            "district_id": uid("d2"),
            "start_date": "2023-01-01",
            "end_date": "2023-12-31",
        },
        {"type": "group", "id": uid("G3"), "name": "Без дат", "district_id": uid("d2")},
        {
            "type": "participant",
            "id": uid("pa1"),
            "group_id": uid("G1"),
            "person_id": uid("mother1"),
        },
        {"type": "participant", "id": uid("pa2"), "group_id": uid("G1"), "name": "Оксана"},
        {"type": "participant", "id": uid("pa3"), "group_id": uid("G2"), "name": "Давня"},
        {
            "type": "participant",
            "id": uid("pa4"),
            "group_id": uid("G3"),
            "person_id": uid("mother1"),
        },
        {"type": "participant", "id": uid("pa5"), "group_id": uid("G3"), "name": "Галина"},
        {"type": "session", "id": uid("se1"), "group_id": uid("G1"), "date": "2024-02-10"},
        {"type": "session", "id": uid("se2"), "group_id": uid("G1"), "date": "2024-03-10"},
        {"type": "session", "id": uid("se3"), "group_id": uid("G1"), "date": "2025-02-01"},
        {"type": "session", "id": uid("se4"), "group_id": uid("G2"), "date": "2023-06-01"},
        {"type": "session", "id": uid("se5"), "group_id": uid("G3"), "date": "2024-09-09"},
        *(
            {
                "type": "attendance",
                "id": uid(f"at:{s}:{p}"),
                "session_id": uid(s),
                "participant_id": uid(p),
                "mark": mark,
            }
            for s, p, mark in [
                ("se1", "pa1", "present"),
                ("se1", "pa2", "present"),
                ("se2", "pa1", "present"),
                ("se2", "pa2", "absent"),
                ("se3", "pa1", "present"),
                ("se4", "pa3", "present"),
                ("se5", "pa4", "present"),
                ("se5", "pa5", "excused"),
            ]
        ),
        # Deletions: a family on record with its child, and a service in the period.
        {"type": "person", "id": uid("child6"), "deleted": True},
        {"type": "family", "id": uid("F6"), "deleted": True},
        {"type": "service", "id": uid("sv7"), "deleted": True},
    ]
    return r


@pytest.fixture(scope="module")
def summary_db(tmp_path_factory: pytest.TempPathFactory, centre_template: Path) -> Path:
    folder = tmp_path_factory.mktemp("summary")
    db = copy_db(centre_template, folder / "summary.db")
    result = opora("records", "import", write_lines(folder / "s.jsonl", summary_records()), db=db)
    assert result.code == 0, str(result)
    return db


@pytest.fixture(scope="module")
def summaries(summary_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every summary the tests read, made side by side."""
    folder = tmp_path_factory.mktemp("summaries")
    period = ("--from", "2024-01-01", "--to", "2024-12-31")
    calls = {
        "whole": ("report", "summary", *period, "--format", "json", "--out", folder / "w.json"),
        "district": (
            "report",
            "summary",
            *period,
            "--district",
            D2,
            "--format",
            "json",
            "--out",
            folder / "d.json",
        ),
        "stdout": ("report", "summary", *period, "--format", "json", "--out", "-"),
        "pdf": ("report", "summary", *period, "--format", "pdf", "--out", folder / "s.pdf"),
        "json_flag": (
            "--json",
            "report",
            "summary",
            *period,
            "--format",
            "xlsx",
            "--out",
            folder / "s.xlsx",
        ),
        "reversed": (
            "report",
            "summary",
            "--from",
            "2024-12-31",
            "--to",
            "2024-01-01",
            "--format",
            "json",
            "--out",
            folder / "r.json",
        ),
        "unknown_district": (
            "report",
            "summary",
            *period,
            "--district",
            "Немає такого",
            "--format",
            "json",
            "--out",
            folder / "u.json",
        ),
    }
    results = opora_many([(args, {"db": summary_db}) for args in calls.values()])
    return {"folder": folder, **dict(zip(calls, results, strict=True))}


def _zero_free(counts: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in counts.items() if v not in (0, {"covered": 0, "on_record": 0})}


def test_summary_whole_period(summaries: dict[str, Any]) -> None:
    result = summaries["whole"]
    assert result.code == 0, str(result)
    path = summaries["folder"] / "w.json"
    text = path.read_text(encoding="utf-8")
    summary = json.loads(text)
    assert list(summary) == TOP_KEYS
    assert summary["from"] == "2024-01-01" and summary["to"] == "2024-12-31"
    assert summary["district"] is None
    # F1, F2 (service to its child), F3 (visit), F5 (assessment finished in the period),
    # and the person without a family (service).
    assert summary["families_covered"] == 5
    assert summary["families_on_record"] == 3  # F1, F2, F5
    assert summary["children_in_families_on_record"] == 3  # child1, child17, child2
    assert summary["families_low_parenting_capacity"] == 2  # F1, F5
    assert summary["notifications"] == 3  # n1 (on `from`), n3 (on `to`), n4 (no family)
    assert summary["home_visits"] == 2  # v1, v2
    assert summary["needs_assessments"] == 2  # a1 (finished in), a2 (started in, open)
    assert _zero_free(summary["services"]) == {"002.0": 1, "015.1": 1, "001.0": 1}
    assert set(summary["services"]) <= set(SERVICE_CODES)
    groups = summary["groups"]
    assert set(groups) == {"active", "sessions", "participants", "attendances"}
    assert groups["active"] == 2  # G1, G3
    assert groups["sessions"] == 3  # se1, se2, se5
    assert groups["attendances"] == 4  # present marks at those sessions
    # DOMAIN «distinct participants»; docs/decisions/050 reads it as people marked present
    # (one person in two groups once): the mother and Оксана.
    assert groups["participants"] == 2
    assert _zero_free(summary["by_category"]) == {
        "idp": {"covered": 2, "on_record": 1},
        "single_parent": {"covered": 1, "on_record": 1},
        "military_family": {"covered": 1, "on_record": 1},
        "veteran_family": {"covered": 1, "on_record": 1},
    }
    assert set(summary["by_category"]) <= set(CATEGORIES)
    assert _zero_free(summary["by_district"]) == {
        D1: {"covered": 2, "on_record": 2},
        D2: {"covered": 2, "on_record": 1},
    }
    assert summary["by_district"].get(D3, {"covered": 0, "on_record": 0}) == {
        "covered": 0,
        "on_record": 0,
    }


def test_summary_of_one_district(summaries: dict[str, Any]) -> None:
    result = summaries["district"]
    assert result.code == 0, str(result)
    summary = json.loads((summaries["folder"] / "d.json").read_text(encoding="utf-8"))
    assert list(summary) == TOP_KEYS
    assert summary["district"] == D2
    assert summary["families_covered"] == 2  # F3, F5
    assert summary["families_on_record"] == 1  # F5
    assert summary["children_in_families_on_record"] == 0
    assert summary["families_low_parenting_capacity"] == 1
    assert summary["notifications"] == 1  # n3 (n4 has no family, so no district)
    assert summary["home_visits"] == 1  # v2
    assert summary["needs_assessments"] == 1  # a1
    assert _zero_free(summary["services"]) == {}
    assert summary["groups"] == {"active": 1, "sessions": 1, "participants": 1, "attendances": 1}
    assert _zero_free(summary["by_category"]) == {
        "idp": {"covered": 1, "on_record": 0},
        "veteran_family": {"covered": 1, "on_record": 1},
    }
    assert _zero_free(summary["by_district"]) == {D2: {"covered": 2, "on_record": 1}}


def test_summary_to_stdout_and_with_json_flag(summaries: dict[str, Any]) -> None:
    stdout = summaries["stdout"]
    assert stdout.code == 0, str(stdout)
    whole = json.loads((summaries["folder"] / "w.json").read_text(encoding="utf-8"))
    assert stdout.json() == whole
    flagged = summaries["json_flag"]
    assert flagged.code == 0, str(flagged)
    assert isinstance(flagged.json(), dict)
    xlsx = summaries["folder"] / "s.xlsx"
    assert xlsx.read_bytes()[:2] == b"PK"
    cells = [
        value
        for sheet in load_workbook(xlsx, read_only=True)
        for row in sheet.iter_rows(values_only=True)
        for value in row
    ]
    assert any(isinstance(v, str) and CYRILLIC.search(v) for v in cells)
    assert whole["families_covered"] in cells and whole["groups"]["attendances"] in cells


def test_summary_pdf_is_a_ukrainian_pdf(summaries: dict[str, Any]) -> None:
    assert summaries["pdf"].code == 0, str(summaries["pdf"])
    pdf = summaries["folder"] / "s.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert CYRILLIC.search(text)


def test_summary_usage_errors_exit_2_and_write_nothing(summaries: dict[str, Any]) -> None:
    for name, file in (("reversed", "r.json"), ("unknown_district", "u.json")):
        result = summaries[name]
        assert result.code == 2, str(result)
        assert CYRILLIC.search(result.err), result.err
        assert not (summaries["folder"] / file).exists()


def test_printouts_are_pdfs(summary_db: Path, tmp_path: Path) -> None:
    journal, sheet, journal_period, missing, flagged = opora_many(
        [
            (args, {"db": summary_db})
            for args in (
                ("report", "attendance", "--group", uid("G1"), "--out", tmp_path / "j.pdf"),
                (
                    "report",
                    "registration",
                    "--session",
                    uid("se5"),
                    "--blank-rows",
                    "4",
                    "--out",
                    tmp_path / "r.pdf",
                ),
                (
                    "report",
                    "attendance",
                    "--group",
                    uid("G1"),
                    "--from",
                    "2024-03-01",
                    "--to",
                    "2024-12-31",
                    "--out",
                    tmp_path / "jp.pdf",
                ),
                ("report", "attendance", "--group", uid("none"), "--out", tmp_path / "x.pdf"),
                (
                    "report",
                    "registration",
                    "--session",
                    uid("se1"),
                    "--out",
                    tmp_path / "r2.pdf",
                    "--json",
                ),
            )
        ]
    )
    for result, name in ((journal, "j.pdf"), (sheet, "r.pdf"), (journal_period, "jp.pdf")):
        assert result.code == 0, str(result)
        assert (tmp_path / name).read_bytes()[:5] == b"%PDF-"
    journal_pdf = PdfReader(tmp_path / "j.pdf")
    box = journal_pdf.pages[0].mediabox
    assert float(box.width) > float(box.height), "the journal is landscape"
    journal_text = "".join(p.extract_text() for p in journal_pdf.pages)
    assert "Мами разом" in journal_text and "Оксана" in journal_text
    assert "10.02" in journal_text and "10.03" in journal_text
    period_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "jp.pdf").pages)
    assert "10.03" in period_text and "10.02" not in period_text
    sheet_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "Галина" in sheet_text and "Про захист персональних даних" in sheet_text
    assert missing.code == 2, str(missing)
    assert not (tmp_path / "x.pdf").exists()
    assert flagged.code == 0, str(flagged)
    assert isinstance(flagged.json(), dict)


def test_attendance_with_reversed_period_is_a_usage_error(summary_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "j.pdf"
    args = ("--group", uid("G1"), "--from", "2024-12-31", "--to", "2024-01-01", "--out", out)
    result = opora("report", "attendance", *args, db=summary_db)
    assert result.code == 2, str(result)
    assert not out.exists()
