"""Every GUI string is translated to Ukrainian; English (the source) is the second language."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.settings import UiSettings
from ui.translations import install_translators

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "opora_translations_build", ROOT / "translations" / "build.py"
)
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def messages(ts: Path) -> set[tuple[str, str]]:
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }


def test_ukrainian_catalogue_is_complete_and_current(tmp_path: Path) -> None:
    shipped = ROOT / "translations" / "opora_uk.ts"
    assert build.unfinished(shipped) == []
    fresh = tmp_path / "fresh.ts"
    shutil.copy(shipped, fresh)
    subprocess.run(
        [
            build.tool("lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            *build.sources(),
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
    )
    assert messages(fresh) == messages(shipped), "run python translations/build.py"
    assert build.unfinished(fresh) == []


def test_english_is_the_second_language(qtbot: QtBot, isolated_settings: UiSettings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, "en")
    window = MainWindow({})
    qtbot.addWidget(window)
    assert window.navigation.item(0).text() == "Families"
    install_translators(app, "uk")
    again = MainWindow({})
    qtbot.addWidget(again)
    assert again.navigation.item(0).text() == "Сім'ї"


def test_language_choice_is_remembered(qtbot: QtBot, isolated_settings: UiSettings) -> None:
    from ui.pages.settings_page import SettingsPage

    page = SettingsPage(isolated_settings)
    qtbot.addWidget(page)
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    assert UiSettings().language == "en"
    assert "перезапуску" in page.language_note.text()
    page.text_size_box.setCurrentIndex(page.text_size_box.findData(130))
    assert UiSettings().text_size == 130
