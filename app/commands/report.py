"""`opora report attendance|registration|summary|family …`: printouts and the period summary."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.commands.context import CommandContext
from app.errors import UsageError
from app.i18n import tr

FORMATS = ("json", "pdf", "xlsx")


def parse_date(text: str) -> date:
    """A `YYYY-MM-DD` option value (a usage error, exit 2, otherwise)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("{value} is not a valid date (expected YYYY-MM-DD)", value=text)
        ) from None


def record_id(text: str) -> str:
    """An id as typed: UUIDs are stored in lower case."""
    return text.strip().lower()


def register(subparsers: Any) -> None:
    """Add `report attendance`, `report registration`, `report summary` and `report family`."""
    report = subparsers.add_parser("report", help=tr("printouts (PDF) and the period summary"))
    kinds = report.add_subparsers(dest="report", required=True, parser_class=type(report))

    attendance = kinds.add_parser("attendance", help=tr("attendance journal of a group (PDF)"))
    attendance.add_argument("--group", required=True, type=record_id, help=tr("group id"))
    attendance.add_argument("--from", dest="date_from", type=parse_date)
    attendance.add_argument("--to", dest="date_to", type=parse_date)
    attendance.add_argument("--out", required=True, help=tr("FILE.pdf"))
    attendance.set_defaults(handler=run_attendance)

    registration = kinds.add_parser(
        "registration", help=tr("registration sheet of a session (PDF)")
    )
    registration.add_argument("--session", required=True, type=record_id, help=tr("session id"))
    registration.add_argument("--blank-rows", type=int, default=5)
    registration.add_argument("--out", required=True, help=tr("FILE.pdf"))
    registration.set_defaults(handler=run_registration)

    summary = kinds.add_parser("summary", help=tr("period summary (JSON, PDF or XLSX)"))
    summary.add_argument("--from", dest="date_from", type=parse_date, required=True)
    summary.add_argument("--to", dest="date_to", type=parse_date, required=True)
    summary.add_argument("--district", help=tr("starosta district name"))
    summary.add_argument("--format", choices=FORMATS, required=True)
    summary.add_argument("--out", required=True, help=tr("FILE, or - for JSON on stdout"))
    summary.set_defaults(handler=run_summary)

    family = kinds.add_parser("family", help=tr("family card (PDF)"))
    family.add_argument("--family", required=True, type=record_id, help=tr("family id"))
    family.add_argument("--out", required=True, help=tr("FILE.pdf"))
    family.set_defaults(handler=run_family)

    act = kinds.add_parser("act", help=tr("needs-assessment act for signatures (PDF)"))
    act.add_argument("--assessment", required=True, type=record_id, help=tr("assessment id"))
    act.add_argument("--out", required=True, help=tr("FILE.pdf"))
    act.set_defaults(handler=run_act)


def _write(db: Any, kind: str, record_id: str, out: str, **options: Any) -> Any:
    from app.reports.output import write_printout

    return write_printout(db, kind, record_id, Path(out), **options)


def _done(context: CommandContext, kind: str, out: str, **extra: Any) -> int:
    context.emit({"report": kind, "out": out, **extra}, tr("wrote {path}", path=out))
    return 0


def run_attendance(args: argparse.Namespace, context: CommandContext) -> int:
    """Write the attendance journal of a group."""
    db = context.open()
    data = _write(
        db, "journal", args.group, args.out, date_from=args.date_from, date_to=args.date_to
    )
    return _done(context, "attendance", args.out, sessions=len(data.sessions))


def run_registration(args: argparse.Namespace, context: CommandContext) -> int:
    """Write the registration sheet of a session."""
    db = context.open()
    data = _write(db, "registration", args.session, args.out, blank_rows=args.blank_rows)
    return _done(context, "registration", args.out, participants=len(data.rows))


def run_family(args: argparse.Namespace, context: CommandContext) -> int:
    """Write the family card."""
    db = context.open()
    _write(db, "family_card", args.family, args.out)
    return _done(context, "family", args.out)


def run_act(args: argparse.Namespace, context: CommandContext) -> int:
    """Write the needs-assessment act."""
    db = context.open()
    _write(db, "assessment_act", args.assessment, args.out)
    return _done(context, "act", args.out)


def run_summary(args: argparse.Namespace, context: CommandContext) -> int:
    """Count the period summary and write it as JSON, PDF or XLSX."""
    from app.reports.output import note_export, summary_json_text, write_summary
    from app.reports.summary import compute_summary_in
    from app.services.permissions import actor_of

    if args.out == "-" and args.format != "json":
        raise UsageError(tr("the output file must end in {suffix}", suffix=f".{args.format}"))
    db = context.open()
    with db.reading() as session:
        actor = actor_of(db, session)
        summary = compute_summary_in(session, args.date_from, args.date_to, args.district, actor)
    if args.out == "-":
        sys.stdout.write(summary_json_text(summary))
        note_export(db)
    else:
        write_summary(db, summary, args.format, Path(args.out))
    if args.out == "-":
        return 0
    return _done(context, "summary", args.out, format=args.format, summary=summary.to_json())
