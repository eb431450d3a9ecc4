"""`opora sync export --out FILE [--for DEVICE]` and `opora sync import FILE…`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.commands.context import CommandContext
from app.db.database import Database
from app.i18n import tr
from app.sync.exchange import ALREADY_APPLIED, APPLIED, export_bundle, import_bundle
from app.sync.exchange_notes import clock_warning


def warn_clock(db: Database) -> None:
    """Warn on stderr when this computer's date looks wrong (before more is written)."""
    warning = clock_warning(db)
    if warning:
        sys.stderr.write(tr("warning: {message}", message=warning) + "\n")


def register(subparsers: Any) -> None:
    """Add `sync export` and `sync import`."""
    sync = subparsers.add_parser("sync", help=tr("exchange bundles with the centre or a laptop"))
    actions = sync.add_subparsers(dest="action", required=True, parser_class=type(sync))
    do_export = actions.add_parser("export", help=tr("a bundle of what the peer has not got"))
    do_export.add_argument("--out", required=True)
    do_export.add_argument("--for", dest="peer")
    do_export.set_defaults(handler=run_export)
    do_import = actions.add_parser("import", help=tr("merge bundles"))
    do_import.add_argument("files", nargs="+")
    do_import.set_defaults(handler=run_import)
    from app.commands.online import register_sync_now

    register_sync_now(actions)


def run_export(args: argparse.Namespace, context: CommandContext) -> int:
    """Write one bundle for the peer."""
    result = export_bundle(context.open(), args.out, args.peer)
    header = result.header
    context.emit(
        {
            "file": args.out,
            "bundle_id": header.bundle_id,
            "recipient": header.recipient,
            "changes": result.changes,
        },
        tr("{file}: exported {count} changes", file=args.out, count=result.changes),
        listing=True,
    )
    return 0


def run_import(args: argparse.Namespace, context: CommandContext) -> int:
    """Merge each file in its own transaction; exit 3 when any was rejected."""
    db = context.open()
    results = [import_bundle(db, path) for path in args.files]
    warn_clock(db)
    lines = []
    for result in results:
        if result.status == APPLIED:
            text = tr(
                "{file}: applied, {changes} changes, {conflicts} conflicts",
                file=result.file,
                changes=result.changes,
                conflicts=result.conflicts,
            )
            if result.refused:
                text += "; " + tr(
                    "{count} changes outside the sender's districts refused and kept for "
                    "review (conflicts list)",
                    count=result.refused,
                )
            if result.held:
                text += "; " + tr(
                    "{count} changes dated more than a day ahead held for review "
                    "(conflicts list): the sender's clock is wrong",
                    count=result.held,
                )
        elif result.status == ALREADY_APPLIED:
            text = tr("{file}: already applied", file=result.file)
        else:
            text = tr("{file}: rejected: {error}", file=result.file, error=result.error)
            sys.stderr.write(tr("error: {message}", message=text) + "\n")
        lines.append(text)
    context.emit({"bundles": [r.to_json() for r in results]}, "\n".join(lines), listing=True)
    return 3 if any(r.status not in (APPLIED, ALREADY_APPLIED) for r in results) else 0
