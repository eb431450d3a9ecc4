"""None and booleans bind through a registered adapter (app/db/engines.py), and bind the same
values as before: NULL for None, the integers 0 and 1 for False and True.

Without an adapter both drivers search for one for every None and bool (a failed registry
lookup and two failed attribute lookups), about a tenth of a merge whose rows are mostly
empty optional columns.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from app.services.setup import init_centre
from tests.conftest import PASSWORD


@pytest.mark.parametrize("module", [sqlite3, sqlcipher3])
def test_none_and_booleans_have_an_adapter(module: object) -> None:
    import app.db.engines  # noqa: F401 - registers them

    adapters = module.adapters  # type: ignore[attr-defined]
    protocol = module.PrepareProtocol  # type: ignore[attr-defined]
    assert (type(None), protocol) in adapters
    assert (bool, protocol) in adapters


@pytest.mark.parametrize("encrypted", [True, False])
def test_they_bind_null_and_integers_as_before(tmp_path: Path, encrypted: bool) -> None:
    db = init_centre(
        tmp_path / "c.db", name="ЦНСП", admin="admin", password=PASSWORD, encrypted=encrypted
    )
    with db.session() as session:
        connection = session.connection()
        connection.exec_driver_sql("CREATE TEMP TABLE t (a, b, c)")
        connection.exec_driver_sql(
            "INSERT INTO t VALUES (?, ?, ?)", [(None, True, False), (False, None, True)]
        )
        found = connection.exec_driver_sql(
            "SELECT typeof(a), a, typeof(b), b, typeof(c), c FROM t ORDER BY rowid"
        ).all()
    db.close()
    assert [tuple(row) for row in found] == [
        ("null", None, "integer", 1, "integer", 0),
        ("integer", 0, "null", None, "integer", 1),
    ]
