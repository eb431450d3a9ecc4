"""Writing reports to files, atomically, for the command line and the GUI alike: the
printouts (load the data, render the PDF, write it) and the period summary (JSON, PDF, XLSX).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from app.db.database import Database
from app.files import atomic_writer
from app.reports.data import Summary
from app.reports.loaders import load_centre, load_summary_labels
from app.services import audit

FORMATS = ("json", "pdf", "xlsx")


@dataclass(frozen=True)
class Printout:
    """One kind of printout: how its data is loaded and its PDF rendered (modules imported
    when used: reportlab costs start-up time)."""

    loader: str  # "module:function" (db, record id, **options) -> data
    renderer: str  # "module:function" (data, binary stream) -> None
    printed: str  # the type of the record the audit trail says was printed

    def load(self, db: Database, record_id: str, **options: Any) -> Any:
        return _function(self.loader)(db, record_id, **options)

    def render(self, data: Any, out: BinaryIO) -> None:
        _function(self.renderer)(data, out)


PRINTOUTS: dict[str, Printout] = {
    "journal": Printout(
        "app.reports.loaders:load_journal", "app.reports.pdf.journal:render_journal", "group"
    ),
    "registration": Printout(
        "app.reports.loaders:load_registration",
        "app.reports.pdf.registration:render_registration",
        "session",
    ),
    "family_card": Printout(
        "app.reports.loaders:load_family_card",
        "app.reports.pdf.family_card:render_family_card",
        "family",
    ),
    "assessment_act": Printout(
        "app.reports.loaders:load_assessment_act",
        "app.reports.pdf.assessment_act:render_assessment_act",
        "assessment",
    ),
}


def _function(name: str) -> Callable[..., Any]:
    import importlib

    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


def write_printout(db: Database, kind: str, record_id: str, path: Path, **options: Any) -> Any:
    """Load the printout `kind` of one record, render it and write it to `path` through a
    temporary file, and note in the audit trail who printed which record (the command line
    and the window alike: printing to paper goes through this file too); returns the data
    it printed. Nothing is written, nor noted, when loading or writing fails."""
    printout = PRINTOUTS[kind]
    data = printout.load(db, record_id, **options)
    with atomic_writer(path, "wb") as handle:
        printout.render(data, cast(BinaryIO, handle))
    audit.log(db, "print", printout.printed, record_id)
    return data


def summary_json_text(summary: Summary) -> str:
    """The contract's summary JSON document, as written to a file."""
    return json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n"


def write_summary(db: Database, summary: Summary, fmt: str, path: Path) -> Path:
    """Write `summary` as `fmt` to `path` through a temporary file, and note the export in
    the audit trail (the command line and the window alike); returns the path."""
    if fmt == "json":
        with atomic_writer(path, "w", encoding="utf-8") as handle:
            handle.write(summary_json_text(summary))
    else:
        with db.reading() as session:
            centre, labels = load_centre(session), load_summary_labels(session)
        if fmt == "pdf":
            from app.reports.pdf.summary_pdf import render_summary as render
        else:
            from app.reports.xlsx import render_summary_xlsx as render
        with atomic_writer(path, "wb") as handle:
            render(summary, cast(BinaryIO, handle), centre=centre, labels=labels)
    note_export(db)
    return path


def note_export(db: Database) -> None:
    """The summary is out (written, or shown on the standard output): noted once, never for
    a failed write."""
    audit.log(db, "export", None, None)
