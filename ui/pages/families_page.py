"""Сім'ї: search as you type, filters, the list; Enter opens the family card."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.family_index import (
    FamilyFilter,
    FamilyIndex,
    FamilyRow,
    load_family_rows,
    load_first_rows,
    load_last_contacts,
)
from app.services.family_search import WordIndex
from app.services.queries import districts
from ui import style
from ui.context import AppContext
from ui.icons import icon
from ui.models.families_model import COL_LAST, COL_NAME, FamiliesModel
from ui.runner import run_in_background
from ui.text import count_text
from ui.widgets.columns import ColumnFitter


class FamiliesPage(QWidget):
    """The families list. `open_family(id | None)` is called to open a card (None: new)."""

    loaded = Signal()  # the whole list is in memory; search works
    first_rows = Signal()  # the first screen of the list is shown

    def __init__(
        self,
        context: AppContext,
        open_family: Callable[[str | None], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._open_family = open_family
        self.index: FamilyIndex | None = None
        self.last_search_ms = 0.0
        self.first_shown = False

        title = QLabel(self.tr("Families"))
        style.title(title)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: surname, name, phone or address (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search families"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._open_current)
        to_list = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        to_list.setContext(Qt.ShortcutContext.WidgetShortcut)
        to_list.activated.connect(self._to_list)

        self.district_box = QComboBox()
        self.district_box.setAccessibleName(self.tr("Starosta district"))
        self.district_box.addItem(self.tr("All districts"), None)
        for choice in districts(context.db):
            self.district_box.addItem(choice.label, choice.id)
        self.category_box = QComboBox()
        self.category_box.setAccessibleName(self.tr("Category"))
        self.category_box.addItem(self.tr("All categories"), None)
        for code, label in context.labels("category"):
            self.category_box.addItem(label, code)
        self.status_box = QComboBox()
        self.status_box.setAccessibleName(self.tr("On record"))
        self.status_box.addItem(self.tr("On record and off record"), None)
        self.status_box.addItem(self.tr("On record"), True)
        self.status_box.addItem(self.tr("Taken off record"), False)
        for box in (self.district_box, self.category_box, self.status_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(14)
        for box in (self.district_box, self.category_box, self.status_box):
            box.currentIndexChanged.connect(self.apply_filter)

        self.new_button = QPushButton(icon("plus"), self.tr("New family"))
        self.new_button.setToolTip(self.tr("New family (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)

        self.model = FamiliesModel(dict(context.labels("category")), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Families"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # widths in characters of the font in use; names take what is left over
        # at 150 % the specialist and then the last contact give way to the family's name
        self.columns = ColumnFitter(
            self.table, (30, 14, 26, 24, 0, 20, 0), grow=COL_NAME, optional=(5, 6)
        )
        # activated only: a double-click emits it too (doubleClicked as well would open twice)
        self.table.activated.connect(self._open_index)

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.count_label = QLabel(self.tr("Loading…"))

        filters = QHBoxLayout()
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.district_box, 1)
        filters.addWidget(self.category_box, 1)
        filters.addWidget(self.status_box, 1)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.count_label)
        heading.addWidget(self.new_button)
        self.notifications_button = QPushButton(self.tr("Notifications…"))
        self.notifications_button.setToolTip(
            self.tr("Notifications and their assessment deadlines; overdue ones in red")
        )
        self.notifications_button.clicked.connect(self.show_notifications)
        heading.addWidget(self.notifications_button)
        self.intake_button = QPushButton(self.tr("Walk-in visitor…"))
        self.intake_button.setToolTip(
            self.tr("An intake consultation of a visitor who is not on record, with a referral")
        )
        self.intake_button.clicked.connect(self.new_intake)
        heading.addWidget(self.intake_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        self.reload()

    def show_notifications(self) -> None:
        from ui.dialogs.notifications_dialog import NotificationsDialog

        self.notifications = NotificationsDialog(self.context, self)
        self.notifications.open()

    def new_intake(self) -> None:
        from ui.dialogs.intake_dialog import IntakeDialog

        self.intake = IntakeDialog(self.context, self)
        self.intake.open()

    # loading
    def reload(self) -> None:
        """Re-read the families (after a save or an exchange) off the GUI thread."""
        db, viewer = self.context.db, self.context.viewer
        if self.index is None and not self.first_shown:
            # the head of the alphabetical list first, so the start screen shows at once
            run_in_background(lambda: load_first_rows(db, viewer), self._first_loaded)
        else:
            # searchable at once by a scan of the rows' text; the word index comes after
            run_in_background(
                lambda: FamilyIndex(load_family_rows(db, viewer), words=False), self._loaded
            )

    def _first_loaded(self, rows: list[FamilyRow]) -> None:
        self.first_shown = True
        if self.index is None and rows:
            self.model.set_rows(rows)
            self.stack.setCurrentWidget(self.table)
            self.first_rows.emit()
        self.reload()

    def _loaded(self, index: FamilyIndex) -> None:
        self.index = index
        self.apply_filter()
        if not self.first_shown:
            self.first_shown = True
            self.first_rows.emit()
        self.loaded.emit()
        db = self.context.db
        # then, in one job (two at once would slow typing more): the last contacts, mostly
        # SQLite's work, while the list is first painted; then the word index, Python's,
        # which makes the search faster than the scan
        run_in_background(
            lambda: (index, load_last_contacts(db), index.build_words()), self._completed
        )

    def _completed(self, done: tuple[FamilyIndex, dict[str, dt.date], WordIndex]) -> None:
        """Second step: the last-contact column filled in place, the word index put in."""
        index, last, words = done
        index.use_words(words)
        for row in (self.index or index).rows:
            row.last_contact = last.get(row.id)
        self.model.refresh_column(COL_LAST)

    # filtering
    def current_filter(self) -> FamilyFilter:
        return FamilyFilter(
            text=self.search.text(),
            district_id=self.district_box.currentData(),
            category=self.category_box.currentData(),
            on_record=self.status_box.currentData(),
        )

    def apply_filter(self) -> None:
        if self.index is None:
            return
        started = time.perf_counter()
        rows = self.index.search(self.current_filter())
        self.model.set_rows(rows)
        self.last_search_ms = (time.perf_counter() - started) * 1000
        self.count_label.setText(
            count_text(len(rows), self.tr("{n} family|{n} families|{n} families"))
        )
        if rows:
            self.stack.setCurrentWidget(self.table)
        else:
            if len(self.index) == 0:
                self.empty.setText(
                    self.tr("There are no families yet. Press «New family» (Ctrl+N) to add one.")
                )
            else:
                self.empty.setText(
                    self.tr(
                        "No family matches the search. Check the spelling or clear the filters."
                    )
                )
            self.stack.setCurrentWidget(self.empty)

    # actions the main window calls
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        if self._open_family is not None:
            self._open_family(None)

    def refresh(self) -> None:
        self.reload()

    def _to_list(self) -> None:
        """↓ in the search box goes to the list, on its first row."""
        if self.model.rowCount() > 0:
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0, 0)
        self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_object(index)
        if row is not None and self._open_family is not None:
            self._open_family(row.id)
