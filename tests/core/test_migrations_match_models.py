"""The Alembic revisions build exactly the schema the models declare."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from app.db import migrate
from app.db.base import Base


def test_head_schema_equals_models(tmp_path: Path) -> None:
    if importlib.util.find_spec("app.sync.tables") is not None:
        import app.sync.tables  # noqa: F401  (its tables belong to the same metadata)
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.begin() as connection:
        migrate.upgrade(connection)
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
