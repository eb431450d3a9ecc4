"""`duplicates list [--json]`, `duplicates merge KEEP DROP`, `duplicates distinct A B`."""

from __future__ import annotations

from pathlib import Path

from tests.acceptance.conftest import export_records, opora, opora_many, uid, write_lines

D, S = uid("dupcli:district"), uid("dupcli:settlement")


def _person(key: str, family: str | None, surname: str, given: str, **more: str) -> dict:
    return {
        "type": "person",
        "id": uid(key),
        "family_id": family,
        "surname": surname,
        "given_name": given,
        **more,
    }


def _records() -> list[dict]:
    f1, f2, f3 = uid("dupcli:f1"), uid("dupcli:f2"), uid("dupcli:f3")
    return [
        {"type": "district", "id": D, "name": "Морозівський"},
        {"type": "settlement", "id": S, "name": "Морозівка", "district_id": D},
        {"type": "family", "id": f1, "settlement_id": S, "address": "вул. Лесі Українки, 3"},
        {"type": "family", "id": f2, "settlement_id": S, "address": "Лесі Українки вул 3"},
        {"type": "family", "id": f3, "settlement_id": S, "address": "вул. Садова, 1"},
        _person(
            "dupcli:a1", f1, "Ковальчук", "Олексій", patronymic="Петрович", birth_date="1985-07-02"
        ),
        # Swapped surname and given name, patronymic as an initial, и for і.
        _person("dupcli:a2", f2, "Олексий", "Ковальчук", patronymic="П.", birth_date="1985-07-02"),
        _person("dupcli:b1", f3, "Ковальчук", "Олексій", birth_date="1990-01-01"),
    ]


def test_list_merge_and_distinct(centre: Path | str, tmp_path: Path) -> None:
    source = write_lines(tmp_path / "r.jsonl", _records())
    assert opora("records", "import", source, db=centre).code == 0
    listed = opora("--json", "duplicates", "list", db=centre)
    assert listed.code == 0, str(listed)
    pairs = listed.json()["pairs"]
    for pair in pairs:
        assert set(pair) == {"type", "a", "b", "score", "reasons"}
        assert 0 <= pair["score"] <= 1 and pair["a"] < pair["b"]
    found = {(p["type"], p["a"], p["b"]) for p in pairs}
    a1, a2, b1 = uid("dupcli:a1"), uid("dupcli:a2"), uid("dupcli:b1")
    f1, f2 = uid("dupcli:f1"), uid("dupcli:f2")
    assert ("person", *sorted((a1, a2))) in found
    assert ("family", *sorted((f1, f2))) in found
    # Same name, another birth date: not proposed.
    assert ("person", *sorted((a1, b1))) not in found

    bad, itself, wrong_kind, text = opora_many(
        [
            (("duplicates", "merge", f1, "not-a-uuid"), {"db": centre}),
            (("duplicates", "merge", f1, f1), {"db": centre}),
            (("duplicates", "merge", f1, a1), {"db": centre}),
            (("duplicates", "list"), {"db": centre}),
        ]
    )
    assert (bad.code, itself.code, wrong_kind.code) == (2, 2, 2), f"{bad}\n{itself}\n{wrong_kind}"
    assert "Ковальчук" in text.out and "схож" in text.out, str(text)

    merged = opora("--json", "duplicates", "merge", f1, f2, db=centre)
    assert merged.code == 0, str(merged)
    assert merged.json()["keep"] == f1
    exported = {r["id"]: r for r in export_records(centre)}
    assert f2 not in exported
    assert exported[a2]["family_id"] == f1  # the dropped family's member moved

    distinct = opora("duplicates", "distinct", a2, a1, db=centre)
    assert distinct.code == 0, str(distinct)
    after = opora("--json", "duplicates", "list", db=centre).json()["pairs"]
    assert not [p for p in after if {p["a"], p["b"]} & {f2} or {p["a"], p["b"]} == {a1, a2}]
