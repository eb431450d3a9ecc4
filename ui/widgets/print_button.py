"""«Друк…» with «Зберегти PDF…» beside it: a click prints (preview, then the printer
dialog), the arrow offers saving the same pages as a PDF."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolButton, QWidget

from ui.icons import icon


def print_button(
    text: str, on_print: Callable[[], object], on_save: Callable[[], object], parent: QWidget
) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setIcon(icon("printer"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    button.clicked.connect(lambda _checked=False: on_print())
    menu = QMenu(button)
    save = menu.addAction(QCoreApplication.translate("Printing", "Save PDF…"))
    save.triggered.connect(lambda _checked=False: on_save())
    button.setMenu(menu)
    button.save_action = save  # type: ignore[attr-defined]
    return button
