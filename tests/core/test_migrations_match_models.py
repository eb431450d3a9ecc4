"""The Alembic revisions build exactly the schema the models declare, on SQLite and on
PostgreSQL."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from app.db import migrate
from app.db.base import Base


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return str(request.getfixturevalue("pg_url"))


def test_head_schema_equals_models(url: str) -> None:
    if importlib.util.find_spec("app.sync.tables") is not None:
        import app.sync.tables  # noqa: F401  (its tables belong to the same metadata)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_migrations_go_down_and_up_again(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
            migrate.downgrade(connection, "base")
            assert migrate.current_revision(connection) is None
            migrate.upgrade(connection)
            assert migrate.current_revision(connection) == migrate.head_revision()
    finally:
        engine.dispose()
