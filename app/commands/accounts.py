"""`opora accounts add|list|disable|passwd` (CONTRACT.md «Accounts and roles»)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.context import CommandContext, password_from_environment
from app.i18n import tr
from app.services import audit
from app.services.accounts import create_account, disable_account, list_accounts, set_password
from app.services.permissions import ROLES, NotPermitted


def register(subparsers: Any) -> None:
    """Add `accounts add`, `accounts list`, `accounts disable` and `accounts passwd`."""
    accounts = subparsers.add_parser("accounts", help=tr("accounts and their roles"))
    actions = accounts.add_subparsers(dest="action", required=True, parser_class=type(accounts))
    add = actions.add_parser("add", help=tr("a new account (password from OPORA_NEW_PASSWORD)"))
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name")
    add.add_argument("--district", nargs="+", action="extend", default=[])
    add.set_defaults(handler=run_add)
    actions.add_parser("list", help=tr("accounts and their roles")).set_defaults(handler=run_list)
    disable = actions.add_parser("disable", help=tr("an account that may no longer sign in"))
    disable.add_argument("login")
    disable.set_defaults(handler=run_disable)
    passwd = actions.add_parser("passwd", help=tr("a new password from OPORA_NEW_PASSWORD"))
    passwd.add_argument("login", nargs="?")
    passwd.set_defaults(handler=run_passwd)


def run_add(args: argparse.Namespace, context: CommandContext) -> int:
    """Create an account on this database."""
    db = context.open()
    password = password_from_environment("OPORA_NEW_PASSWORD", args.login)
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
