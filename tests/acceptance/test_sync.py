"""`devices`, `init field`, `sync export/import`, `conflicts` — one centre and one laptop."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.acceptance.conftest import (
    CYRILLIC,
    FIELD_PASSWORD,
    by_id,
    export_records,
    opora,
    opora_many,
    uid,
    ukrainian,
    write_lines,
)

FAMILY = uid("family:1")  # of the sample, in Морозівський
BUNDLE_KEYS = {"file", "status", "changes", "conflicts", "error"}
CONFLICT_KEYS = {
    "id",
    "type",
    "record_id",
    "field",
    "winner",
    "loser",
    "winner_device",
    "loser_device",
    "status",
}
LAPTOP = {"password": FIELD_PASSWORD}


def _bundles(result: Any) -> list[dict[str, Any]]:
    document = result.json()
    assert list(document) == ["bundles"], document
    for bundle in document["bundles"]:
        assert set(bundle) == BUNDLE_KEYS, bundle
        assert isinstance(bundle["changes"], int) and isinstance(bundle["conflicts"], int)
    return document["bundles"]


def test_centre_and_laptop_round_trip(sample_db: Path, tmp_path: Path) -> None:
    centre = sample_db
    laptop = tmp_path / "laptop.db"
    enrollment = tmp_path / "laptop-1.enroll"

    enrolled = opora(
        "--json",
        "devices",
        "enroll",
        "--name",
        "laptop-1",
        "--district",
        "Морозівський",
        "--login",
        "olena",
        "--out",
        enrollment,
        db=centre,
        env={"OPORA_NEW_PASSWORD": FIELD_PASSWORD},
    )
    assert enrolled.code == 0, str(enrolled)
    assert isinstance(enrolled.json(), dict)
    assert enrollment.exists() and b"olena" not in enrollment.read_bytes()

    field, listed, wrong_file_password = opora_many(
        [
            (
                ("init", "field", "--enroll", enrollment),
                {"db": laptop, **LAPTOP},
            ),
            (("--json", "devices", "list"), {"db": centre, "user": "admin"}),
            (
                ("init", "field", "--enroll", enrollment, "--no-encryption"),
                {"db": tmp_path / "other.db", "password": "wrong"},
            ),
        ]
    )
    assert field.code == 0, str(field)
    assert ukrainian(field.err), f"init field message not in Ukrainian: {field.err!r}"
    assert not laptop.read_bytes().startswith(b"SQLite format 3")
    assert listed.code == 0, str(listed)
    assert "laptop-1" in json.dumps(listed.json(), ensure_ascii=False)
    assert wrong_file_password.code == 4, str(wrong_file_password)
    assert not (tmp_path / "other.db").exists()

    # Concurrent edits of the same field: a conflict at the centre.
    laptop_edit = write_lines(
        tmp_path / "l1.jsonl",
        [
            {"type": "family", "id": FAMILY, "address": "з ноутбука"},
            {"type": "visit", "id": uid("sync:v1"), "family_id": FAMILY, "date": "2024-05-01"},
        ],
    )
    centre_edit = write_lines(
        tmp_path / "c1.jsonl", [{"type": "family", "id": FAMILY, "address": "з центру"}]
    )
    a, b = opora_many(
        [
            (("records", "import", laptop_edit), {"db": laptop, **LAPTOP}),
            (("records", "import", centre_edit), {"db": centre}),
        ]
    )
    assert a.code == 0 and b.code == 0, f"{a}\n{b}"

    b1 = tmp_path / "b1.bundle"
    exported = opora("--json", "sync", "export", "--out", b1, db=laptop, **LAPTOP)
    assert exported.code == 0, str(exported)
    assert isinstance(exported.json(), dict)

    junk = write_lines(tmp_path / "junk.bundle", ["not a bundle"])

    # junk rejected, b1 applied and kept, exit 3.
    merged = opora("--json", "sync", "import", junk, b1, db=centre, user="admin")
    assert merged.code == 3, str(merged)
    bundles = _bundles(merged)
    assert [b["status"] for b in bundles] == ["rejected", "applied"], bundles
    assert [Path(b["file"]).name for b in bundles] == ["junk.bundle", "b1.bundle"]
    assert isinstance(bundles[0]["error"], str) and CYRILLIC.search(bundles[0]["error"])
    assert bundles[1]["error"] is None and bundles[1]["changes"] >= 2
    assert bundles[1]["conflicts"] == 1
    centre_records = by_id(export_records(centre))
    assert uid("sync:v1") in centre_records

    again, again_en, conflicts = opora_many(
        [
            (("sync", "import", b1), {"db": centre}),
            (("--json", "sync", "import", b1, junk), {"db": centre, "lang": "en"}),
            (("--json", "conflicts", "list"), {"db": centre}),
        ]
    )
    assert again.code == 0, str(again)
    assert ukrainian(again.out + again.err), f"not in Ukrainian: {again}"
    assert again_en.code == 3, str(again_en)
    assert [b["status"] for b in _bundles(again_en)] == ["already-applied", "rejected"]
    assert not CYRILLIC.search(again_en.out), f"not in English: {again_en.out!r}"
    assert conflicts.code == 0, str(conflicts)
    document = conflicts.json()
    assert list(document) == ["conflicts"]
    [conflict] = document["conflicts"]
    assert set(conflict) == CONFLICT_KEYS, conflict
    assert conflict["type"] == "family" and conflict["record_id"] == FAMILY
    assert conflict["field"] == "address" and conflict["status"] == "open"
    assert {conflict["winner"], conflict["loser"]} == {"з ноутбука", "з центру"}
    assert centre_records[FAMILY]["address"] == conflict["winner"]

    resolved = opora("conflicts", "resolve", conflict["id"], "--take", "loser", db=centre)
    assert resolved.code == 0, str(resolved)
    after, listed_after, twice = opora_many(
        [
            (("records", "export"), {"db": centre}),
            (("--json", "conflicts", "list"), {"db": centre}),
            (("conflicts", "resolve", conflict["id"], "--take", "winner"), {"db": centre}),
        ]
    )
    assert twice.code == 2 and ukrainian(twice.err), str(twice)
    family = by_id(json.loads(line) for line in after.out.splitlines())[FAMILY]
    assert family["address"] == conflict["loser"]
    assert listed_after.json()["conflicts"][0]["status"] == "resolved"

    # The centre answers; the laptop converges on the records it holds.
    back = tmp_path / "back.bundle"
    sent = opora("sync", "export", "--out", back, "--for", "laptop-1", db=centre)
    assert sent.code == 0, str(sent)
    received = opora("--json", "sync", "import", back, db=laptop, **LAPTOP)
    assert received.code == 0, str(received)
    assert [b["status"] for b in _bundles(received)] == ["applied"]
    laptop_records = by_id(export_records(laptop, **LAPTOP))
    centre_records = by_id(export_records(centre))
    assert laptop_records[FAMILY] == centre_records[FAMILY]
    for record_id, record in laptop_records.items():
        assert centre_records.get(record_id) == record, record

    # A revoked device's bundles are rejected, and nothing changes.
    late = write_lines(
        tmp_path / "l3.jsonl",
        [{"type": "visit", "id": uid("sync:v3"), "family_id": FAMILY, "date": "2024-05-03"}],
    )
    revoked, late_import = opora_many(
        [
            (("devices", "revoke", "laptop-1"), {"db": centre}),
            (("records", "import", late), {"db": laptop, **LAPTOP}),
        ]
    )
    assert revoked.code == 0, str(revoked)
    assert late_import.code == 0, str(late_import)
    b3 = tmp_path / "b3.bundle"
    assert opora("sync", "export", "--out", b3, db=laptop, **LAPTOP).code == 0
    refused, listed = opora_many(
        [
            (("--json", "sync", "import", b3), {"db": centre}),
            (("--json", "devices", "list"), {"db": centre}),
        ]
    )
    assert refused.code == 3, str(refused)
    [bundle] = _bundles(refused)
    assert bundle["status"] == "rejected" and bundle["error"]
    assert uid("sync:v3") not in by_id(export_records(centre))
    assert "revoked" in json.dumps(listed.json())
