"""Several programs writing one database file: each waits its turn and succeeds (issue 12.1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.acceptance.bulk import families, families_file, laptop_bundles
from tests.acceptance.conftest import by_id, export_records, opora, opora_many, uid


def test_three_record_imports_at_once_all_succeed(sample_db: Path, tmp_path: Path) -> None:
    files = [families_file(tmp_path, tag, 1500) for tag in ("a", "b", "c")]
    results = opora_many([(("records", "import", f), {"db": sample_db}) for f in files])
    for result in results:
        assert result.code == 0, str(result)
        assert "locked" not in result.err
    records = by_id(export_records(sample_db))
    for tag in ("a", "b", "c"):
        for record in families(tag, 1500):
            assert record["id"] in records, record["id"]


@pytest.mark.slow
def test_sync_imports_and_a_records_import_at_once(sample_db: Path, tmp_path: Path) -> None:
    bundles = laptop_bundles(sample_db, tmp_path, ["L1", "L2"], 500)
    local = families_file(tmp_path, "centre", 1500)
    results = opora_many(
        [
            (("--json", "sync", "import", bundles[0]), {"db": sample_db}),
            (("--json", "sync", "import", bundles[1]), {"db": sample_db}),
            (("records", "import", local), {"db": sample_db}),
        ]
    )
    for result in results:
        assert result.code == 0, str(result)
    for result in results[:2]:
        assert [b["status"] for b in result.json()["bundles"]] == ["applied"]
    records = by_id(export_records(sample_db))
    for tag in ("L1", "L2", "centre"):
        assert uid(f"{tag}:person:499") in records
    again = opora("sync", "import", *bundles, db=sample_db)
    assert again.code == 0, str(again)
