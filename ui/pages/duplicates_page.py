"""Duplicates review (centre): likely pairs, one pair side by side, merge or «not a duplicate».

Everything goes through app.services.duplicates: the list is found in the background
(ui/runner.py), a merge or a mark is one unit of work of the core.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.database import Database
from app.errors import OporaError
from app.services.duplicates import (
    Pair,
    describe,
    find_duplicates,
    mark_distinct,
    merge,
    record_details,
)
from ui.labels import Words
from ui.runner import run_in_background


class DuplicatesPage(QWidget):
    """The review screen: pairs on the left, the chosen pair's two records side by side."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.words = Words(self)
        self.pairs: list[Pair] = []
        self.pair_list = QListWidget()
        self.pair_list.setAccessibleName(self.tr("Likely duplicates"))
        self.pair_list.currentRowChanged.connect(self._show_pair)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("The two records side by side"))
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Left"), self.tr("Right")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.keep_left = QPushButton(self.tr("Merge: keep the &left one"))
        self.keep_right = QPushButton(self.tr("Merge: keep the &right one"))
        self.distinct = QPushButton(self.tr("&Not a duplicate"))
        self.refresh_button = QPushButton(self.tr("&Find again"))
        self.keep_left.clicked.connect(lambda: self._merge(left=True))
        self.keep_right.clicked.connect(lambda: self._merge(left=False))
        self.distinct.clicked.connect(self._mark_distinct)
        self.refresh_button.clicked.connect(self.refresh)

        buttons = QHBoxLayout()
        for button in (self.keep_left, self.keep_right, self.distinct):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pair_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self._enable(False)
        self.refresh()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Find the pairs again, in the background."""
        self.status.setText(self.tr("Looking for duplicates…"))
        self.refresh_button.setEnabled(False)

        def find() -> tuple[list[Pair], dict[str, str]]:
            pairs = find_duplicates(self.db)
            return pairs, dict(describe(self.db, pairs))

        run_in_background(find, self._loaded, on_error=self._failed)

    def _loaded(self, result: Any) -> None:
        self.pairs, labels = result
        self.refresh_button.setEnabled(True)
        self.pair_list.clear()
        for pair in self.pairs:
            kind = self.tr("Family") if pair.type == "family" else self.tr("Person")
            text = f"{pair.score:.2f}  {kind}: {labels.get(pair.a, '')} ~ {labels.get(pair.b, '')}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, pair)
            self.pair_list.addItem(item)
        if self.pairs:
            self.status.setText(self.tr("%n likely duplicate pair(s)", "", len(self.pairs)))
            self.pair_list.setCurrentRow(0)
        else:
            self.status.setText(self.tr("No likely duplicates"))
            self.table.setRowCount(0)
            self._enable(False)

    def _failed(self, error: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(str(error) if isinstance(error, OporaError) else repr(error))

    def _enable(self, on: bool) -> None:
        for button in (self.keep_left, self.keep_right, self.distinct):
            button.setEnabled(on)

    def current_pair(self) -> Pair | None:
        row = self.pair_list.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _show_pair(self, _row: int) -> None:
        pair = self.current_pair()
        if pair is None:
            self._enable(False)
            return
        left = record_details(self.db, pair.type, pair.a)
        right = record_details(self.db, pair.type, pair.b)
        rows = max(len(left), len(right))
        self.table.setRowCount(rows)
        for index in range(rows):
            name = (left[index] if index < len(left) else right[index])[0]
            label = self.tr("Member") if name == "member" else self.words.field(name)
            values = [side[index][1] if index < len(side) else "" for side in (left, right)]
            self.table.setItem(index, 0, QTableWidgetItem(label))
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem(value)
                if values[0] != values[1]:
                    font = item.font()
                    font.setBold(True)  # the values that differ stand out
                    item.setFont(font)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        self._enable(True)

    # -- actions ---------------------------------------------------------------------------

    def _merge(self, *, left: bool) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        keep, drop = (pair.a, pair.b) if left else (pair.b, pair.a)
        answer = QMessageBox.question(
            self,
            self.tr("Merge duplicates"),
            self.tr(
                "Everything recorded on the other record moves to the one kept; values that "
                "differ are kept as conflicts for review. Merge?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            outcome = merge(self.db, keep, drop)
        except OporaError as error:
            self.status.setText(str(error))
            return
        self.status.setText(
            self.tr("Merged; conflicting values kept for review: %n", "", outcome.conflicts)
        )
        self.refresh()

    def _mark_distinct(self) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        try:
            mark_distinct(self.db, pair.a, pair.b)
        except OporaError as error:
            self.status.setText(str(error))
            return
        self.status.setText(self.tr("Marked as not a duplicate"))
        self.refresh()
