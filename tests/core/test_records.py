"""records import / export on real database files, encrypted and plain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.database import Database
from app.db.models import Change
from app.services.records import export_records, import_records
from tests.core.sample import IDS, canonical, records, write_lines


def run(db: Database, *args: str) -> int:
    db.close()
    return main(["--db", str(db.path), *args])


def exported(db: Database) -> list[str]:
    return list(export_records(db))


def snapshot(db: Database) -> tuple[list[str], int]:
    """Content of a database: its export and how many changes it has logged."""
    with db.session() as session:
        changes = session.query(Change).count()
    return exported(db), changes


def test_every_entity_round_trips_unchanged(centre: Database, tmp_path: Path, capsys) -> None:
    source = write_lines(tmp_path / "in.jsonl", records())
    assert run(centre, "records", "import", str(source)) == 0
    capsys.readouterr()
    assert run(centre, "records", "export") == 0
    out = capsys.readouterr().out
    assert out.splitlines() == canonical(records())
    assert "\\u" not in out  # no ASCII escaping


def test_export_to_file_is_byte_stable(centre: Database, tmp_path: Path) -> None:
    import_records(centre, write_lines(tmp_path / "in.jsonl", records()))
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run(centre, "records", "export", "--out", str(first)) == 0
    assert run(centre, "records", "export", "--out", str(second)) == 0
    assert first.read_bytes() == second.read_bytes()
    # re-importing the export changes nothing at all
    before = snapshot(centre)
    import_records(centre, first)
    assert snapshot(centre) == before


def test_partial_line_edits_only_named_fields(centre: Database, tmp_path: Path) -> None:
    import_records(centre, write_lines(tmp_path / "in.jsonl", records()))
    edit = {"type": "person", "id": IDS["mother"], "phone": "(093) 765-43-21", "notes": "Нова"}
    import_records(centre, write_lines(tmp_path / "edit.jsonl", [edit]))
    person = next(json.loads(x) for x in exported(centre) if IDS["mother"] in x and '"person"' in x)
    original = next(r for r in records() if r["id"] == IDS["mother"])
    assert person == {**original, "phone": "+380937654321", "notes": "Нова"}


def test_deleted_true_removes_and_references_may_point_to_earlier_lines(
    plain_centre: Database, tmp_path: Path
) -> None:
    items = records()
    import_records(plain_centre, write_lines(tmp_path / "in.jsonl", items))
    gone = [
        {"type": "attendance", "id": IDS["attendance2"], "deleted": True},
        {"type": "participant", "id": IDS["outsider"], "deleted": True},
    ]
    import_records(plain_centre, write_lines(tmp_path / "del.jsonl", gone))
    remaining = [r for r in items if r["id"] not in (IDS["attendance2"], IDS["outsider"])]
    assert exported(plain_centre) == canonical(remaining)


def test_a_district_still_used_cannot_be_deleted(
    plain_centre: Database, tmp_path: Path, capsys
) -> None:
    import_records(plain_centre, write_lines(tmp_path / "in.jsonl", records()))
    before = snapshot(plain_centre)
    bad = write_lines(
        tmp_path / "bad.jsonl", [{"type": "district", "id": IDS["district"], "deleted": True}]
    )
    assert run(plain_centre, "records", "import", str(bad)) == 2
    assert "«deleted»" in capsys.readouterr().err
    assert snapshot(plain_centre) == before


def test_deleting_a_family_takes_what_belongs_to_it(plain_centre: Database, tmp_path: Path) -> None:
    """Members, visits, services… go with the family; a member's group participation stays,
    under the member's name, so the group's attendance history is kept."""
    items = records()
    import_records(plain_centre, write_lines(tmp_path / "in.jsonl", items))
    gone = [{"type": "family", "id": IDS["family"], "deleted": True}]
    import_records(plain_centre, write_lines(tmp_path / "del.jsonl", gone))
    left = {json.loads(x)["id"]: json.loads(x) for x in exported(plain_centre)}
    for name in ("family", "mother", "child", "notification", "assessment", "visit", "service"):
        assert IDS[name] not in left, name
    participant = left[IDS["participant"]]
    assert participant["person_id"] is None and participant["name"] == "Мар'яненко Олена Петрівна"
    assert IDS["attendance"] in left
    # the export stays importable: no live record names a deleted one
    again = tmp_path / "again.jsonl"
    again.write_text("\n".join(exported(plain_centre)) + "\n", "utf-8")
    import_records(plain_centre, again)


def test_a_file_may_delete_in_any_order(plain_centre: Database, tmp_path: Path) -> None:
    import_records(plain_centre, write_lines(tmp_path / "in.jsonl", records()))
    gone = [
        {"type": "district", "id": IDS["district"], "deleted": True},
        {"type": "group", "id": IDS["group"], "deleted": True},
        {"type": "settlement", "id": IDS["settlement"], "deleted": True},
        {"type": "family", "id": IDS["family"], "deleted": True},
    ]
    import_records(plain_centre, write_lines(tmp_path / "del.jsonl", gone))
    assert exported(plain_centre) == []


def test_a_deleted_record_comes_back_when_imported_again(
    plain_centre: Database, tmp_path: Path
) -> None:
    import_records(plain_centre, write_lines(tmp_path / "in.jsonl", records()))
    expected = exported(plain_centre)
    outsider = next(r for r in records() if r["id"] == IDS["outsider"])
    attendance = next(r for r in records() if r["id"] == IDS["attendance2"])
    gone = [{"type": "participant", "id": IDS["outsider"], "deleted": True}]
    import_records(plain_centre, write_lines(tmp_path / "del.jsonl", gone))
    assert len(exported(plain_centre)) == len(expected) - 2  # its attendance went with it
    import_records(plain_centre, write_lines(tmp_path / "back.jsonl", [outsider, attendance]))
    assert exported(plain_centre) == expected


GOOD = {
    "type": "person",
    "id": "0190a000-0000-7000-8000-0000000000aa",
    "surname": "Ткач",
    "given_name": "Ганна",
    "family_id": IDS["family"],
}
BAD_LINES = {
    "unknown type": ({"type": "alien", "id": GOOD["id"]}, "type"),
    "unknown code": (
        {
            "type": "service",
            "id": GOOD["id"],
            "family_id": IDS["family"],
            "service_code": "999.9",
            "date": "2025-01-01",
        },
        "service_code",
    ),
    "unknown category": (
        {
            "type": "family",
            "id": GOOD["id"],
            "settlement_id": IDS["settlement"],
            "categories": ["martians"],
        },
        "categories",
    ),
    "bad uuid": ({**GOOD, "id": "not-a-uuid"}, "id"),
    "invalid date": ({**GOOD, "birth_date": "2021-02-30"}, "birth_date"),
    "future birth": ({**GOOD, "birth_date": "2999-01-01"}, "birth_date"),
    "missing required": ({k: v for k, v in GOOD.items() if k != "surname"}, "surname"),
    "missing event date": ({"type": "visit", "id": GOOD["id"], "family_id": IDS["family"]}, "date"),
    "dangling reference": (
        {**GOOD, "family_id": "0190a000-0000-7000-8000-0000000000ff"},
        "family_id",
    ),
    "bad phone": ({**GOOD, "phone": "12345"}, "phone"),
    "bad rnokpp": ({**GOOD, "rnokpp": "3012345671"}, "rnokpp"),
    "unknown field": ({**GOOD, "nickname": "x"}, "nickname"),
}


@pytest.mark.parametrize("case", sorted(BAD_LINES) + ["broken json"])
def test_bad_input_exits_2_naming_line_and_field_and_changes_nothing(
    centre: Database, tmp_path: Path, capsys, case: str
) -> None:
    import_records(centre, write_lines(tmp_path / "in.jsonl", records()))
    before = snapshot(centre)
    path = tmp_path / "bad.jsonl"
    good_line = json.dumps(
        {**GOOD, "id": "0190a000-0000-7000-8000-0000000000bb"}, ensure_ascii=False
    )
    if case == "broken json":
        bad_line, field = '{"type": "person", "id": ', "json"
    else:
        record, field = BAD_LINES[case]
        bad_line = json.dumps(record, ensure_ascii=False)
    path.write_text(
        good_line + "\n" + good_line.replace("bb", "cc") + "\n" + bad_line + "\n", "utf-8"
    )
    capsys.readouterr()
    assert run(centre, "records", "import", str(path)) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl" in err and "рядок 3" in err and f"«{field}»" in err, err
    assert snapshot(centre) == before


def test_messages_in_english_with_opora_lang(
    centre: Database, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("OPORA_LANG", "en")
    path = write_lines(tmp_path / "bad.jsonl", [{"type": "alien", "id": GOOD["id"]}])
    assert run(centre, "records", "import", str(path)) == 2
    assert "line 1, field «type»" in capsys.readouterr().err


def test_import_json_report(centre: Database, tmp_path: Path, capsys) -> None:
    path = write_lines(tmp_path / "in.jsonl", records())
    assert run(centre, "records", "import", str(path), "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"file": str(path), "imported": len(records())}


def test_a_bare_new_record_is_checked_for_required_fields(
    plain_centre: Database, tmp_path: Path, capsys
) -> None:
    path = write_lines(tmp_path / "bare.jsonl", [{"type": "person", "id": GOOD["id"]}])
    assert run(plain_centre, "records", "import", str(path)) == 2
    assert "«surname»" in capsys.readouterr().err


def test_one_record_created_and_edited_in_the_same_file(
    plain_centre: Database, tmp_path: Path
) -> None:
    items = records()[:3] + [GOOD, {"type": "person", "id": GOOD["id"], "given_name": "Галина"}]
    import_records(plain_centre, write_lines(tmp_path / "twice.jsonl", items))
    person = next(json.loads(x) for x in exported(plain_centre) if GOOD["id"] in x)
    assert person["given_name"] == "Галина" and person["surname"] == "Ткач"
