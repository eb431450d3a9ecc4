"""Paragraph and table styles shared by the printouts."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, TableStyle

from app.reports.pdf.fonts import BOLD, REGULAR, drawable, register_fonts

register_fonts()

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, alignment=TA_LEFT)
BODY_BOLD = ParagraphStyle("body_bold", parent=BODY, fontName=BOLD)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
SMALL_RIGHT = ParagraphStyle("small_right", parent=SMALL, alignment=TA_RIGHT)
TITLE = ParagraphStyle(
    "title",
    parent=BODY,
    fontName=BOLD,
    fontSize=13,
    leading=17,
    alignment=TA_CENTER,
    spaceAfter=4,
)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, alignment=TA_CENTER, spaceAfter=2)
HEADING = ParagraphStyle(
    "heading", parent=BODY, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4
)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5)
CELL_INDENT = ParagraphStyle("cell_indent", parent=CELL, leftIndent=12)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=BOLD)
CELL_CENTER = ParagraphStyle("cell_center", parent=CELL, alignment=TA_CENTER)
CELL_HEAD = ParagraphStyle("cell_head", parent=CELL_BOLD, alignment=TA_CENTER)
CELL_RIGHT = ParagraphStyle("cell_right", parent=CELL, alignment=TA_RIGHT)

GRID = colors.HexColor("#555555")
HEAD_BG = colors.HexColor("#E4E9F0")
TOTAL_BG = colors.HexColor("#F2F2F2")
BAR = colors.HexColor("#3B6EA5")


# A table row cannot break across pages, so no cell may grow taller than this (about a third
# of a page); longer text is cut with «…». Text past MAX_CHARS is never even laid out.
MAX_CELL_HEIGHT = 260.0
MAX_CHARS = 5000
ELLIPSIS = "…"


def break_at_hyphens(text: str, style: ParagraphStyle, width: float) -> str:
    """``text`` with a line break allowed after the hyphen of a word too wide for ``width``
    («Ґонтаренко-Вишнеградська», «Новоград-Волинський»), which reportlab would cut anywhere.

    A space is put after a hyphen only where what comes before and after it cannot share a
    line, so it is never seen."""
    if "\n" in text:
        return "\n".join(break_at_hyphens(line, style, width) for line in text.split("\n"))
    out = []
    for word in text.split(" "):
        if "-" not in word or stringWidth(word, style.fontName, style.fontSize) <= width:
            out.append(word)
            continue
        parts = word.split("-")
        chunks, current = [], parts[0]
        for part in parts[1:]:
            joined = f"{current}-{part}"
            if current and stringWidth(joined, style.fontName, style.fontSize) > width:
                chunks.append(current + "-")
                current = part
            else:
                current = joined
        chunks.append(current)
        out.append(" ".join(chunks))
    return " ".join(out)


def markup(text: str) -> str:
    """Plain ``text`` as paragraph markup: escaped, so names with < or & print as typed, its
    lines kept (the text areas of the forms take several), what the font lacks left out."""
    lines = drawable(text).replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    return "<br/>".join(escape(line) for line in lines)


class BoundedParagraph(Paragraph):
    """Plain text that wraps, breaks a long hyphenated word at its hyphen, and is cut short
    with «…» rather than outgrow a page."""

    def __init__(self, text: str, style: ParagraphStyle, limit: float = MAX_CELL_HEIGHT):
        text = drawable(text, style.fontName)
        self.plain = text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + ELLIPSIS
        self.limit = limit
        super().__init__(markup(self.plain), style)

    def _lay(self, text: str, width: float) -> None:
        Paragraph.__init__(self, markup(break_at_hyphens(text, self.style, width)), self.style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        inner = availWidth - self.style.leftIndent - self.style.rightIndent
        if "-" in self.plain:
            self._lay(self.plain, inner)
        width, height = super().wrap(availWidth, availHeight)
        if height <= self.limit:
            return width, height
        low, high = 0, len(self.plain)  # the longest beginning that fits
        while low < high:
            middle = (low + high + 1) // 2
            trial = Paragraph(
                markup(break_at_hyphens(self.plain[:middle] + ELLIPSIS, self.style, inner)),
                self.style,
            )
            if trial.wrap(availWidth, availHeight)[1] <= self.limit:
                low = middle
            else:
                high = middle - 1
        self.plain = self.plain[:low].rstrip() + ELLIPSIS
        self._lay(self.plain, inner)
        return super().wrap(availWidth, availHeight)


def para(text: object, style: ParagraphStyle = CELL) -> Paragraph:
    """A paragraph of plain text (escaped, so names with < or & print as typed), cut short
    with «…» if it would not fit on a page."""
    return BoundedParagraph("" if text is None else str(text), style)


# Less room than this left on a page, and a section that does not fit there starts on the next.
KEEP_ROOM = 50 * mm


class Section(KeepTogether):
    """A heading and what follows it, so that the heading never ends a page alone: they go
    to the next page together when they do not fit and less than ``room`` is left; with more
    room left, a long table starts under its heading and runs on."""

    def __init__(self, flowables: list[Flowable], room: float = KEEP_ROOM) -> None:
        super().__init__(flowables)
        self.room = room

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        if self._H > aH and aH < self.room:
            content.insert(0, self.FrameBreak())
        return content


def section(heading: str, *body: Flowable, style: ParagraphStyle = HEADING) -> Section:
    """A :class:`Section` of a heading in ``style`` and ``body``."""
    return Section([Paragraph(heading, style), *body])


def grid_style(*, header_rows: int = 1, extra: list[tuple] | None = None) -> TableStyle:
    """A bordered table with a shaded header."""
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), BOLD),
        ]
    return TableStyle(commands + (extra or []))
