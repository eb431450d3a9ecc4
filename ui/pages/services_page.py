"""Послуги: the list of provided services with filters, and quick entry (Ctrl+N)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.queries import ServiceFilter, districts, service_rows
from ui import style
from ui.context import AppContext
from ui.icons import icon
from ui.labels import Words
from ui.models.lists import ServicesModel
from ui.text import count_text
from ui.widgets.columns import ColumnFitter
from ui.widgets.date_field import DateField
from ui.widgets.empty_hint import empty_hint


class ServicesPage(QWidget):
    """`new_service()` opens the quick-entry dialog (given by the main window)."""

    def __init__(
        self,
        context: AppContext,
        new_service: Callable[[str | None, str | None], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._new_service = new_service
        self.words = Words(self)
        title = QLabel(self.tr("Services provided"))
        style.title(title)

        today = dt.date.today()
        self.date_from = DateField()
        self.date_from.set_value(today.replace(day=1))
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to = DateField()
        self.date_to.set_value(today)
        self.date_to.setAccessibleName(self.tr("To"))
        self.code_box = QComboBox()
        self.code_box.setAccessibleName(self.tr("Service"))
        self.code_box.addItem(self.tr("All services"), None)
        for code, label in context.labels("service"):
            self.code_box.addItem(f"{code} {label}", code)
        self.code_box.setMaximumWidth(320)
        self.district_box = QComboBox()
        self.district_box.setAccessibleName(self.tr("Starosta district"))
        self.district_box.addItem(self.tr("All districts"), None)
        for choice in districts(context.db):
            self.district_box.addItem(choice.label, choice.id)
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.reload)
        for box in (self.code_box, self.district_box):
            box.currentIndexChanged.connect(self.reload)
        self.new_button = QPushButton(icon("plus"), self.tr("Provide a service…"))
        self.new_button.setToolTip(self.tr("Provide a service (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)

        self.model = ServicesModel(
            lambda code: context.label("service", code), self.words.service_form, self
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Services provided"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # columns fitted to the page: at 150 % the notes, then the form, give way (no sideways
        # scroll); the service's name takes what is left. A recipient's full name and
        # «індивідуальна» are read whole at 100 % (Cyrillic is wider than the average letter).
        self.columns = ColumnFitter(self.table, (13, 36, 40, 0, 18, 20), grow=1, optional=(5, 4))
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.count_label = QLabel()
        self.empty = empty_hint(
            self.model,
            self.tr(
                "No services are recorded for these dates. Press «Provide a service…» (Ctrl+N) "
                "to record one, or change the dates and filters above."
            ),
        )

        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.count_label)
        heading.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From:")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to:")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.code_box)
        filters.addWidget(self.district_box)
        filters.addWidget(show)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.reload()
        self._size_columns()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        samples = ("00.00.00000", "0" * 44, "0" * 34, "00000", "індивідуальна")
        for column, sample in enumerate(samples):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + 24)

    def current_filter(self) -> ServiceFilter:
        return ServiceFilter(
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            code=self.code_box.currentData(),
            district_id=self.district_box.currentData(),
        )

    def reload(self) -> None:
        rows = service_rows(self.context.db, self.current_filter())
        self.model.set_rows(rows)
        minutes = sum(r.minutes or 0 for r in rows)
        parts = [count_text(len(rows), self.tr("{n} service|{n} services|{n} services"))]
        if minutes:  # 80 minutes are «1 година 20 хвилин», not «1 година»
            time = []
            if minutes >= 60:
                time.append(count_text(minutes // 60, self.tr("{n} hour|{n} hours|{n} hours")))
            if minutes % 60:
                time.append(count_text(minutes % 60, self.tr("{n} minute|{n} minutes|{n} minutes")))
            parts.append(" ".join(time))
        self.count_label.setText(" · ".join(parts))

    def on_shown(self) -> None:
        self.reload()

    def new_item(self) -> None:
        if self._new_service is not None:
            self._new_service(None, None)

    def focus_search(self) -> None:
        self.code_box.setFocus()
