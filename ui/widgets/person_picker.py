"""Find a person by typing part of the name or phone; pick with arrows and Enter."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.db.database import Database
from app.services.queries import PersonChoice, find_persons, person_choice
from ui.widgets.pick_on_enter import pick_on_enter


class PersonPicker(QLineEdit):
    """`chosen` holds the picked person; editing the text clears it."""

    picked = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.chosen: PersonChoice | None = None
        self._found: list[PersonChoice] = []
        self.setPlaceholderText(self.tr("Type a surname or phone…"))
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(10)
        self._completer.activated[str].connect(self._activated)
        self.setCompleter(self._completer)
        pick_on_enter(self._completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._edited)

    def _edited(self) -> None:
        self.chosen = None
        self._timer.start()

    def _search(self) -> None:
        text = self.text().strip()
        self._found = find_persons(self.db, text, limit=30) if len(text) >= 2 else []
        self._model.setStringList([c.label for c in self._found])
        if self._found and self.hasFocus():
            self._completer.complete()

    def _activated(self, label: str) -> None:
        for choice in self._found:
            if choice.label == label:
                self.choose(choice)
                return

    def choose(self, choice: PersonChoice | None) -> None:
        self.chosen = choice
        self.blockSignals(True)
        self.setText(choice.label if choice else "")
        self.blockSignals(False)
        self.picked.emit(choice)

    def choose_id(self, person_id: str) -> None:
        self.choose(person_choice(self.db, person_id))
