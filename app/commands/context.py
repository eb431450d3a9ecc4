"""What every command handler gets: the parsed options, the database, output helpers."""

from __future__ import annotations

import getpass
import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any

from app.db.database import Database, Target, open_database
from app.i18n import tr
from app.services.permissions import Actor, actor_of, require_command

# A command waits this long for another program (the GUI, another import) to finish writing.
COMMAND_WRITE_WAIT = 15 * 60.0


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
    gui: Any = field(default=None, repr=False)  # the GuiOpener the entry point gave, if any
    note_sign_in: bool = True

    def open(self) -> Database:
        """The database, opened and authenticated once per command."""
        if self._db is None:
            from app.services.audit import signed_in

            self._db = signed_in(
                lambda: open_database(
                    self.db_target, login=self.user, password=self.password_lazy()
                ),
                self.db_target,
                self.user,
            )
            self._db.wait.seconds = COMMAND_WRITE_WAIT
            self._db.wait.on_wait = _tell_waiting
        return self._db

    def authorise(self, command: str) -> Actor:
        """Sign in and check that the account's role may run `command` (NotPermitted, exit 5,
        otherwise). A restore onto a missing database is checked against the backup itself."""
        if command == "restore":
            target = Target.parse(self.db_target)
            if target.path is not None and not target.path.exists():
                return Actor()
        actor = self.actor()
        require_command(actor, command, self.open())
        return actor

    def actor(self) -> Actor:
        """The signed-in account with its role and districts."""
        return actor_of(self.open())

    def password_lazy(self) -> str | None:
        return password_from_environment("OPORA_PASSWORD", self.user)

    def succeeded(self) -> None:
        """The command did its work: its sign-in goes into the audit trail."""
        if self._db is not None and self._db.login and self.note_sign_in:
            from app.services.audit import note_sign_in

            note_sign_in(self._db)

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
