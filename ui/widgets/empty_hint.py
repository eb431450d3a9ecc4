"""The hint an empty list shows: what it is for and how to start it («Empty states teach»)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from ui.models.table import RowTableModel


def hint_label(text: str = "") -> QLabel:
    """A hint's look: wrapped, in the muted colour of placeholder text."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: palette(placeholder-text); padding: 6px 2px;")
    return hint


def empty_hint(model: RowTableModel[Any], text: str) -> QLabel:
    """What an empty table is for and how to start it; hidden while the table has rows."""
    hint = hint_label(text)

    def update() -> None:
        hint.setVisible(model.rowCount() == 0)

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        signal.connect(update)
    update()
    return hint
