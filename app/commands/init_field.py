"""`opora init field --enroll FILE [--no-encryption]` (registered under `init`)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.context import CommandContext
from app.errors import UsageError
from app.i18n import tr
from app.sync.enrollment import init_field


def register(kinds: Any) -> None:
    """Add `init field` to the `init` sub-commands."""
    field = kinds.add_parser("field", help=tr("a new laptop database from an enrollment file"))
    field.add_argument("--enroll", required=True, metavar="FILE")
    field.add_argument("--no-encryption", action="store_true")
    field.set_defaults(handler=run_init_field)


def run_init_field(args: argparse.Namespace, context: CommandContext) -> int:
    """Create the laptop's database; OPORA_PASSWORD opens the enrollment file."""
    password = context.password_lazy()
    if not password:
        raise UsageError(tr("no password given: set OPORA_PASSWORD"))
    db = init_field(context.db_target, args.enroll, password, encrypted=not args.no_encryption)
    db.close()
    where = db.target.display
    # The enrollment file holds this laptop's private keys (sealed with the password): it is
    # not needed any more and should not stay on a USB stick. It is left for the user to
    # delete (another step may still be reading it), and said so.
    context.emit(
        {
            "database": str(where),
            "login": db.login,
            "encrypted": db.encrypted,
            "enrollment_file": str(args.enroll),
            "delete_enrollment_file": True,
        },
        tr("created laptop database {path} (account {login})", path=where, login=db.login)
        + "\n"
        + tr(
            "the enrollment file {file} is no longer needed: delete it (it holds this "
            "laptop's keys)",
            file=args.enroll,
        ),
    )
    return 0
