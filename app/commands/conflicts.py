"""`opora conflicts list` and `opora conflicts resolve ID --take winner|loser`."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.commands.context import CommandContext
from app.i18n import tr
from app.services.visible import visible_records
from app.sync.conflicts import TAKE, list_conflicts, resolve_conflict


def register(subparsers: Any) -> None:
    """Add `conflicts list` and `conflicts resolve`."""
    conflicts = subparsers.add_parser("conflicts", help=tr("concurrent edits kept for review"))
    actions = conflicts.add_subparsers(dest="action", required=True, parser_class=type(conflicts))
    do_list = actions.add_parser("list", help=tr("kept conflicts"))
    do_list.add_argument("--open", action="store_true", help=tr("only unresolved ones"))
    do_list.set_defaults(handler=run_list)
    resolve = actions.add_parser("resolve", help=tr("keep the winner, or write the loser anew"))
    resolve.add_argument("id", type=lambda text: text.strip().lower())
    resolve.add_argument("--take", choices=TAKE, required=True)
    resolve.set_defaults(handler=run_resolve)


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def run_list(args: argparse.Namespace, context: CommandContext) -> int:
    """Print the conflicts (all, or only open ones)."""
    db = context.open()
    items = visible_records(db, list_conflicts(db, status="open" if args.open else None))
    document = {
        "conflicts": [
            {k: v for k, v in c.items() if k not in ("winner_version", "loser_version")}
            for c in items
        ]
    }
    text = "\n".join(
        tr(
            "{id} [{status}] {type} {record} «{field}»: {winner} ({winner_device}) "
            "over {loser} ({loser_device})",
            id=c["id"],
            status=tr(c["status"]),
            type=c["type"],
            record=c["record_id"],
            field=c["field"],
            winner=_show(c["winner"]),
            winner_device=c["winner_device"],
            loser=_show(c["loser"]),
            loser_device=c["loser_device"],
        )
        for c in items
    ) or tr("no conflicts")
    context.emit(document, text, listing=True)
    return 0


def run_resolve(args: argparse.Namespace, context: CommandContext) -> int:
    """Resolve one conflict."""
    db = context.open()
    written = resolve_conflict(db, args.id, args.take, db.login)
    context.emit(
        {"id": args.id, "take": args.take, "status": "resolved", "written": written},
        tr("conflict {id} resolved: kept the {take}", id=args.id, take=tr(args.take)),
    )
    return 0
