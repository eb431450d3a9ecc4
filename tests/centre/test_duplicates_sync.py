"""Two laptops register the same family with spelling variants; the centre finds the pair,
merges it, and later edits from each laptop land on the kept family on every replica."""

from __future__ import annotations

import json
from pathlib import Path

from app.services.duplicates import find_duplicates, merge
from app.services.records import RecordService, import_records
from tests.acceptance.conftest import uid, write_lines
from tests.sync.network import ALL, SETTLEMENTS, build_network, export_text, receive, send

S1 = SETTLEMENTS[0][0]
F1, F2 = uid("dup:F1"), uid("dup:F2")
M1, M2 = uid("dup:mother1"), uid("dup:mother2")
C1, C2 = uid("dup:child1"), uid("dup:child2")


def _family(family: str, address: str, mother: str, child: str, names: tuple[str, ...]) -> list:
    surname, given, patronymic, child_surname, child_given = names
    return [
        {"type": "family", "id": family, "settlement_id": S1, "address": address},
        {
            "type": "person",
            "id": mother,
            "family_id": family,
            "surname": surname,
            "given_name": given,
            "patronymic": patronymic,
            "birth_date": "1990-03-15",
        },
        {
            "type": "person",
            "id": child,
            "family_id": family,
            "surname": child_surname,
            "given_name": child_given,
            "birth_date": "2015-09-01",
        },
    ]


def _round(net, tmp: Path, tag: str) -> None:
    """Laptops → centre, then centre → laptops."""
    centre = net.open("centre", fast=True)
    for laptop in ("L1", "L2"):
        db = net.open(laptop, fast=True)
        assert receive(centre, send(db, tmp / f"{tag}-{laptop}-up.opora")).status == "applied"
        db.close()
    for laptop in ("L1", "L2"):
        db = net.open(laptop, fast=True)
        result = receive(db, send(centre, tmp / f"{tag}-{laptop}-down.opora", laptop))
        assert result.status == "applied", result
        db.close()
    centre.close()


def _records(text: str) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, text.splitlines())}


def test_same_family_from_two_laptops_found_merged_and_edits_converge(tmp_path: Path) -> None:
    net = build_network(tmp_path / "net", {"L1": ALL, "L2": ALL})
    l1, l2 = net.open("L1", fast=True), net.open("L2", fast=True)
    first = ("Мар'яненко", "Ґанна", "Іванівна", "Мар'яненко", "Петро")
    second = ("Maryanenko", "Hanna", "І.", "Марʼяненко", "Петро")  # Latin typed by mistake
    import_records(
        l1, write_lines(tmp_path / "l1.jsonl", _family(F1, "вул. Шевченка, 5", M1, C1, first))
    )
    import_records(
        l2, write_lines(tmp_path / "l2.jsonl", _family(F2, "вулиця Шевченка 5", M2, C2, second))
    )
    l1.close()
    l2.close()
    _round(net, tmp_path, "r1")

    centre = net.open("centre", fast=True)
    pairs = {(p.type, p.a, p.b): p for p in find_duplicates(centre)}
    assert ("family", *sorted((F1, F2))) in pairs
    assert ("person", *sorted((M1, M2))) in pairs
    assert ("person", *sorted((C1, C2))) in pairs
    assert "address" in pairs[("family", *sorted((F1, F2)))].reasons

    # Before the laptops hear of the merge, each edits its own copy of the family.
    l1, l2 = net.open("L1", fast=True), net.open("L2", fast=True)
    RecordService(l1).save("family", F1, {"notes": "з ноутбука 1"})
    RecordService(l2).save("family", F2, {"phone": "+380501112233"})
    visit = RecordService(l2).save("visit", None, {"family_id": F2, "date": "2024-05-01"})
    l1.close()
    l2.close()

    merge(centre, F1, F2)
    merge(centre, M1, M2)
    merge(centre, C1, C2)
    assert find_duplicates(centre) == []
    centre.close()

    _round(net, tmp_path, "r2")
    # After the merge reached them, each laptop edits again — L2 still by the dropped id.
    l1, l2 = net.open("L1", fast=True), net.open("L2", fast=True)
    import_records(
        l2,
        write_lines(tmp_path / "late2.jsonl", [{"type": "family", "id": F2, "close_reason": "x"}]),
    )
    RecordService(l1).save("person", M1, {"phone": "+380671112233"})
    l1.close()
    l2.close()
    _round(net, tmp_path, "r3")
    _round(net, tmp_path, "r4")

    exports = {}
    for name in ("centre", "L1", "L2"):
        db = net.open(name, fast=True)
        exports[name] = export_text(db)
        db.close()
    assert exports["centre"] == exports["L1"] == exports["L2"]
    records = _records(exports["centre"])
    for dropped in (F2, M2, C2):
        assert dropped not in records
    family = records[F1]
    assert family["notes"] == "з ноутбука 1"
    assert family["phone"] == "+380501112233"
    assert family["close_reason"] == "x"
    assert records[visit]["family_id"] == F1
    assert records[M1]["phone"] == "+380671112233"
    members = sorted(r["id"] for r in records.values() if r.get("family_id") == F1)
    assert members == sorted([M1, C1, visit])
