"""Page furniture shared by the printouts: a header on every page and «сторінка N з M»."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.reports.pdf.fonts import BOLD, REGULAR, drawable, register_fonts

MARGIN = 12 * mm
FOOTER_SIZE = 7.5


@dataclass(frozen=True)
class HeaderLine:
    """One centred line of the running header (wrapped when too long)."""

    text: str
    bold: bool = False
    size: float = 9.0


class _NumberedCanvas(Canvas):
    """Keeps every page until the end so the footer can say «сторінка N з M»."""

    footer_left = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(REGULAR, FOOTER_SIZE)
        self.drawRightString(width - MARGIN, MARGIN / 2, f"сторінка {number} з {total}")
        if self.footer_left:
            self.drawString(MARGIN, MARGIN / 2, self.footer_left)
        self.restoreState()


HEADER_LINES = 2  # a header line wraps at most once; the rest is cut with «…»
TITLE_CHARS = 120
FOOTER_CHARS = 90  # the title as the footer of each page repeats it


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
    """`text`, cut with «…» after `limit` characters (titles, footers)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(lines: Sequence[HeaderLine], width: float) -> list[tuple[str, HeaderLine]]:
    out: list[tuple[str, HeaderLine]] = []
    for line in lines:
        font = BOLD if line.bold else REGULAR
        text = drawable(shorten(line.text, 400), font)
        parts = simpleSplit(text, font, line.size, width) or [""]
        if len(parts) > HEADER_LINES:
            parts = parts[:HEADER_LINES]
            last = parts[-1]
            while last and stringWidth(last + "…", font, line.size) > width:
                last = last[:-1]
            parts[-1] = last + "…"
        out.extend((part, line) for part in parts)
    return out


def build_pdf(
    out: str | Path | BinaryIO,
    story: list[Flowable],
    *,
    header: Sequence[HeaderLine],
    title: str,
    landscape_page: bool = False,
) -> None:
    """Lay out ``story`` on A4 pages with ``header`` repeated on top of each page.

    ``out`` is a file path or a binary stream. The footer carries ``title`` and «сторінка N з M».
    """
    register_fonts()
    pagesize = landscape(A4) if landscape_page else A4
    page_w, page_h = pagesize
    text_w = page_w - 2 * MARGIN
    wrapped = _wrap(header, text_w)
    header_h = sum(line.size * 1.3 for _, line in wrapped) + 4 * mm

    def draw_header(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        y = page_h - MARGIN
        for text, line in wrapped:
            y -= line.size * 1.3
            canvas.setFont(BOLD if line.bold else REGULAR, line.size)
            canvas.drawCentredString(page_w / 2, y, text)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y - 2 * mm, page_w - MARGIN, y - 2 * mm)
        canvas.restoreState()

    frame = Frame(
        MARGIN,
        MARGIN,
        text_w,
        page_h - 2 * MARGIN - header_h,
        leftPadding=0,
        rightPadding=0,
        topPadding=2 * mm,
        bottomPadding=0,
        id="body",
    )
    target: str | BinaryIO = str(out) if isinstance(out, str | Path) else out
    doc = BaseDocTemplate(
        target,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=shorten(title),
        author="Opora",
        lang="uk-UA",
        initialFontName=REGULAR,  # else an unused, unembedded Helvetica is referenced
        initialFontSize=9,
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=draw_header)],
    )

    class _Canvas(_NumberedCanvas):
        footer_left = shorten(drawable(title), FOOTER_CHARS)

    doc.build(story, canvasmaker=_Canvas)


def frame_width(landscape_page: bool = False) -> float:
    """Usable width of a page's body, in points."""
    page_w = (landscape(A4) if landscape_page else A4)[0]
    return page_w - 2 * MARGIN


def pdf_bytes(render, *args, **kwargs) -> bytes:
    """Call a ``render(data, out)`` function into memory and return the PDF."""
    buffer = BytesIO()
    render(*args, buffer, **kwargs)
    return buffer.getvalue()
