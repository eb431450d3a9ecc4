"""A date typed as 12.03.2024 or picked from a calendar."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ui.icons import icon
from ui.text import date_text, parse_date


def date_edit_width(edit: QLineEdit) -> int:
    """Wide enough for «00.00.0000» in the edit's font, with its frame and margins."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    text = edit.fontMetrics().horizontalAdvance("00.00.00000")
    margins = edit.textMargins()
    size = edit.style().sizeFromContents(
        QStyle.ContentsType.CT_LineEdit,
        option,
        QSize(text + margins.left() + margins.right() + 4, edit.fontMetrics().height()),
        edit,
    )
    return size.width()


class DateField(QWidget):
    """Empty, a valid date, or invalid text (`is_valid()` False)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.edit.setMaxLength(10)
        self.edit.setFixedWidth(date_edit_width(self.edit))
        self.edit.textChanged.connect(self.changed)
        self.button = QToolButton()
        self.button.setIcon(icon("calendar-plus"))
        self.button.setToolTip(self.tr("Pick a date"))
        self.button.setAccessibleName(self.tr("Pick a date"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def _prepare_calendar(self) -> None:
        value = self.value() or dt.date.today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def _picked(self, day: QDate) -> None:
        self.set_value(dt.date(day.year(), day.month(), day.day()))
        menu = self.button.menu()
        if menu is not None:
            menu.close()
        self.edit.setFocus()

    def value(self) -> dt.date | None:
        return parse_date(self.edit.text())

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setText(date_text(value))

    def is_empty(self) -> bool:
        return not self.edit.text().strip()

    def is_valid(self) -> bool:
        return self.is_empty() or self.value() is not None
