"""Shared fixtures: real database files made through the core's own set-up."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.database import Database
from app.services.setup import init_centre
from tests.pg import Cluster, start_cluster

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _ukrainian_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPORA_LANG", raising=False)
    monkeypatch.setenv("OPORA_PASSWORD", PASSWORD)


@pytest.fixture(params=["encrypted", "plain"])
def centre(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A centre database file, SQLCipher-encrypted and plain."""
    db = init_centre(
        tmp_path / "centre.db",
        name="ЦНСП Малинської громади",
        admin="admin",
        password=PASSWORD,
        encrypted=request.param == "encrypted",
    )
    yield db
    db.close()


@pytest.fixture
def plain_centre(tmp_path: Path) -> Iterator[Database]:
    """A plain centre database file (fast)."""
    db = init_centre(
        tmp_path / "centre.db", name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False
    )
    yield db
    db.close()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL server for the whole run (see tests/pg.py).

    Skipped where the server binaries are missing, unless OPORA_REQUIRE_POSTGRES is set
    (scripts/test.sh sets it, so CI never skips the PostgreSQL tests)."""
    try:
        cluster = start_cluster()
    except RuntimeError as error:
        if os.environ.get("OPORA_REQUIRE_POSTGRES"):
            raise
        pytest.skip(f"no PostgreSQL server: {error}")
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database of this test."""
    name = pg_cluster.new_database()
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)
