"""The GUI's colours and sizes in one place: the accent, the error red, the status badges and
attendance cells, the title and big-button scales. Widgets ask here instead of spelling a
colour or a factor."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

ACCENT = "#1f5f9e"
ERROR = "#b00020"
ICON = "#333333"

# (background, text) of the status badges; the backgrounds also colour attendance cells
GOOD = ("#e3f1e3", "#1b5e20")
NEUTRAL = ("#eeeeee", "#424242")
WARNING = ("#fdf3d8", "#6d4c00")
BAD = ("#f7e1e1", "#7f0000")

TITLE_SCALE = 1.4  # page titles and the family card's name
BIG_SCALE = 1.2  # the sync page's big buttons
BIG_EXTRA_HEIGHT = 12


def colour(value: str) -> QColor:
    return QColor(value)


def error_text(label: QWidget) -> None:
    """Show a label's text in the error colour."""
    label.setStyleSheet(f"color: {ERROR};")


def message(label: QLabel, text: str, error: bool = False) -> None:
    """A form's one-line answer under it: in the error colour when something was refused."""
    label.setStyleSheet("")
    if error:
        error_text(label)
    label.setText(text)


def badge(label: QLabel, colours: tuple[str, str]) -> None:
    """A rounded status badge in the given (background, text) colours."""
    background, text = colours
    label.setStyleSheet(
        f"background:{background}; color:{text}; border-radius:6px; padding:2px 8px;"
    )


def title(label: QLabel, scale: float = TITLE_SCALE) -> QLabel:
    """Make a label a bold title."""
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def big(button: QPushButton) -> QPushButton:
    """A larger button for the one thing a page is for."""
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * BIG_SCALE)
    button.setFont(font)
    button.setMinimumHeight(button.sizeHint().height() + BIG_EXTRA_HEIGHT)
    return button


def rows_tall(table: QTableView, rows: int) -> QTableView:
    """A table at least tall enough for its header and `rows` rows (a page that scrolls
    would otherwise squash it to one row); row numbers hidden, the last column stretched."""
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    line = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    table.setMinimumHeight(header + line * rows + 2 * table.frameWidth() + 4)
    return table
