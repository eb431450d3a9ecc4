"""`opora accounts add|list|disable|passwd` (CONTRACT.md «Accounts and roles»)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.context import CommandContext, password_from_environment
from app.errors import UsageError
from app.i18n import tr
from app.services import audit
from app.services.accounts import create_account, disable_account, list_accounts, set_password
from app.services.permissions import ROLES, NotPermitted, actor_of


def register(subparsers: Any) -> None:
    """Add `accounts add`, `accounts list`, `accounts disable` and `accounts passwd`."""
    accounts = subparsers.add_parser("accounts", help=tr("accounts and their roles"))
    actions = accounts.add_subparsers(dest="action", required=True, parser_class=type(accounts))
    add = actions.add_parser("add", help=tr("a new account (password from OPORA_NEW_PASSWORD)"))
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name")
    add.add_argument("--district", nargs="+", action="extend", default=[])
    add.add_argument("--device", help=tr("the laptop the account signs in on (centre)"))
    add.add_argument("--out", help=tr("the account file for that laptop"))
    add.set_defaults(handler=run_add)
    actions.add_parser("list", help=tr("accounts and their roles")).set_defaults(handler=run_list)
    disable = actions.add_parser("disable", help=tr("an account that may no longer sign in"))
    disable.add_argument("login")
    disable.set_defaults(handler=run_disable)
    passwd = actions.add_parser("passwd", help=tr("a new password from OPORA_NEW_PASSWORD"))
    passwd.add_argument("login", nargs="?")
    passwd.set_defaults(handler=run_passwd)
    for action, helptext in (
        ("recover", tr("a new password from the centre's recovery file (laptop)")),
        ("join", tr("an account from the centre's account file (laptop)")),
    ):
        taking = actions.add_parser(action, help=helptext)
        taking.add_argument("--file", required=True)
        taking.set_defaults(handler=run_take_file)


def run_add(args: argparse.Namespace, context: CommandContext) -> int:
    """Create an account on this database."""
    db = context.open()
    password = password_from_environment("OPORA_NEW_PASSWORD", args.login)
    if args.device or args.out:
        return _add_laptop_account(args, context, db, password)
    row = create_account(db, args.login, args.role, password, args.name, args.district)
    audit.log(db, "change", "account", None)
    context.emit(
        {"account": row.to_json()},
        tr("account {login} created (role {role})", login=row.login, role=tr(row.role)),
    )
    return 0


def run_list(args: argparse.Namespace, context: CommandContext) -> int:
    """Print the accounts."""
    rows = list_accounts(context.open())
    text = "\n".join(
        "\t".join(
            (
                r.login,
                tr(r.role),
                r.name,
                ", ".join(r.districts),
                tr("disabled") if r.disabled else tr("active"),
            )
        )
        for r in rows
    )
    context.emit({"accounts": [r.to_json() for r in rows]}, text, listing=True)
    return 0


def run_disable(args: argparse.Namespace, context: CommandContext) -> int:
    """Disable an account."""
    db = context.open()
    disable_account(db, args.login)
    audit.log(db, "change", "account", None)
    context.emit(
        {"login": args.login, "disabled": True},
        tr("account {login} disabled", login=args.login),
    )
    return 0


def run_passwd(args: argparse.Namespace, context: CommandContext) -> int:
    """Set a new password: one's own (every role), or any account's (admin)."""
    db = context.open()
    actor = context.actor()
    login = args.login or db.login or ""
    if login != db.login and not actor.is_admin:
        raise NotPermitted(tr("only an administrator changes another account's password"))
    password = password_from_environment("OPORA_NEW_PASSWORD", login)
    set_password(db, login, password)
    audit.log(db, "change", "account", None)
    context.emit({"login": login, "changed": True}, tr("password of {login} changed", login=login))
    return 0


def _add_laptop_account(
    args: argparse.Namespace, context: CommandContext, db: Any, password: str | None
) -> int:
    """Centre: an account that signs in on a laptop, carried there in an account file."""
    from app.sync.recovery import add_laptop_account

    if not (args.device and args.out):
        raise UsageError(tr("a laptop's account needs both --device and --out"))
    if args.district:
        raise UsageError(tr("a laptop's account works in the laptop's districts"))
    if not password:
        raise UsageError(tr("no password for the new account: set OPORA_NEW_PASSWORD"))
    done = add_laptop_account(
        db,
        login=args.login,
        role=args.role,
        name=args.name,
        device=args.device,
        password=password,
        out=args.out,
    )
    audit.log(db, "change", "account", None)
    context.emit(
        {**done, "file": args.out, "role": args.role},
        tr(
            "account {login} created for «{device}»; account file {file}",
            file=args.out,
            **done,
        ),
    )
    return 0


def run_take_file(args: argparse.Namespace, context: CommandContext) -> int:
    """Laptop: `accounts recover` / `accounts join` — OPORA_PASSWORD is the new password the
    centre sealed the file with; no sign-in is needed (the file proves the centre's word)."""
    from app.sync.recovery import ACCOUNT, RECOVERY, apply_file

    password = context.password_lazy()
    if not password:
        raise UsageError(tr("no password given: set OPORA_PASSWORD"))
    kind = RECOVERY if args.action == "recover" else ACCOUNT
    db = apply_file(context.db_target, args.file, password, kind)
    try:
        audit.log(db, "change", "account", None)
        role = actor_of(db).role
    finally:
        db.close()
    message = (
        tr("password of {login} changed", login=db.login)
        if kind == RECOVERY
        else tr("account {login} created (role {role})", login=db.login, role=tr(role))
    )
    context.emit({"login": db.login, "changed": True}, message)
    return 0
