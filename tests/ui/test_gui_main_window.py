"""The main window without a database: navigation, actions, geometry remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ui.main_window import PAGE_KEYS, MainWindow, StatusInfo
from ui.settings import UiSettings


class SearchablePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.searched = 0

    def focus_search(self) -> None:
        self.searched += 1


def test_navigation_lists_sections_in_ukrainian(qtbot: QtBot) -> None:
    window = MainWindow({})
    qtbot.addWidget(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [
        "Сім'ї",
        "Групи",
        "Послуги",
        "Звіти",
        "Синхронізація",
        "Налаштування",
        "Пристрої",
    ]
    assert len(PAGE_KEYS) == 7


def test_ctrl_f_goes_to_the_current_page(qtbot: QtBot) -> None:
    window = MainWindow({"families": SearchablePage})
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.current_page()
    assert isinstance(page, SearchablePage)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.searched == 1
    assert not window.new_action.isEnabled()
    window.show_page("groups")
    assert isinstance(window.current_page(), QLabel)  # placeholder
    assert not window.find_action.isEnabled()


def test_status_bar_shows_status(qtbot: QtBot) -> None:
    info = StatusInfo("olena", "Ноутбук 1", "opora.db", pending=3)
    window = MainWindow({}, status_source=lambda: info)
    qtbot.addWidget(window)
    assert window.user_label.text() == "Користувач: olena"
    assert window.exchange_label.text().startswith("Не передано до центру: 3 зміни")
    assert "обміну ще не було" in window.exchange_label.text()


def test_geometry_is_remembered(qtbot: QtBot, isolated_settings: UiSettings) -> None:
    window = MainWindow({}, settings=isolated_settings)
    qtbot.addWidget(window)
    window.show()
    window.resize(790, 530)
    window.close()
    again = MainWindow({}, settings=UiSettings())
    qtbot.addWidget(again)
    assert again.size().width() == 790
    assert again.size().height() == 530
