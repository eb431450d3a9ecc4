"""`opora records import FILE` and `opora records export [--out FILE]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.commands.context import CommandContext
from app.commands.sync import warn_clock
from app.errors import ValidationError
from app.files import atomic_text_writer
from app.i18n import tr
from app.services import audit
from app.services.records import export_records, import_records


def register(subparsers: Any) -> None:
    """Add `records import` and `records export`."""
    records = subparsers.add_parser("records", help=tr("interchange records (JSON lines)"))
    actions = records.add_subparsers(dest="action", required=True, parser_class=type(records))
    do_import = actions.add_parser("import", help=tr("upsert records from a JSON-lines file"))
    do_import.add_argument("file")
    do_import.set_defaults(handler=run_import)
    do_export = actions.add_parser("export", help=tr("every live record, canonical"))
    do_export.add_argument("--out")
    do_export.set_defaults(handler=run_export)
    erase = actions.add_parser("erase", help=tr("erase a family or a person for good (admin)"))
    erase.add_argument("type", choices=("family", "person"))
    erase.add_argument("id")
    erase.set_defaults(handler=run_erase)


def run_import(args: argparse.Namespace, context: CommandContext) -> int:
    """Import a file all or nothing."""
    db = context.open()
    warn_clock(db)  # a wrong date is said before more is written
    doubts: list[ValidationError] = []
    count = import_records(db, Path(args.file), warn=doubts.append)
    if not context.json:
        for doubt in doubts:
            sys.stderr.write(tr("warning: {message}", message=str(doubt)) + "\n")
    document: dict[str, object] = {"file": args.file, "imported": count}
    if doubts:
        document["warnings"] = [
            {"line": d.line, "field": d.field, "message": d.message} for d in doubts
        ]
    context.emit(
        document,
        tr("imported {count} records from {file}", count=count, file=args.file),
    )
    return 0


def run_export(args: argparse.Namespace, context: CommandContext) -> int:
    """Print or write the canonical export."""
    db = context.open()
    count = 0
    if args.out:
        with atomic_text_writer(Path(args.out)) as handle:
            for line in export_records(db):
                handle.write(line + "\n")
                count += 1
        context.emit(
            {"out": args.out, "exported": count}, tr("exported {count} records", count=count)
        )
    else:
        out = sys.stdout
        for line in export_records(db):
            out.write(line + "\n")
            count += 1
        out.flush()
    audit.log(db, "export", None, None, count)
    return 0


def run_erase(args: argparse.Namespace, context: CommandContext) -> int:
    """Erase a family or a person for good (docs/decisions/067-erasure.md)."""
    from app.services.erasure import erase

    db = context.open()
    count = erase(db, args.type, args.id)
    audit.log(db, "change", args.type, None, count)
    context.emit(
        {"type": args.type, "id": args.id, "erased": count},
        tr(
            "erased for good: {count} records; every laptop erases them at its next exchange",
            count=count,
        ),
    )
    return 0
