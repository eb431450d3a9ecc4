"""`opora audit list [--from DATE] [--to DATE] [--user LOGIN]`: the audit trail."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.context import CommandContext
from app.commands.report import parse_date
from app.i18n import tr
from app.services.audit import list_events


def register(subparsers: Any) -> None:
    """Add `audit list`."""
    audit = subparsers.add_parser("audit", help=tr("who viewed, printed, exported or changed what"))
    actions = audit.add_subparsers(dest="action", required=True, parser_class=type(audit))
    do_list = actions.add_parser("list", help=tr("events of every device"))
    do_list.add_argument("--from", dest="date_from", type=parse_date)
    do_list.add_argument("--to", dest="date_to", type=parse_date)
    do_list.add_argument("--user")
    do_list.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace, context: CommandContext) -> int:
    """Print the events, oldest first."""
    events = list_events(context.open(), args.date_from, args.date_to, args.user)
    text = "\n".join(
        "\t".join(
            str(part or "")
            for part in (
                e["at"],
                e["user"],
                e["device"],
                tr(e["action"]),
                e["type"],
                e["record_id"] or (e["count"] if e["count"] else ""),
            )
        )
        for e in events
    )
    document = {"events": [{k: v for k, v in e.items() if k != "count"} for e in events]}
    context.emit(document, text, listing=True)
    return 0
