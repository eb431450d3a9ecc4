"""Small helpers of the family card's tabs: a fitted table, a key (the empty-table hint is
ui/widgets/empty_hint.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from ui.models.table import RowTableModel


def _table(
    model: RowTableModel[Any], name: str, order: tuple[int, Qt.SortOrder] | None = None
) -> QTableView:
    """A card's table; sorted by `order` (column, direction), or else kept in the order its
    rows come in (no arrow on a column) until the user chooses a column."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    column, direction = order or (-1, Qt.SortOrder.AscendingOrder)
    view.horizontalHeader().setSortIndicator(column, direction)  # what sorting starts with
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)

    # the card's tables are short: fit the columns to their content after each load — when
    # the table shows (a hidden tab's table is fitted when its tab is opened)
    def fit() -> None:
        if view.isVisible():
            view.resizeColumnsToContents()
        else:
            view.setProperty("needs_fit", True)

    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)  # a new member's whole name
    model.dataChanged.connect(fit)
    return view


def _key(view: QWidget, key: Qt.Key, slot: Callable[[], object]) -> None:
    """A key for one table only (while it has the focus), so tabs do not share it."""
    shortcut = QShortcut(QKeySequence(key), view, activated=slot)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
