"""Opening a database reads revisions without Alembic: the answers must be Alembic's."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from app.db import migrate


def test_head_known_revisions_and_order_as_alembic_reads_them() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    assert migrate.known_revisions() == known
    for revision in sorted(known):
        chain = {rev.revision for rev in script.iterate_revisions(revision, "base")}
        for target in sorted(known):
            assert migrate.predates(revision, target) == (target not in chain)
    assert migrate.predates(None, "0001") is True
    assert migrate.predates("ffff-newer", "0001") is False


def test_current_revision_as_alembic_reads_it(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.begin() as connection:
        assert migrate.current_revision(connection) is None  # an empty file
        migrate.upgrade(connection, "0002")
        assert migrate.current_revision(connection) == "0002"
        assert MigrationContext.configure(connection).get_current_revision() == "0002"
        migrate.downgrade(connection, "base")
        assert migrate.current_revision(connection) is None  # the table is there, empty
    engine.dispose()
    rows = sqlite3.connect(tmp_path / "x.db").execute("SELECT * FROM alembic_version").fetchall()
    assert rows == []


def test_opening_a_database_at_head_loads_no_alembic(tmp_path: Path) -> None:
    code = (
        "import sys; from app.services.setup import init_centre;"
        f"init_centre({str(tmp_path / 'c.db')!r}, name='Ц', admin='a', password='p',"
        " encrypted=False).close();"
        "[m for m in list(sys.modules) if m.startswith('alembic') and sys.modules.pop(m)];"
        "from app.db.database import open_database;"
        f"open_database({str(tmp_path / 'c.db')!r}, authenticate=False).close();"
        "print(sorted(m for m in sys.modules if m.startswith('alembic')), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stderr.strip().splitlines()[-1] == "[]"
