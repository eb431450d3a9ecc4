"""Printouts from the GUI: ask where to save the PDF, render it off the GUI thread with
app.reports, then open it in the system's viewer for printing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import OporaError
from ui.context import AppContext
from ui.runner import run_with_progress


def ask_pdf_path(parent: QWidget, context: AppContext, name: str) -> Path | None:
    folder = context.settings.folder("pdf") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "Save PDF"),
        str(Path(folder) / name),
        QCoreApplication.translate("Printing", "PDF files (*.pdf)"),
    )
    if not path:
        return None
    context.settings.set_folder("pdf", str(Path(path).parent))
    return Path(path)


def render_to(
    parent: QWidget, path: Path, render: Callable[[], Any], open_after: bool = True
) -> None:
    """Run `render()` (which writes `path`) in the background, then open the file."""

    def done(_result: object) -> None:
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def failed(error: BaseException) -> None:
        message = error.message if isinstance(error, OporaError) else str(error)
        QMessageBox.warning(
            parent, QCoreApplication.translate("Printing", "Could not make the printout"), message
        )

    run_with_progress(
        parent,
        QCoreApplication.translate("Printing", "Preparing the printout…"),
        render,
        done,
        on_error=failed,
    )


def _atomic(path: Path, render: Callable[..., None], *args: Any, **kwargs: Any) -> None:
    from app.files import atomic_writer

    with atomic_writer(path, "wb") as handle:
        render(*args, handle, **kwargs)


def print_attendance_journal(parent: QWidget, context: AppContext, group_id: str) -> None:
    from app.reports.loaders import load_journal
    from app.reports.pdf.journal import render_journal

    path = ask_pdf_path(
        parent, context, QCoreApplication.translate("Printing", "attendance-journal.pdf")
    )
    if path is not None:
        db = context.db
        render_to(
            parent,
            path,
            lambda: _atomic(path, render_journal, load_journal(db, group_id, None, None)),
        )


def print_registration_sheet(parent: QWidget, context: AppContext, session_id: str) -> None:
    from app.reports.loaders import load_registration
    from app.reports.pdf.registration import render_registration

    path = ask_pdf_path(
        parent, context, QCoreApplication.translate("Printing", "registration-sheet.pdf")
    )
    if path is not None:
        db = context.db
        render_to(
            parent,
            path,
            lambda: _atomic(path, render_registration, load_registration(db, session_id)),
        )


def print_family_card(parent: QWidget, context: AppContext, family_id: str) -> None:
    from app.reports.loaders import load_family_card
    from app.reports.pdf.family_card import render_family_card

    path = ask_pdf_path(parent, context, QCoreApplication.translate("Printing", "family-card.pdf"))
    if path is not None:
        db = context.db
        render_to(
            parent, path, lambda: _atomic(path, render_family_card, load_family_card(db, family_id))
        )


def print_assessment_act(parent: QWidget, context: AppContext, assessment_id: str) -> None:
    from app.reports.loaders import load_assessment_act
    from app.reports.pdf.assessment_act import render_assessment_act

    name = QCoreApplication.translate("Printing", "assessment-act.pdf")
    path = ask_pdf_path(parent, context, name)
    if path is not None:
        db = context.db
        render_to(
            parent,
            path,
            lambda: _atomic(path, render_assessment_act, load_assessment_act(db, assessment_id)),
        )
