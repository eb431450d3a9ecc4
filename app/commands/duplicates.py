"""`opora duplicates list`, `duplicates merge KEEP_ID DROP_ID`, `duplicates distinct A B`."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.context import CommandContext
from app.i18n import tr
from app.services.duplicates import describe, find_duplicates, mark_distinct, merge
from app.services.validation import parse_uuid

REASONS = {
    "name": "similar name",
    "swapped_names": "surname and given name swapped",
    "birth_date": "same birth date",
    "patronymic": "same patronymic",
    "rnokpp": "same RNOKPP",
    "members": "similar members",
    "address": "same settlement and similar address",
}


def register(subparsers: Any) -> None:
    """Add `duplicates list`, `duplicates merge` and `duplicates distinct`."""
    parser = subparsers.add_parser("duplicates", help=tr("likely duplicate families and persons"))
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    do_list = actions.add_parser("list", help=tr("likely duplicate families and persons"))
    do_list.set_defaults(handler=run_list)
    do_merge = actions.add_parser("merge", help=tr("merge one record into another"))
    do_merge.add_argument("keep", type=_uuid)
    do_merge.add_argument("drop", type=_uuid)
    do_merge.set_defaults(handler=run_merge)
    distinct = actions.add_parser("distinct", help=tr("mark a pair as not a duplicate"))
    distinct.add_argument("a", type=_uuid)
    distinct.add_argument("b", type=_uuid)
    distinct.set_defaults(handler=run_distinct)


def _uuid(text: str) -> str:
    from app.errors import ValidationError

    try:
        return parse_uuid(text.strip())
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def run_list(args: argparse.Namespace, context: CommandContext) -> int:
    """Print the likely duplicates, best first."""
    db = context.open()
    pairs = find_duplicates(db)
    labels = describe(db, pairs) if not context.json else {}
    lines = [
        tr(
            "{score} {type} {a} «{label_a}» ~ {b} «{label_b}»: {reasons}",
            score=f"{pair.score:.2f}",
            type=tr(pair.type),
            a=pair.a,
            label_a=labels.get(pair.a, ""),
            b=pair.b,
            label_b=labels.get(pair.b, ""),
            reasons=", ".join(tr(REASONS.get(r, r)) for r in pair.reasons),
        )
        for pair in pairs
    ]
    context.emit(
        {"pairs": [pair.to_json() for pair in pairs]},
        "\n".join(lines) or tr("no likely duplicates"),
        listing=True,
    )
    return 0


def run_merge(args: argparse.Namespace, context: CommandContext) -> int:
    """Merge DROP into KEEP."""
    db = context.open()
    outcome = merge(db, args.keep, args.drop)
    context.emit(
        {
            "type": outcome.type,
            "keep": outcome.keep,
            "drop": outcome.drop,
            "conflicts": outcome.conflicts,
        },
        tr(
            "{drop} merged into {keep}; conflicting values kept: {conflicts}",
            drop=outcome.drop,
            keep=outcome.keep,
            conflicts=outcome.conflicts,
        ),
    )
    return 0


def run_distinct(args: argparse.Namespace, context: CommandContext) -> int:
    """Remember that A and B are not duplicates."""
    db = context.open()
    mark = mark_distinct(db, args.a, args.b)
    context.emit(
        {"a": min(args.a, args.b), "b": max(args.a, args.b), "mark": mark},
        tr("{a} and {b} marked as not duplicates", a=args.a, b=args.b),
    )
    return 0
