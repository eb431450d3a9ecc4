"""docs/interchange.md documents exactly what the registry accepts: every interchange type in
the export's order, every field with its kind, its allowed values and its required mark, and
the assessment act's document keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.db.act import ADULT_AREAS, CHILD_AREAS, FAMILY_AREAS, IMPACT_LEVELS
from app.db.registry import INTERCHANGE, EntitySpec, FieldSpec

DOC = Path(__file__).resolve().parents[2] / "docs" / "interchange.md"
HEADING = re.compile(r"^### `(\w+)`\s*$")
ROW = re.compile(r"^\| `(\w+)` \| ([^|]*(?:\\\|[^|]*)*) \|")


def documented(page: Path = DOC) -> dict[str, dict[str, str]]:
    """Type → field → the «value» cell of its row, in the page's order."""
    types: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = None
        if heading := HEADING.match(line):
            current = types.setdefault(heading.group(1), {})
            continue
        if current is not None and (row := ROW.match(line)):
            assert row.group(1) not in current, f"{row.group(1)} documented twice"
            current[row.group(1)] = row.group(2)
    return types


def kind_words(spec: FieldSpec) -> list[str]:
    """What the «value» cell must say for the field's kind."""
    if spec.kind == "ref":
        return [f"id of `{spec.to}`"]
    if spec.kind == "codes":
        return [f"[codes] of `{spec.of}`"]
    if spec.kind == "code":
        return [f"code of `{spec.of}`"]
    if spec.kind == "enum":
        return [" \\| ".join(f"`{value}`" for value in spec.values)]
    if spec.kind == "date":
        words = {"event": "event date", "birth": "birth date"}.get(spec.rule or "", "date")
        return [words] + ([f"not before `{spec.after}`"] if spec.after else [])
    if spec.kind == "text":
        return ["long text" if spec.max_length > 1_000 else "text"]
    return {
        "bool": ["bool"],
        "int": ["int"],
        "phone": ["phone"],
        "rnokpp": ["РНОКПП"],
        "time": ["HH:MM"],
        "document": ["object"],
    }[spec.kind]


def test_every_type_is_documented_in_the_export_order() -> None:
    assert list(documented()) == [spec.name for spec in INTERCHANGE]


def check_fields(spec: EntitySpec, page: Path = DOC) -> None:
    fields = documented(page)[spec.name]
    assert list(fields) == list(spec.field_names)  # no field missing, none extra, same order
    for field in spec.fields:
        cell = fields[field.name]
        for words in kind_words(field):
            assert words in cell, (spec.name, field.name, words, cell)
        assert ("**required**" in cell) == field.required, (spec.name, field.name, cell)
        if field.kind == "text" and field.max_length <= 1_000:
            assert "long text" not in cell, (spec.name, field.name)


@pytest.mark.parametrize("spec", INTERCHANGE, ids=lambda spec: spec.name)
def test_every_field_is_documented_with_its_rules(spec: EntitySpec) -> None:
    check_fields(spec)


def test_the_act_document_keys_are_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    rows = {
        "child areas": CHILD_AREAS,
        "child `impact`": IMPACT_LEVELS,
        "adult areas": ADULT_AREAS,
        "family areas": FAMILY_AREAS,
    }
    for part, keys in rows.items():
        line = next(line for line in text.splitlines() if line.startswith(f"| {part} |"))
        assert line.split("|")[2].strip() == ", ".join(f"`{key}`" for key in keys), part


@pytest.mark.parametrize(
    ("drop", "change"),
    [
        ("| `outcome_date` |", None),  # a field left out
        (None, ("`accepted` \\| `refused` \\| `unknown`", "`accepted` \\| `refused`")),
        (None, ("| `to_whom` | text, **required** |", "| `to_whom` | text |")),
    ],
)
def test_a_page_that_differs_from_the_registry_fails(
    tmp_path: Path, drop: str | None, change: tuple[str, str] | None
) -> None:
    """The check is real: a page missing a field, an allowed value or a required mark fails."""
    text = DOC.read_text(encoding="utf-8")
    if drop:
        text = "\n".join(line for line in text.splitlines() if not line.startswith(drop))
    if change:
        assert change[0] in text
        text = text.replace(change[0], change[1])
    page = tmp_path / "interchange.md"
    page.write_text(text, encoding="utf-8")
    referral = next(spec for spec in INTERCHANGE if spec.name == "referral")
    check_fields(referral)  # the real page passes
    with pytest.raises(AssertionError):
        check_fields(referral, page)
