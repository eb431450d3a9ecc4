"""Schema migrations (Alembic), run when a database is opened or created."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration over this package's migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of Opora knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision this version knows."""
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision a database is at (None for an empty one)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    """Run the pending migrations on `connection` (in its transaction)."""
    command.upgrade(alembic_config(connection), target)


def downgrade(connection: Connection, target: str) -> None:
    """Step a database back to an older revision (tests of the upgrade path use it)."""
    command.downgrade(alembic_config(connection), target)


def predates(revision: str | None, target: str) -> bool:
    """Whether a database or bundle at `revision` lacks the migration `target`."""
    if revision is None:
        return True
    script = ScriptDirectory.from_config(alembic_config())
    try:
        chain = {rev.revision for rev in script.iterate_revisions(revision, "base")}
    except Exception:  # an unknown revision: a newer schema, which is refused elsewhere
        return False
    return target not in chain
