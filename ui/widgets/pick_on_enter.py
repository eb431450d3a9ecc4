"""Enter in a completer's list takes what the list shows, not only a row picked with the
arrows: the one match at once; of several, the first is highlighted for a second Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _PickOnEnter(QObject):
    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self.completer = completer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress):
            return False
        popup = self.completer.popup()
        model = popup.model()
        if event.key() not in _ENTER or popup.currentIndex().isValid() or model is None:
            return False
        rows = model.rowCount()
        if rows == 0:
            return False
        popup.setCurrentIndex(model.index(0, 0))
        return rows > 1  # the one match goes on to the completer, which takes it


def pick_on_enter(completer: QCompleter) -> None:
    """Installed before the completer's own filter runs (Qt calls the last one first)."""
    popup = completer.popup()
    popup.installEventFilter(_PickOnEnter(completer))
