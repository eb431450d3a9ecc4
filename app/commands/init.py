"""`opora init centre …` (and `init field`, registered by the sync commands)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands import init_field
from app.commands.context import CommandContext
from app.errors import UsageError
from app.i18n import tr
from app.services.accounts import password_problem
from app.services.setup import init_centre


def register(subparsers: Any) -> None:
    """Add `init` and its sub-commands."""
    init = subparsers.add_parser("init", help=tr("create a database"))
    kinds = init.add_subparsers(dest="kind", required=True, parser_class=type(init))
    centre = kinds.add_parser("centre", help=tr("a new centre database"))
    centre.add_argument("--name", required=True)
    centre.add_argument("--admin", required=True)
    centre.add_argument("--no-encryption", action="store_true")
    centre.set_defaults(handler=run_init_centre)
    init_field.register(kinds)


def run_init_centre(args: argparse.Namespace, context: CommandContext) -> int:
    """Create the centre database and its admin account."""
    if not args.name.strip() or not args.admin.strip():
        raise UsageError(tr("the centre's name and the administrator's login may not be empty"))
    password = context.password_lazy()
    if not password:
        raise UsageError(tr("no password given: set OPORA_PASSWORD"))
    problem = password_problem(args.admin, password)
    if problem:
        raise UsageError(problem)
    db = init_centre(
        context.db_target,
        name=args.name,
        admin=args.admin,
        password=password,
        encrypted=not args.no_encryption,
    )
    db.close()
    where = db.target.display
    context.emit(
        {
            "database": str(where),
            "centre": args.name,
            "admin": args.admin,
            "encrypted": db.encrypted,
        },
        tr(
            "created centre database {path} (centre «{name}», administrator {login})",
            path=where,
            name=args.name,
            login=args.admin,
        ),
    )
    return 0
