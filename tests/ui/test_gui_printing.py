"""«Друк…» sends the same A4 pages as the PDF: the printout is rendered onto a QPrinter
and what the printer received is compared with the PDF, page image by page image."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Family, SupportGroup
from ui.context import AppContext
from ui.printing import PrintJob, pdf_page_images, pdf_page_sizes, print_printout
from ui.runner import wait_for_all


def gray(image: QImage, width: int = 60) -> list[int]:
    """A page as a coarse grid of grey levels (anti-aliasing, and vector text against the
    printed raster, do not matter at this size; a shifted, scaled or other page does)."""
    size = QSize(width, int(width * image.height() / image.width()))
    small = image.scaled(
        size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).convertToFormat(QImage.Format.Format_Grayscale8)
    cells: list[int] = []
    for y in range(size.height()):
        cells.extend(bytes(small.constScanLine(y))[: size.width()])
    return cells


def likeness(a: QImage, b: QImage) -> float:
    """Correlation of the two pages' grey grids: 1 the same page, near 0 unrelated."""
    x, y = gray(a), gray(b)
    mx, my = sum(x) / len(x), sum(y) / len(y)
    cov = sum((p - mx) * (q - my) for p, q in zip(x, y, strict=True))
    vx = sum((p - mx) ** 2 for p in x) ** 0.5
    vy = sum((q - my) ** 2 for q in y) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def assert_same_pages(sent: Path, original: Path) -> None:
    ours, theirs = pdf_page_images(original, 50), pdf_page_images(sent, 50)
    assert len(theirs) == len(ours) >= 1
    for number, (a, b) in enumerate(zip(ours, theirs, strict=True)):
        shifted = a.copy(0, a.height() // 40, a.width(), a.height())  # 7 mm lower
        assert likeness(a, b) > 0.9, f"page {number + 1} differs"
        assert likeness(a, shifted) < 0.7  # the measure sees a misplaced page
    for (w1, h1), (w2, h2) in zip(pdf_page_sizes(original), pdf_page_sizes(sent), strict=True):
        assert abs(w1 - w2) < 2 and abs(h1 - h2) < 2  # A4 both, same orientation


def ready_job(qtbot: QtBot, job: PrintJob) -> QPrintPreviewDialog:
    qtbot.waitUntil(lambda: job.preview is not None, timeout=20_000)
    assert job.preview is not None
    return job.preview


@pytest.mark.parametrize("kind", ["family_card", "journal"])
def test_print_sends_the_pdf_pages_to_the_printer(
    qtbot: QtBot, context: AppContext, tmp_path: Path, kind: str
) -> None:
    with context.db.session() as session:
        model = Family if kind == "family_card" else SupportGroup
        record = str(session.scalars(select(model.id)).first())
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    job = print_printout(parent, context, kind, record)
    preview = ready_job(qtbot, job)
    assert preview.isVisible()  # the preview opens first; its printer button asks where
    kept = tmp_path / "printout.pdf"
    kept.write_bytes(job.pdf.read_bytes())
    printer = job.printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer-received.pdf"))
    job._paint(printer)  # what the preview's print action does after the print dialog
    assert job.pages_sent == len(pdf_page_sizes(kept))
    assert_same_pages(tmp_path / "printer-received.pdf", kept)
    preview.close()
    wait_for_all()
