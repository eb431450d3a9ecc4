"""The Unicode TrueType font embedded in every PDF (DejaVu Sans, shipped in resources/fonts)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def register_fonts() -> None:
    """Register the regular and bold faces with reportlab once per process."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name, file_name in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file_name)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


def has_glyph(char: str, font: str = REGULAR) -> bool:
    """Whether the embedded font draws ``char`` (a single character)."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return ord(char) in face.charToGlyph


def drawable(text: str, font: str = REGULAR) -> str:
    """``text`` without the characters the embedded font cannot draw (emoji pasted from a
    messenger), which would print as empty boxes; white space is kept."""
    register_fonts()
    glyphs = pdfmetrics.getFont(font).face.charToGlyph
    if all(ord(c) in glyphs for c in text):
        return text
    return "".join(c for c in text if ord(c) in glyphs or c.isspace())
