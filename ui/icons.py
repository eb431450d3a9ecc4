"""Lucide icons from resources/icons, tinted with the palette's text colour."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ui import style


def resources_dir() -> Path:
    """The shipped resources folder, also inside a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root / "resources"


def _render(svg: bytes, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(svg))
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def icon(name: str) -> QIcon:
    """An icon by its file name without extension; an empty icon when missing."""
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.exists():
        return QIcon()
    colour = style.ICON
    if QGuiApplication.instance() is not None:
        colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    svg = path.read_bytes().replace(b"currentColor", colour.encode())
    result = QIcon()
    for size in (16, 24, 32, 48):
        result.addPixmap(_render(svg, size))
    return result
