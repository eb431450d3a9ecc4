"""A throwaway PostgreSQL cluster for the tests, started from the server's own binaries.

`initdb` and `pg_ctl` (Debian's `postgresql` package; `scripts/test.sh` installs it) make a
cluster in a temporary folder that listens only on a unix socket inside that folder, so the
tests need no service from the machine and never collide on a port. The server refuses to
run as root: as root the cluster belongs to the `postgres` system user (runuser).

The default collation is ICU's Ukrainian (as a centre's server would have), so a sort that
depends on the database's collation shows up as an export that differs from SQLite's.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path


def server_binaries() -> Path | None:
    """The folder holding initdb/pg_ctl (newest major version), or None when not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _major(path: str) -> int:
    try:
        return int(Path(path).parts[-3])
    except ValueError:
        return 0


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


@dataclass
class Cluster:
    """A running server: its folder (also the socket's) and superuser."""

    folder: Path
    binaries: Path
    user: str = "postgres"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of a database of this cluster (over the unix socket)."""
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.folder}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run one statement with psql as the superuser; returns its output."""
        done = subprocess.run(
            [
                str(self.binaries / "psql"),
                "-h",
                str(self.folder),
                "-U",
                self.user,
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-At",
                "-c",
                statement,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        return done.stdout

    def new_database(self, template: str | None = None) -> str:
        """A fresh empty database (or a copy of `template`); returns its name."""
        name = "t_" + uuid.uuid4().hex[:16]
        copy = f" TEMPLATE {template}" if template else ""
        self.sql(f"CREATE DATABASE {name}{copy}")
        return name

    def drop_database(self, name: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        subprocess.run(
            _as_owner([str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data")])
            + ["-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """initdb + pg_ctl start in a new temporary folder; raises RuntimeError if it cannot."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="opora-pg-"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data = folder / "data"
    initdb = [str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"]
    initdb += ["-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]
    icu = ["--locale-provider=icu", "--icu-locale=uk-UA"]
    done = subprocess.run(_as_owner(initdb + icu), capture_output=True, text=True, check=False)
    if done.returncode != 0:  # a server built without ICU: the C collation then
        shutil.rmtree(data, ignore_errors=True)
        done = subprocess.run(_as_owner(initdb), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(done.stderr)
    options = f"-k {folder} -c listen_addresses='' -F -c max_connections=60"
    done = subprocess.run(
        _as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-o", options])
        + ["-l", str(folder / "server.log"), "-w", "-t", "60", "start"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace") if folder.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(done.stderr + log)
    return Cluster(folder, binaries)
