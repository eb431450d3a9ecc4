"""The application icon for installers and desktop entries, made from the shipped Lucide
`users` icon (white on the app's accent colour): opora.svg, opora.png (256 px), opora.ico.

    python packaging/make_icons.py OUT_DIR

Rendered with Qt (PySide6 is already a dependency), so no image tool is needed on the build
machine, Windows included.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCENT = "#1f5f9e"  # ui/app.py ACCENT


def icon_svg() -> str:
    """The `users` glyph, white, centred on a rounded accent square (a 24-unit canvas)."""
    glyph = (ROOT / "resources" / "icons" / "users.svg").read_text("utf-8")
    shapes = "\n".join(re.findall(r"<(?:path|circle)[^>]*/>", glyph))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 24 24">\n'
        f'<rect x="0" y="0" width="24" height="24" rx="5" fill="{ACCENT}"/>\n'
        '<g transform="translate(3.6 3.6) scale(0.7)" fill="none" stroke="#ffffff" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">\n'
        f"{shapes}\n</g>\n</svg>\n"
    )


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else ROOT / "build" / "icons")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    svg = icon_svg()
    (out / "opora.svg").write_text(svg, "utf-8")
    renderer = QSvgRenderer(QByteArray(svg.encode()))

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        return image

    if not render(256).save(str(out / "opora.png")):
        raise SystemExit("could not write opora.png")
    # Qt's ICO writer stores one image; 256 px scales down well in Windows' shell.
    if not render(256).save(str(out / "opora.ico"), "ICO"):
        raise SystemExit("could not write opora.ico")
    del app
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
