"""A plain horizontal bar chart (services by type) drawn with the palette's colours."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self._bars = bars
        self.setAccessibleDescription("; ".join(f"{label}: {value}" for label, value in bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, max(40, len(self._bars) * (self.fontMetrics().height() + 6)))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._bars:
            return
        painter = QPainter(self)
        metrics = self.fontMetrics()
        row = metrics.height() + 6
        label_width = min(
            self.width() // 2, max(metrics.horizontalAdvance(b[0]) for b in self._bars) + 8
        )
        top = max(b[1] for b in self._bars) or 1
        room = self.width() - label_width - metrics.horizontalAdvance("00000") - 8
        bar = self.palette().color(QPalette.ColorRole.Highlight)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        for i, (label, value) in enumerate(self._bars):
            y = i * row
            painter.setPen(text)
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRectF(0, y, label_width - 8, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            width = room * value / top
            painter.fillRect(QRectF(label_width, y + 3, width, row - 6), bar)
            painter.drawText(
                QRectF(label_width + width + 4, y, 80, row),
                Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        painter.end()
