"""Larger interchange files and enrolled laptops for the robustness tests (CLI only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.acceptance.conftest import FIELD_PASSWORD, opora, opora_many, uid, write_lines

SETTLEMENT = uid("settlement:Морозівка")  # of the sample, in Морозівський
DISTRICT_NAME = "Морозівський"
# Names the robustness tests put into records; no message or log line may ever show them.
BULK_SURNAME = "Тарасенко"
BULK_GIVEN = "Оксана"


def families(tag: str, count: int, settlement: str = SETTLEMENT) -> list[dict[str, Any]]:
    """`count` families of one person each in a settlement of the sample."""
    lines: list[dict[str, Any]] = []
    for n in range(count):
        family = uid(f"{tag}:family:{n}")
        lines.append(
            {"type": "family", "id": family, "settlement_id": settlement, "address": f"буд. {n}"}
        )
        lines.append(
            {
                "type": "person",
                "id": uid(f"{tag}:person:{n}"),
                "family_id": family,
                "surname": BULK_SURNAME,
                "given_name": BULK_GIVEN,
                "birth_date": "1985-04-12",
            }
        )
    return lines


def families_file(folder: Path, tag: str, count: int) -> Path:
    """An interchange file of `families(tag, count)`."""
    return write_lines(folder / f"{tag}.jsonl", families(tag, count))


def laptop_bundles(centre: Path, folder: Path, names: list[str], count: int) -> list[Path]:
    """Enroll a laptop per name at `centre`, give each `count` new families and export
    a bundle for the centre from each; returns the bundles."""
    enrollments = [folder / f"{name}.enroll" for name in names]
    for name, enrollment in zip(names, enrollments, strict=True):
        enrolled = opora(
            "devices", "enroll", "--name", name, "--district", DISTRICT_NAME,
            "--login", f"user-{name}", "--out", enrollment,
            db=centre, env={"OPORA_NEW_PASSWORD": FIELD_PASSWORD},
        )  # fmt: skip
        assert enrolled.code == 0, str(enrolled)
    laptops = [folder / f"{name}.db" for name in names]
    laptop = {"password": FIELD_PASSWORD}
    steps = opora_many(
        [
            (("init", "field", "--enroll", e, "--no-encryption"), {"db": db, **laptop})
            for e, db in zip(enrollments, laptops, strict=True)
        ]
    )
    assert all(step.code == 0 for step in steps), "\n".join(map(str, steps))
    steps = opora_many(
        [
            (("records", "import", families_file(folder, name, count)), {"db": db, **laptop})
            for name, db in zip(names, laptops, strict=True)
        ]
    )
    assert all(step.code == 0 for step in steps), "\n".join(map(str, steps))
    bundles = [folder / f"{name}.opora" for name in names]
    steps = opora_many(
        [
            (("sync", "export", "--out", b), {"db": db, **laptop})
            for b, db in zip(bundles, laptops, strict=True)
        ]
    )
    assert all(step.code == 0 for step in steps), "\n".join(map(str, steps))
    return bundles
