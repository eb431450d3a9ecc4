"""Shared fixtures: real database files made through the core's own set-up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.database import Database
from app.services.setup import init_centre

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
