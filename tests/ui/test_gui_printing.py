"""«Друк…» sends the same A4 pages as the PDF: the printout is rendered onto a QPrinter
and what the printer received is compared with the PDF, page image by page image."""

from __future__ import annotations

import os
from collections.abc import Iterator
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


PRINT_SCRIPT = """
import shutil, sys
from pathlib import Path
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from app.demo import open_demo
from app.services.family_index import Viewer
from ui.app import create_application
from ui.context import AppContext
from ui.printing import print_printout
from ui.runner import wait_for_all
from ui.settings import UiSettings

app = create_application(["opora-print-test"])
db = open_demo(sys.argv[1])
context = AppContext(db, UiSettings(), Viewer("demo", "demo", True))
parent = QWidget()
job = print_printout(parent, context, "family_card", sys.argv[2])
while job.preview is None:
    wait_for_all()
    app.processEvents()
shutil.copy(job.pdf, sys.argv[3])
printer = job.printer
printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
printer.setPrinterName(sys.argv[4])
printer.setDocName(sys.argv[5])
job._paint(printer)  # the preview's print button, after the print dialog's «Друк»
print(job.pages_sent)
job.preview.close()
wait_for_all()
db.close()
"""


@pytest.fixture
def cups_queue(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A private CUPS scheduler on a socket in tmp_path with one queue, «OporaPDF», on
    the cups-pdf virtual printer (Debian's cups + printer-driver-cups-pdf)."""
    import shutil
    import subprocess
    import time

    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    if not Path(cupsd).exists() or not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.skip("cups and printer-driver-cups-pdf are not installed (scripts/test.sh does)")
    import tempfile

    # not under tmp_path: CUPS runs its filters as «lp», who may not enter pytest's folders
    root = Path(tempfile.mkdtemp(prefix="opora-cups-"))
    for name in ("spool", "cache", "state", "log", "tmp"):
        (root / name).mkdir(parents=True)
    (root / "tmp").chmod(0o1777)
    for folder in (root, root / "spool", root / "cache"):
        folder.chmod(0o755)
    socket = root / "cups.sock"
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\n"
        f"StateDir {root}/state\nTempDir {root}/tmp\nAccessLog {root}/log/access_log\n"
        f"ErrorLog {root}/log/error_log\nPageLog {root}/log/page_log\n"
        "ServerBin /usr/lib/cups\nDataDir /usr/share/cups\nFileDevice No\n"
    )
    (root / "cupsd.conf").write_text(
        f"Listen {socket}\nLogLevel warn\nWebInterface No\nBrowsing No\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n    Allow all\n"
        "  </Limit>\n</Policy>\n"
    )
    daemon = subprocess.Popen(
        [cupsd, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if socket.exists():
                break
            time.sleep(0.1)
        env = {**os.environ, "CUPS_SERVER": str(socket)}
        ppd = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
        subprocess.run(
            ["lpadmin", "-p", "OporaPDF", "-E", "-v", "cups-pdf:/", "-P", ppd],
            env=env,
            check=True,
            capture_output=True,
        )
        yield str(socket), "OporaPDF"
    finally:
        daemon.terminate()
        daemon.wait(10)
        shutil.rmtree(root, ignore_errors=True)


def test_print_to_a_real_cups_queue_gives_the_pdf_pages(
    demo_template: Path, tmp_path: Path, cups_queue: tuple[str, str]
) -> None:
    """The printout goes through CUPS to the cups-pdf virtual printer, which writes what it
    received to a PDF; its pages match the printout's."""
    import pwd
    import shutil
    import subprocess
    import sys
    import time
    import uuid

    from app.demo import open_demo

    socket, queue = cups_queue
    db_path = tmp_path / "demo.db"
    shutil.copy(demo_template, db_path)
    db = open_demo(db_path)
    with db.session() as session:
        family = str(session.scalars(select(Family.id)).first())
    db.close()
    title = f"opora-{uuid.uuid4().hex[:10]}"
    out = Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"  # where cups-pdf writes a user's
    script = tmp_path / "print.py"
    script.write_text(PRINT_SCRIPT, encoding="utf-8")
    printout = tmp_path / "printout.pdf"
    env = {
        **os.environ,
        "CUPS_SERVER": socket,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, str(script), str(db_path), family, str(printout), queue, title],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pages = int(done.stdout.strip().splitlines()[-1])
    assert pages == len(pdf_page_sizes(printout))
    received: list[Path] = []
    for _ in range(120):
        received = [p for p in out.glob(f"{title}*.pdf") if p.stat().st_size > 0]
        if received:
            time.sleep(1)  # cups-pdf has finished writing when the size stays
            if received[0].stat().st_size == received[0].stat().st_size:
                break
        time.sleep(0.5)
    assert received, f"nothing arrived in {out}"
    try:
        assert_same_pages(received[0], printout)
    finally:
        for path in received:
            path.unlink()


def test_reports_print_the_summary_pages(qtbot: QtBot, context: AppContext, tmp_path: Path) -> None:
    from ui.pages.reports_page import ReportsPage

    page = ReportsPage(context)
    qtbot.addWidget(page)
    page.compute()
    qtbot.waitUntil(lambda: page.print_button.isEnabled(), timeout=30_000)
    page.print_current()
    job = page.print_job
    preview = ready_job(qtbot, job)
    kept = tmp_path / "summary.pdf"
    kept.write_bytes(job.pdf.read_bytes())
    job.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    job.printer.setOutputFileName(str(tmp_path / "received.pdf"))
    job._paint(job.printer)
    assert_same_pages(tmp_path / "received.pdf", kept)
    preview.close()
    wait_for_all()
    from app.services.audit import list_events

    exports = [e for e in list_events(context.db) if e["action"] == "export"]
    assert len(exports) == 1  # taken out of the window, as `report summary` is noted


def test_saving_a_pdf_is_confirmed_in_the_window(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui.dialogs.family_card import FamilyCard

    target = tmp_path / "картка.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)")
    )
    with context.db.session() as session:
        family = str(session.scalars(select(Family.id)).first())
    card = FamilyCard(context, family)
    qtbot.addWidget(card)
    card.show()
    card.print_button.save_action.trigger()  # the arrow's «Зберегти PDF…»
    qtbot.waitUntil(lambda: "Збережено" in card.note.text(), timeout=20_000)
    assert str(target) in card.note.text()
    assert len(pdf_page_sizes(target)) >= 1
    card.reject()
    # noted in the audit trail, as `report family` is (the window's prints were not)
    from app.services.audit import list_events

    events = list_events(context.db)
    prints = [(e["user"], e["type"], e["record_id"]) for e in events if e["action"] == "print"]
    assert prints == [(context.db.login, "family", family)]
