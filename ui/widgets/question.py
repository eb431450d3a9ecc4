"""A question asked before a save that may be a slip (a session dated outside its group's
period, a second session or the same service again the same day, an act with nothing in
it): going back is the safe answer, on Enter and Esc; the other answer goes on. The box is
window-modal and opened, not run, so the dialog under it keeps its state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


@dataclass(frozen=True)
class Question:
    """The open box and its two answers (tests and the tour click them)."""

    box: QMessageBox
    go_on: QPushButton
    back: QPushButton


def ask(
    parent: QWidget,
    *,
    title: str,
    text: str,
    detail: str,
    go_on: str,
    back: str,
    on_go_on: Callable[[], None],
    on_back: Callable[[], None],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> Question:
    """Open the question; `on_go_on` or `on_back` runs once it is answered (Esc and the
    window's ✕ are `back`)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    going = box.addButton(go_on, QMessageBox.ButtonRole.AcceptRole)
    staying = box.addButton(back, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(staying)
    box.setEscapeButton(staying)
    box.finished.connect(lambda _result: on_go_on() if box.clickedButton() is going else on_back())
    box.open()
    return Question(box, going, staying)
