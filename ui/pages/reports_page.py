"""Звіти: the period summary with a preview, saved as PDF or Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import OporaError
from app.i18n import current_language
from app.reports.figures import FIGURES, figure_value
from app.services.queries import districts
from ui import style
from ui.context import AppContext
from ui.icons import icon
from ui.runner import run_in_background, run_with_progress
from ui.text import date_text
from ui.widgets.bar_chart import BarChart
from ui.widgets.date_field import DateField


def period_of(preset: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The period a preset names: this month, this quarter, this year."""
    if preset == "month":
        return today.replace(day=1), today
    if preset == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        return today.replace(month=first_month, day=1), today
    return today.replace(month=1, day=1), today


class ReportsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.summary: Any = None
        title = QLabel(self.tr("Period summary"))
        style.title(title)

        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Period"))
        for key, text in (
            ("month", self.tr("This month")),
            ("quarter", self.tr("This quarter")),
            ("year", self.tr("This year")),
            ("custom", self.tr("Custom period")),
        ):
            self.preset.addItem(text, key)
        self.preset.setCurrentIndex(2)
        self.date_from = DateField()
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to = DateField()
        self.date_to.setAccessibleName(self.tr("To"))
        self.district = QComboBox()
        self.district.setAccessibleName(self.tr("Starosta district"))
        self.district.addItem(self.tr("All districts"), None)
        for choice in districts(context.db):
            self.district.addItem(choice.label, choice.label)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        show = QPushButton(icon("chart-column"), self.tr("Show"))
        show.clicked.connect(self.compute)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button = QPushButton(self.tr("Save Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.print_button = QPushButton(icon("printer"), self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print the summary (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_current)
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(False)

        controls = QHBoxLayout()
        controls.addWidget(self.preset)
        controls.addWidget(QLabel(self.tr("from")))
        controls.addWidget(self.date_from)
        controls.addWidget(QLabel(self.tr("to")))
        controls.addWidget(self.date_to)
        controls.addWidget(self.district, 1)
        controls.addWidget(show)

        self.figures = QTableWidget(0, 2)
        self.figures.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Count")])
        self.figures.verticalHeader().hide()
        figures_header = self.figures.horizontalHeader()
        figures_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        figures_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.figures.setWordWrap(True)
        self.figures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.figures.setAccessibleName(self.tr("Figures"))
        self.chart = BarChart()
        chart_area = QScrollArea()
        chart_area.setWidgetResizable(True)
        chart_area.setWidget(self.chart)
        self.status = QLabel(self.tr("Choose a period and press «Show»."))
        self.status.setWordWrap(True)
        body = QGridLayout()
        body.addWidget(self.figures, 0, 0)
        chart_title = QLabel(self.tr("Families and persons who received each service"))
        chart_title.setWordWrap(True)
        body.addWidget(chart_title, 1, 1)
        body.addWidget(chart_area, 0, 1)
        body.setColumnStretch(0, 1)
        body.setColumnStretch(1, 1)
        # the saving buttons on the line below, so the row fits at 150 %
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.xlsx_button)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(controls)
        layout.addLayout(actions)
        layout.addLayout(body, 1)
        self._preset_changed()

    def _preset_changed(self) -> None:
        key = str(self.preset.currentData())
        custom = key == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            start, end = period_of(key, dt.date.today())
            self.date_from.set_value(start)
            self.date_to.set_value(end)

    def compute(self) -> None:
        from app.reports.summary import compute_summary

        start, end = self.date_from.value(), self.date_to.value()
        if start is None or end is None:
            self.status.setText(self.tr("Type both dates as 12.03.2024."))
            return
        db, district = self.context.db, self.district.currentData()
        self.status.setText(self.tr("Counting…"))
        run_in_background(
            lambda: compute_summary(db, start, end, district), self._show, on_error=self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error.message if isinstance(error, OporaError) else str(error))

    def _show(self, summary: Any) -> None:
        self.summary = summary
        self.status.setText(
            self.tr("Period {start} – {end}").format(
                start=date_text(summary.date_from), end=date_text(summary.date_to)
            )
        )
        language = current_language()
        rows: list[tuple[str, object]] = [
            (("…" if f.indented else "") + f.text(language), figure_value(summary, f.key))
            for f in FIGURES
        ]
        rows += [
            (
                self.tr("Services provided: {service}").format(
                    service=f"{code} {self.context.label('service', code)}"
                ),
                self.tr("{events} (to {units} families/persons)").format(
                    events=events, units=summary.services.get(code, 0)
                ),
            )
            for code, events in summary.service_events.items()
            if events
        ]
        sessions = sum(summary.sessions_by_target.values())
        rows += [
            (
                self.tr("Sessions for: {category}").format(
                    category=self.context.label("category", code)
                    if code != "none"
                    else self.tr("no target category")
                ),
                f"{count} ({100 * count / sessions:.1f} %)".replace(".", ","),
            )
            for code, count in summary.sessions_by_target.items()
            if count
        ]
        self.figures.setRowCount(len(rows))
        for i, (label, value) in enumerate(rows):
            self.figures.setItem(i, 0, QTableWidgetItem(label))
            self.figures.setItem(i, 1, QTableWidgetItem(str(value)))
        self.figures.resizeColumnsToContents()
        bars = [
            (f"{code} {self.context.label('service', code)}", count)
            for code, count in summary.services.items()
            if count
        ]
        self.chart.set_bars(sorted(bars, key=lambda b: -b[1]))
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(True)

    def save(self, kind: str) -> None:
        if self.summary is None:
            return
        folder = self.context.settings.folder("reports") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = f"zvit-{self.summary.date_from}-{self.summary.date_to}.{kind}"
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save the summary"), str(Path(folder) / name), f"*.{kind}"
        )
        if path:
            self.context.settings.set_folder("reports", str(Path(path).parent))
            self.write(kind, Path(path))

    def print_current(self) -> None:
        """Ctrl+P / «Друк…»: the summary's A4 pages in the print preview, then the printer."""
        from app.reports.output import write_summary
        from ui.printing import start_print

        if self.summary is None:
            return
        db, summary = self.context.db, self.summary
        name = f"zvit-{summary.date_from}-{summary.date_to}.pdf"
        self.print_job = start_print(
            self, name, lambda path: write_summary(db, summary, "pdf", path)
        )

    def write(self, kind: str, path: Path) -> None:
        from app.reports.output import write_summary

        db, summary = self.context.db, self.summary

        def work() -> Path:
            return write_summary(db, summary, kind, path)

        run_with_progress(
            self,
            self.tr("Saving the summary…"),
            work,
            lambda p: self.status.setText(self.tr("Saved: {path}").format(path=p)),
            on_error=lambda e: QMessageBox.warning(self, self.tr("Not saved"), str(e)),
        )
