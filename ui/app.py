"""QApplication set-up: names, high-DPI policy, translators, accent colour and text size."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui import collector, error_dialog, style
from ui.icons import icon
from ui.settings import UiSettings
from ui.translations import install_translators

ACCENT = QColor(style.ACCENT)
ORGANIZATION = "Opora"
APPLICATION = "Opora"

_base_point_size: float | None = None


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, configured from the user's settings."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # 150 % must stay 150 %, not be rounded to 200 %.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv)
    collector.install(app)
    error_dialog.install()
    configure_application(app)
    return app


def configure_application(app: QApplication, settings: UiSettings | None = None) -> None:
    """Apply names, language, palette accent and text size (safe to call again)."""
    if not app.organizationName():
        app.setOrganizationName(ORGANIZATION)
    if not app.applicationName():
        app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Опора")
    settings = settings or UiSettings()
    install_translators(app, settings.language)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Highlight, ACCENT)
    palette.setColor(QPalette.ColorRole.Link, ACCENT)
    app.setPalette(palette)
    apply_text_size(app, settings.text_size)
    app.setWindowIcon(icon("users"))


def apply_text_size(app: QApplication, percent: int) -> None:
    """Scale the system font by a percentage of its original size."""
    global _base_point_size
    font = QFont(app.font())
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(_base_point_size * percent / 100)
    app.setFont(font)
