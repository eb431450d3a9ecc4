"""Writing a period summary to a file: JSON, PDF or XLSX, atomically (CLI and GUI alike)."""

from __future__ import annotations

import json
from pathlib import Path

from app.db.database import Database
from app.files import atomic_writer
from app.reports.data import Summary
from app.reports.loaders import load_centre, load_summary_labels

FORMATS = ("json", "pdf", "xlsx")


def summary_json_text(summary: Summary) -> str:
    """The contract's summary JSON document, as written to a file."""
    return json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n"


def write_summary(db: Database, summary: Summary, fmt: str, path: Path) -> Path:
    """Write `summary` as `fmt` to `path` through a temporary file; returns the path."""
    if fmt == "json":
        with atomic_writer(path, "w", encoding="utf-8") as handle:
            handle.write(summary_json_text(summary))
        return path
    with db.reading() as session:
        centre, labels = load_centre(session), load_summary_labels(session)
    if fmt == "pdf":
        from app.reports.pdf.summary_pdf import render_summary as render
    else:
        from app.reports.xlsx import render_summary_xlsx as render
    with atomic_writer(path, "wb") as handle:
        render(summary, handle, centre=centre, labels=labels)
    return path
