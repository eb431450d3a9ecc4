"""No message and no log line ever shows a record's field values (DESIGN.md, invariant 7).

`test_zz_…` runs last in the session (conftest.py) and greps the stderr of every command the
acceptance tests ran, and every failure log they wrote, for the test data's names.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.acceptance.bulk import BULK_GIVEN, BULK_SURNAME
from tests.acceptance.conftest import (
    MESSAGES,
    STATE_HOME,
    opora,
    sample_records,
    uid,
    ukrainian,
    write_lines,
)

PRIVATE_FIELDS = (
    "surname",
    "given_name",
    "patronymic",
    "address",
    "phone",
    "notes",
    "summary",
    "conclusion",
    "purpose",
    "result",
    "rnokpp",
)


def private_values() -> set[str]:
    """The personal values of the test data: names, addresses, phones, notes."""
    values = {BULK_SURNAME, BULK_GIVEN, "Оксана Стороння"}
    for record in sample_records():
        for name in PRIVATE_FIELDS:
            value = record.get(name)
            if isinstance(value, str) and len(value) >= 4:
                values.add(value)
    return values


def log_lines() -> list[str]:
    folder = STATE_HOME[0]
    return [
        line
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        for line in path.read_text("utf-8", errors="replace").splitlines()
    ]


def test_an_unexpected_failure_is_one_line_and_a_log_entry_without_values(
    sqlite_sample_db: Path, tmp_path: Path
) -> None:
    connection = sqlite3.connect(sqlite_sample_db)  # break the file under the program
    connection.execute("ALTER TABLE persons RENAME COLUMN notes TO notes_before")
    connection.commit()
    connection.close()
    source = write_lines(
        tmp_path / "p.jsonl",
        [
            {
                "type": "person",
                "id": uid("privacy:person"),
                "surname": "Коваленко",
                "given_name": "Марія",
                "notes": "Оксана Стороння",
            }
        ],
    )
    before = len(log_lines())
    result = opora("records", "import", source, db=sqlite_sample_db)
    assert result.code == 1, str(result)
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert ukrainian(result.err), result.err
    assert "OperationalError" in result.err and "opora.log" in result.err, result.err
    entry = log_lines()[before:]
    assert any("OperationalError" in line for line in entry), entry
    assert any("records import" in line for line in entry), entry
    for value in ("Коваленко", "Марія", "Оксана Стороння"):
        assert value not in result.err and not any(value in line for line in entry)


def test_zz_no_message_or_log_line_names_anyone() -> None:
    values = private_values()
    assert len(MESSAGES) > 0
    leaks = sorted(
        {
            (value, line.strip()[:200])
            for line in [*(m for text in MESSAGES for m in text.splitlines()), *log_lines()]
            for value in values
            if value in line
        }
    )
    assert leaks == []
