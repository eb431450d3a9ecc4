"""GUI tests: offscreen Qt, Ukrainian translators, QSettings isolated per test."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import datetime as dt
import gc
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.db.database import Database
from app.demo import create_demo_database, open_demo
from app.i18n import set_language
from ui.app import apply_text_size
from ui.context import AppContext
from ui.runner import wait_for_all
from ui.settings import UiSettings
from ui.translations import install_translators

# The demo data is planned around a fixed day, not the day the tests run: the same records,
# ages and dates on every run (the GUI itself still counts from the real today).
DEMO_TODAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["opora-tests"]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database made once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    for _step in create_demo_database(path, families=40, today=DEMO_TODAY):
        pass
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A real demo database file for one test."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    db = open_demo(path)
    yield db
    wait_for_all()
    db.close()


@pytest.fixture
def context(demo_db: Database, isolated_settings: UiSettings) -> AppContext:
    from app.services.family_index import Viewer

    return AppContext(demo_db, isolated_settings, Viewer("demo", "demo", "admin"), demo=True)


@pytest.fixture
def new_centre(tmp_path: Path, isolated_settings: UiSettings) -> Iterator[AppContext]:
    """A new centre's own database, with nothing in it yet, as its administrator sees it."""
    from app.db.database import open_database
    from app.services.permissions import actor_of
    from app.services.setup import init_centre

    path = tmp_path / "centre.db"
    password = "Ґречана каша з молоком"
    init_centre(path, name="ЦНСП", admin="admin", password=password, encrypted=False).close()
    db = open_database(path, login="admin", password=password)
    yield AppContext(db, isolated_settings, actor_of(db))
    wait_for_all()
    db.close()


@pytest.fixture(autouse=True)
def main_thread_gc() -> Iterator[None]:
    """Garbage is collected only here, in the GUI thread: an automatic collection started in
    a runner thread could destroy a test's leftover Qt widgets there and crash the process."""
    gc.disable()
    yield
    gc.enable()
    wait_for_all()
    QCoreApplication.processEvents()
    gc.collect()


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
    apply_text_size(qapp, 100)
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
