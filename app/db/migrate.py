"""Schema migrations (Alembic), run when a database is opened or created.

Opening a database only compares its revision with the newest one: both are read without
Alembic (the revision graph from the scripts' text, app/version.py; the database's revision
with one query), so a command pays for importing Alembic only when a migration runs.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from app.version import schema_heads, schema_revisions

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSIONS = MIGRATIONS / "versions"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration over this package's migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _graph() -> dict[str, tuple[str, ...]]:
    return schema_revisions(VERSIONS)


def head_revision() -> str:
    """The newest schema revision this version of Opora knows."""
    heads = schema_heads(VERSIONS)
    if len(heads) == 1:
        return heads[0]
    from alembic.script import ScriptDirectory  # several heads: Alembic says what is wrong

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision this version knows."""
    return set(_graph())


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at (None for an empty one)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows: list[Any] = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    if len(rows) > 1:  # a database between branches: Alembic's own answer (an error)
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return rows[0][0] if rows else None


def upgrade(connection: Connection, target: str = "head") -> None:
    """Run the pending migrations on `connection` (in its transaction)."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)


def downgrade(connection: Connection, target: str) -> None:
    """Step a database back to an older revision (tests of the upgrade path use it)."""
    from alembic import command

    command.downgrade(alembic_config(connection), target)


def predates(revision: str | None, target: str) -> bool:
    """Whether a database or bundle at `revision` lacks the migration `target`."""
    if revision is None:
        return True
    graph = _graph()
    if revision not in graph:
        return False  # an unknown revision: a newer schema, which is refused elsewhere
    chain: set[str] = set()
    pending = [revision]
    while pending:
        current = pending.pop()
        if current in chain or current not in graph:
            continue
        chain.add(current)
        pending.extend(graph[current])
    return target not in chain
