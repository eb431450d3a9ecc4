"""A dialog's first size, no larger than its screen: 1366×768 at 150 % leaves 910×512
logical pixels, and a dialog taller than that hides its Save / Close row below the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to `width`×`height`, or less where its screen is smaller (a margin
    left for the frame and the task bar)."""
    screen = window.screen().availableGeometry() if window.screen() else None
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
    window.resize(width, height)
