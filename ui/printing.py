"""Printouts from the GUI. «Друк…» makes the A4 PDF off the GUI thread (app.reports), shows
it in Qt's print preview, whose printer button opens the print dialog, and sends the same
pages to the printer: each PDF page rendered by PDFium at the printer's resolution (at most
300 dpi) and painted onto the QPrinter's whole paper. «Зберегти PDF…» saves the same PDF
and says so in the window."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QStandardPaths
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from app.errors import OporaError
from ui.context import AppContext
from ui.labels import sentence
from ui.runner import run_with_progress

MAX_DPI = 300  # an A4 page at 300 dpi is 26 MB in memory; 600 would be 100 MB


# the pages: rendering a PDF onto a printer
def pdf_page_images(pdf: Path, dpi: int) -> list[QImage]:
    """Every page of a PDF as an image at `dpi` (white background)."""
    import pypdfium2 as pdfium

    images = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for number in range(len(document)):
            page = document[number]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB888,
            ).copy()  # own the pixels before PDFium frees its bitmap
            images.append(image)
            bitmap.close()
            page.close()
    finally:
        document.close()
    return images


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [tuple(document[n].get_size()) for n in range(len(document))]  # type: ignore[misc]
    finally:
        document.close()


def prepare_printer(printer: QPrinter, pdf: Path) -> None:
    """A4 in the PDF's orientation, the whole sheet: the PDF carries its own margins."""
    sizes = pdf_page_sizes(pdf)
    landscape = bool(sizes) and sizes[0][0] > sizes[0][1]
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )
    printer.setPageLayout(layout)
    printer.setFullPage(True)
    printer.setDocName(pdf.stem)


def print_pdf(printer: QPrinter, pdf: Path) -> int:
    """Paint every page of `pdf` onto `printer`, one sheet each; returns the pages sent."""
    dpi = max(72, min(printer.resolution(), MAX_DPI))
    images = pdf_page_images(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("Printing", "The printer could not be started."))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # the preview's zoom
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            target = QRect(0, 0, paper.width(), paper.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(images)


# the actions
def window_note(parent: QWidget, text: str) -> None:
    """A short confirmation in the main window's status bar (and the dialog's title bar
    tooltip when the printout was started from a card)."""
    widget: QWidget | None = parent
    while widget is not None and not isinstance(widget, QMainWindow):
        widget = widget.parentWidget()
    if isinstance(widget, QMainWindow):
        widget.statusBar().showMessage(text, 15_000)
    note = getattr(parent.window(), "show_note", None)
    if callable(note):
        note(text)


def _failed(parent: QWidget) -> Callable[[BaseException], None]:
    def failed(error: BaseException) -> None:
        message = sentence(error.message if isinstance(error, OporaError) else str(error))
        QMessageBox.warning(
            parent, QCoreApplication.translate("Printing", "Could not make the printout"), message
        )

    return failed


def ask_pdf_path(parent: QWidget, context: AppContext, name: str) -> Path | None:
    candidates = (
        context.settings.folder("pdf"),
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
        str(Path.home()),
    )
    folder = next((f for f in candidates if f and Path(f).is_dir()), "")
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


def save_pdf(
    parent: QWidget, context: AppContext, name: str, write: Callable[[Path], object]
) -> None:
    """«Зберегти PDF…»: ask where, write it off the GUI thread, say where it went."""
    path = ask_pdf_path(parent, context, name)
    if path is None:
        return

    def done(_result: object) -> None:
        window_note(
            parent, QCoreApplication.translate("Printing", "Saved: {path}").format(path=path)
        )

    run_with_progress(
        parent,
        QCoreApplication.translate("Printing", "Preparing the printout…"),
        lambda: write(path),
        done,
        on_error=_failed(parent),
    )


class PrintJob:
    """«Друк…»: the PDF in a temporary file, the preview, the printer. `preview` is the
    dialog while it is open (tests press its print action)."""

    def __init__(self, parent: QWidget, name: str, write: Callable[[Path], object]) -> None:
        self.parent = parent
        self.folder = tempfile.TemporaryDirectory(prefix="opora-print-")
        self.pdf = Path(self.folder.name) / name
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview: QPrintPreviewDialog | None = None
        self.pages_sent = 0
        self._write = write  # writes the PDF to the path it is given, atomically

    def start(self, show: bool = True) -> None:
        run_with_progress(
            self.parent,
            QCoreApplication.translate("Printing", "Preparing the printout…"),
            lambda: self._write(self.pdf),
            lambda _r: self._ready(show),
            on_error=_failed(self.parent),
        )

    def _ready(self, show: bool) -> None:
        prepare_printer(self.printer, self.pdf)
        self.preview = QPrintPreviewDialog(self.printer, self.parent)
        self.preview.setWindowTitle(
            QCoreApplication.translate("Printing", "Print preview — {name}").format(
                name=self.pdf.stem
            )
        )
        self.preview.paintRequested.connect(self._paint)
        self.preview.finished.connect(lambda _r: self._finished())
        screen = self.parent.screen().availableGeometry() if self.parent.screen() else None
        if screen is not None:  # 1366×768 at 150 %: 911×512 logical pixels
            self.preview.resize(min(900, screen.width() - 40), screen.height() - 60)
        if show:
            self.preview.open()

    def _paint(self, printer: QPrinter) -> None:
        """For the preview and for the printer alike: the same pages."""
        sent = print_pdf(printer, self.pdf)
        if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or printer.outputFileName():
            self.pages_sent = sent

    def _finished(self) -> None:
        self.folder.cleanup()


_jobs: list[PrintJob] = []  # kept while their preview is open


def start_print(parent: QWidget, name: str, write: Callable[[Path], object]) -> PrintJob:
    job = PrintJob(parent, name, write)
    _jobs.append(job)
    if len(_jobs) > 4:
        del _jobs[0]
    job.start()
    return job


def _names() -> dict[str, str]:
    return {
        "journal": QCoreApplication.translate("Printing", "attendance-journal.pdf"),
        "registration": QCoreApplication.translate("Printing", "registration-sheet.pdf"),
        "family_card": QCoreApplication.translate("Printing", "family-card.pdf"),
        "assessment_act": QCoreApplication.translate("Printing", "assessment-act.pdf"),
    }


def _writer(context: AppContext, kind: str, record_id: str) -> Callable[[Path], object]:
    """Write the printout through the core's one path (app/reports/output.py)."""
    from app.reports.output import write_printout

    db = context.db
    return lambda path: write_printout(db, kind, record_id, path)


def print_printout(parent: QWidget, context: AppContext, kind: str, record_id: str) -> PrintJob:
    return start_print(parent, _names()[kind], _writer(context, kind, record_id))


def save_printout(parent: QWidget, context: AppContext, kind: str, record_id: str) -> None:
    save_pdf(parent, context, _names()[kind], _writer(context, kind, record_id))


def print_attendance_journal(parent: QWidget, context: AppContext, group_id: str) -> PrintJob:
    return print_printout(parent, context, "journal", group_id)


def print_registration_sheet(parent: QWidget, context: AppContext, session_id: str) -> PrintJob:
    return print_printout(parent, context, "registration", session_id)


def print_family_card(parent: QWidget, context: AppContext, family_id: str) -> PrintJob:
    return print_printout(parent, context, "family_card", family_id)


def print_assessment_act(parent: QWidget, context: AppContext, assessment_id: str) -> PrintJob:
    return print_printout(parent, context, "assessment_act", assessment_id)
