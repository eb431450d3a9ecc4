"""What every command handler gets: the parsed options, the database, output helpers."""

from __future__ import annotations

import getpass
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from app.db.database import Database, open_database
from app.i18n import tr

# A command waits this long for another program (the GUI, another import) to finish writing.
COMMAND_WRITE_WAIT = 15 * 60.0


def default_database() -> Path:
    """`opora.db` in the platform's user data folder."""
    return Path(user_data_dir("opora", appauthor=False)) / "opora.db"


def password_from_environment(variable: str, login: str | None) -> str | None:
    """A password from the environment, else asked on a terminal, else None."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        prompt = (
            "Password for {login}: "
            if variable == "OPORA_PASSWORD"
            else "New password for {login}: "
        )
        return getpass.getpass(tr(prompt, login=login or "?"))
    return None


def _tell_waiting() -> None:
    sys.stderr.write(tr("another program is changing the database; waiting for it to finish…"))
    sys.stderr.write("\n")
    sys.stderr.flush()


@dataclass
class CommandContext:
    """Options shared by every command, and the database opened on demand."""

    db_target: str
    user: str | None
    json: bool
    _db: Database | None = field(default=None, repr=False)

    def open(self) -> Database:
        """The database, opened and authenticated once per command."""
        if self._db is None:
            self._db = open_database(self.db_target, login=self.user, password=self.password_lazy())
            self._db.wait.seconds = COMMAND_WRITE_WAIT
            self._db.wait.on_wait = _tell_waiting
        return self._db

    def password_lazy(self) -> str | None:
        return password_from_environment("OPORA_PASSWORD", self.user)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def emit(
        self, document: dict[str, Any], text: str | None = None, *, listing: bool = False
    ) -> None:
        """Report a result: one JSON document on stdout with --json; else the text — on stdout
        when it is the command's listing (devices, conflicts, per-bundle lines), on stderr when
        it only confirms what was done (so stdout stays clean for pipes)."""
        if self.json:
            sys.stdout.write(json.dumps(document, ensure_ascii=False, sort_keys=True) + "\n")
        elif text:
            (sys.stdout if listing else sys.stderr).write(text + "\n")
