"""GUI tests: offscreen Qt, Ukrainian translators, QSettings isolated per test."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import set_language
from ui.runner import wait_for_all
from ui.settings import UiSettings
from ui.translations import install_translators


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["opora-tests"]


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[UiSettings]:
    """Each test reads and writes its own settings file, in Ukrainian."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    QCoreApplication.setOrganizationName("OporaTests")
    QCoreApplication.setApplicationName(f"opora-{uuid.uuid4().hex[:8]}")
    install_translators(qapp, "uk")
    yield UiSettings()
    wait_for_all()
    QCoreApplication.processEvents()
    set_language(None)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text (QTest.keyClicks only knows ASCII): one key event per character."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
        QApplication.processEvents()


@pytest.fixture
def typist() -> object:
    """The type_text helper as a fixture (tests/ui has no package to import it from)."""
    return type_text
