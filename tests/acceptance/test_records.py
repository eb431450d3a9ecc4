"""`records import` / `records export`: the interchange format of CONTRACT.md."""

from __future__ import annotations

import json
from pathlib import Path

from tests.acceptance.conftest import (
    CONTRACT_FIELDS,
    CYRILLIC,
    LIST_FIELDS,
    TYPE_ORDER,
    by_id,
    canonical,
    canonical_export,
    copy_db,
    export_lines,
    export_records,
    names_location,
    opora,
    opora_many,
    sample_records,
    uid,
    ukrainian,
    write_lines,
)

FAMILY = uid("family:1")
SETTLEMENT = uid("settlement:Морозівка")
GROUP = uid("group:1")
SESSION = uid("session:1")
PARTICIPANT = uid("participant:1")


def test_export_is_canonical_for_every_type_and_field(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    to_stdout, to_file = opora_many(
        [
            (("records", "export"), {"db": sample_db}),
            (("records", "export", "--out", out), {"db": sample_db}),
        ]
    )
    assert to_stdout.code == 0 and to_file.code == 0, f"{to_stdout}\n{to_file}"
    assert out.read_bytes().decode("utf-8") == to_stdout.out
    lines = to_stdout.out.splitlines()
    assert lines == canonical_export(sample_records())
    records = [json.loads(line) for line in lines]
    assert {r["type"] for r in records} == set(CONTRACT_FIELDS)
    for line, record in zip(lines, records, strict=True):
        assert set(record) == {"type", "id", *CONTRACT_FIELDS[record["type"]]}, line
        assert line == json.dumps(record, sort_keys=True, ensure_ascii=False)
        assert "\\u" not in line
        for name in LIST_FIELDS & set(record):
            if record[name] is not None:
                assert record[name] == sorted(record[name])
    keys = [(TYPE_ORDER.index(r["type"]), r["id"]) for r in records]
    assert keys == sorted(keys)


def test_two_databases_with_same_records_export_byte_identical(
    centre: Path, tmp_path: Path
) -> None:
    """One database gets the final records at once; the other reaches them through earlier
    values, partial edits, a deleted record and a record deleted then restored."""
    records = sample_records()
    first = write_lines(tmp_path / "all.jsonl", records)
    second_db = copy_db(centre, tmp_path / "other.db")
    # The other database: earlier values first, then edits towards the same final state.
    early = [dict(r) for r in records]
    for record in early:
        if record["type"] == "family":
            record["address"] = "стара адреса"
            record["categories"] = ["large_family"]
        if record["type"] == "person":
            record["notes"] = "тимчасово"
    extra = {
        "type": "visit",
        "id": uid("visit:extra"),
        "family_id": FAMILY,
        "date": "2024-02-02",
    }
    step1 = write_lines(tmp_path / "step1.jsonl", [*reversed_types_safe(early), extra])
    edits = []
    for record in records:
        if record["type"] == "family":
            edits.append(
                {
                    "type": "family",
                    "id": record["id"],
                    "address": record.get("address"),
                    "categories": record.get("categories"),
                }
            )
        if record["type"] == "person":
            edits.append({"type": "person", "id": record["id"], "notes": record.get("notes")})
    edits.append({"type": "visit", "id": uid("visit:extra"), "deleted": True})
    edits.append({"type": "attendance", "id": uid("attendance:3"), "deleted": True})
    edits.append({"type": "attendance", "id": uid("attendance:3"), "deleted": False})
    step2 = write_lines(tmp_path / "step2.jsonl", edits)
    a, b = opora_many(
        [
            (("records", "import", first), {"db": centre}),
            (("records", "import", step1), {"db": second_db}),
        ]
    )
    assert a.code == 0 and b.code == 0, f"{a}\n{b}"
    result = opora("records", "import", step2, db=second_db)
    assert result.code == 0, str(result)
    x, y = opora_many(
        [(("records", "export"), {"db": centre}), (("records", "export"), {"db": second_db})]
    )
    assert x.code == 0 and y.code == 0
    assert x.out.encode("utf-8") == y.out.encode("utf-8")
    assert x.out.splitlines() == canonical_export(records)


def reversed_types_safe(records: list[dict]) -> list[dict]:
    """The same records, each type's lines in reverse order (references stay earlier)."""
    out: list[dict] = []
    for type_name in TYPE_ORDER:
        out.extend(reversed([r for r in records if r["type"] == type_name]))
    return out


def test_partial_lines_edit_only_named_fields_null_clears_deleted_go(
    sample_db: Path, tmp_path: Path
) -> None:
    before = by_id(export_records(sample_db))
    son = uid("person:son")
    gone = [uid("attendance:3"), uid("service:2"), uid("visit:1")]
    source = write_lines(
        tmp_path / "edit.jsonl",
        [
            {"type": "family", "id": FAMILY, "address": "вул. Нова, 1", "specialist": None},
            {"type": "person", "id": son, "birth_date": "2015-09-02"},
            {"type": "attendance", "id": gone[0], "deleted": True},
            {"type": "service", "id": gone[1], "deleted": True},
            {"type": "visit", "id": gone[2], "deleted": True},
        ],
    )
    result = opora("records", "import", source, db=sample_db)
    assert result.code == 0, str(result)
    after = by_id(export_records(sample_db))
    assert after[FAMILY] == {**before[FAMILY], "address": "вул. Нова, 1", "specialist": None}
    assert after[son] == {**before[son], "birth_date": "2015-09-02"}
    unchanged = {k: v for k, v in before.items() if k not in (FAMILY, son, *gone)}
    assert {k: v for k, v in after.items() if k not in (FAMILY, son)} == unchanged


def test_references_to_earlier_lines_and_deletes(centre: Path, tmp_path: Path) -> None:
    """A file that builds a family tree in order, deletes a leaf and a now-unused family."""
    d, s = uid("x:district"), uid("x:settlement")
    f_keep, f_gone = uid("x:family-keep"), uid("x:family-gone")
    p = uid("x:person")
    lines = [
        {"type": "district", "id": d, "name": "Новий округ"},
        {"type": "settlement", "id": s, "name": "Нове", "district_id": d},
        {"type": "family", "id": f_keep, "settlement_id": s},
        {"type": "family", "id": f_gone, "settlement_id": s},
        {"type": "person", "id": p, "surname": "Бондар", "given_name": "Іван", "family_id": f_gone},
        {"type": "person", "id": p, "family_id": f_keep},
        {"type": "family", "id": f_gone, "deleted": True},
    ]
    tree = write_lines(tmp_path / "tree.jsonl", lines)
    result = opora("records", "import", tree, "--json", db=centre)
    assert result.code == 0, str(result)
    assert isinstance(result.json(), dict)
    records = by_id(export_records(centre))
    assert set(records) == {d, s, f_keep, p}
    assert records[p]["family_id"] == f_keep


# ---------------------------------------------------------------- bad input: exit 2

GOOD = {"type": "district", "id": uid("b:good"), "name": "Добрий"}


def _bad(line: dict | str, field: str, at: int = 2) -> tuple[list[dict | str], int, str]:
    """A file whose line 1 is valid and line 2 is bad (the default)."""
    return [GOOD, line], at, field


# name -> (lines, the bad line's number, the field the message must name)
BAD_CASES: dict[str, tuple[list[dict | str], int, str]] = {
    "missing surname": _bad({"type": "person", "id": uid("b:p"), "given_name": "Ганна"}, "surname"),
    "missing settlement_id": _bad(
        {"type": "family", "id": uid("b:f"), "address": "x"}, "settlement_id"
    ),
    "service without code": _bad(
        {"type": "service", "id": uid("b:s"), "family_id": FAMILY, "date": "2024-05-01"},
        "service_code",
    ),
    "unknown service code": _bad(
        {
            "type": "service",
            "id": uid("b:s"),
            "family_id": FAMILY,
            "date": "2024-05-01",
            "service_code": "999.9",
        },
        "service_code",
    ),
    "unknown type": _bad({"type": "household", "id": uid("b:x"), "name": "x"}, "type"),
    "unknown category": _bad(
        {
            "type": "family",
            "id": uid("b:f"),
            "settlement_id": SETTLEMENT,
            "categories": ["refugee"],
        },
        "categories",
    ),
    "impossible date": _bad(
        {"type": "visit", "id": uid("b:v"), "family_id": FAMILY, "date": "2024-02-30"}, "date"
    ),
    "invalid id": _bad({"type": "district", "id": "district-42", "name": "x"}, "id"),
    "dangling reference": _bad(
        {
            "type": "person",
            "id": uid("b:p"),
            "surname": "Бойко",
            "given_name": "Ганна",
            "family_id": uid("nobody"),
        },
        "family_id",
    ),
    "edits and deletes before the bad line": (
        [
            {"type": "family", "id": FAMILY, "address": "змінено"},
            {"type": "attendance", "id": uid("attendance:3"), "deleted": True},
            "",
            GOOD,
            {"type": "visit", "id": uid("aon:v"), "family_id": FAMILY, "date": "2024-04-31"},
        ],
        5,
        "date",
    ),
    "forward reference": (
        [
            {"type": "settlement", "id": uid("fw:s"), "name": "Село", "district_id": uid("fw:d")},
            {"type": "district", "id": uid("fw:d"), "name": "Округ"},
        ],
        1,
        "district_id",
    ),
}


def test_each_bad_input_rejects_the_whole_file(sample_db: Path, tmp_path: Path) -> None:
    """Exit 2, the message names the file, the line and the field (in Ukrainian by default,
    in English with OPORA_LANG=en), and nothing of the file is kept."""
    files = {
        name: write_lines(tmp_path / f"bad{number:02}.jsonl", lines)
        for number, (name, (lines, _at, _field)) in enumerate(BAD_CASES.items())
    }
    broken = write_lines(tmp_path / "broken.jsonl", [GOOD, '{"type": "district", "id": '])
    calls = [(("records", "import", f), {"db": sample_db}) for f in files.values()]
    calls.append((("records", "import", files["impossible date"]), {"db": sample_db, "lang": "en"}))
    calls.append((("records", "import", broken), {"db": sample_db}))
    *results, english, malformed = opora_many(calls)
    problems = []
    for (name, (_lines, at, field)), file, result in zip(
        BAD_CASES.items(), files.values(), results, strict=True
    ):
        if result.code != 2 or not names_location(result.err, file, at, field):
            problems.append(f"{name}: {result}")
        elif not ukrainian(result.err):
            problems.append(f"{name}: message not in Ukrainian: {result.err!r}")
    if english.code != 2 or CYRILLIC.search(english.err):
        problems.append(f"OPORA_LANG=en: {english}")
    if not names_location(english.err, files["impossible date"], 2, "date"):
        problems.append(f"OPORA_LANG=en: {english}")
    if malformed.code != 2 or not names_location(malformed.err, broken, 2, ""):
        problems.append(f"malformed JSON: {malformed}")
    assert not problems, "\n\n".join(problems)
    assert export_lines(sample_db) == canonical_export(sample_records())


def test_empty_list_exports_as_null_like_an_unset_one(centre: Path, tmp_path: Path) -> None:
    d, s = uid("el:d"), uid("el:s")
    f1, f2 = uid("el:f1"), uid("el:f2")
    source = write_lines(
        tmp_path / "lists.jsonl",
        [
            {"type": "district", "id": d, "name": "Округ"},
            {"type": "settlement", "id": s, "name": "Село", "district_id": d},
            {"type": "family", "id": f1, "settlement_id": s, "categories": [], "factors": []},
            {"type": "family", "id": f2, "settlement_id": s},
        ],
    )
    assert opora("records", "import", source, db=centre).code == 0
    records = by_id(export_records(centre))
    assert records[f1]["categories"] == records[f2]["categories"]
    assert records[f1]["factors"] is None and records[f1]["categories"] is None


def test_upsert_of_a_deleted_record_brings_it_back(sample_db: Path, tmp_path: Path) -> None:
    line = next(r for r in sample_records() if r["id"] == uid("attendance:3"))
    delete = write_lines(
        tmp_path / "d.jsonl", [{"type": "attendance", "id": line["id"], "deleted": True}]
    )
    again = write_lines(tmp_path / "again.jsonl", [line])
    assert opora("records", "import", delete, db=sample_db).code == 0
    result = opora("records", "import", again, db=sample_db)
    assert result.code == 0, str(result)
    assert export_lines(sample_db) == canonical_export(sample_records())


def test_delete_parent_then_child_in_one_file(sample_db: Path, tmp_path: Path) -> None:
    alone = uid("person:alone")
    source = write_lines(
        tmp_path / "del.jsonl",
        [
            {"type": "person", "id": alone, "deleted": True},
            {"type": "service", "id": uid("service:2"), "deleted": True},
        ],
    )
    result = opora("records", "import", source, db=sample_db)
    assert result.code == 0, str(result)
    gone = {alone, uid("service:2")}
    remaining = [r for r in sample_records() if r["id"] not in gone]
    assert export_lines(sample_db) == canonical_export(remaining)


def test_utf8_file_with_byte_order_mark(centre: Path, tmp_path: Path) -> None:
    source = tmp_path / "bom.jsonl"
    line = json.dumps({"type": "district", "id": uid("bom:d"), "name": "Округ"}, ensure_ascii=False)
    source.write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8") + b"\r\n")
    result = opora("records", "import", source, db=centre)
    assert result.code == 0, str(result)


def test_canonical_helper_matches_contract() -> None:
    """The expectation of these tests, on one hand-written line."""
    line = canonical({"type": "district", "id": "x", "name": "Ім'я"})
    assert line == '{"community": null, "id": "x", "name": "Ім\'я", "type": "district"}'
