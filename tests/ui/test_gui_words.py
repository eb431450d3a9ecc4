"""Ukrainian everywhere: the change history in the user's words with a «Хто» column, Qt's
own dialogs translated, the attendance legend matching the cells, the language switched
without a restart."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Family
from app.db.registry import SYNCED
from app.services.records import RecordService
from ui.context import AppContext
from ui.labels import Words
from ui.settings import UiSettings
from ui.translations import install_translators

CYRILLIC = re.compile("[а-яіїєґ]", re.IGNORECASE)


def test_every_field_and_record_type_has_a_ukrainian_name(qapp: QApplication) -> None:
    words = Words()
    for spec in SYNCED:
        assert CYRILLIC.search(words.entity(spec.name)), spec.name
        for field in spec.fields:
            assert CYRILLIC.search(words.field(field.name)), f"{spec.name}.{field.name}"


def test_change_history_names_fields_in_ukrainian_and_says_who(
    qtbot: QtBot, context: AppContext
) -> None:
    from ui.dialogs.family_card import FamilyCard

    with context.db.session() as session:
        family = str(session.scalars(select(Family.id)).first())
    RecordService(context.db).save(
        "assessment",
        None,
        {"family_id": family, "conclusion": "Потребує супроводу", "needed_services": ["001.0"]},
    )
    card = FamilyCard(context, family)
    qtbot.addWidget(card)
    card.tabs.setCurrentIndex(card.tabs.count() - 1)  # the history is read when opened
    model = card.history_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Хто" in headers
    changed = headers.index("Змінено") if "Змінено" in headers else len(headers) - 1
    text = str(model.index(0, changed).data())
    assert "conclusion" not in text and "needed_services" not in text
    assert "Висновок" in text
    who = str(model.index(0, headers.index("Хто")).data())
    assert who == "Олена Коваленко"  # the name of the demo database's one account
    card.reject()


def test_qt_dialogs_speak_ukrainian(qtbot: QtBot) -> None:
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Look in:" not in texts
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "Тип файлів:"


def test_english_legend_uses_the_english_symbol(
    qtbot: QtBot, context: AppContext, qapp: QApplication
) -> None:
    from ui.pages.groups_page import GroupsPage

    install_translators(qapp, "en")
    page = GroupsPage(context)
    qtbot.addWidget(page)
    symbol = page.grid_model.mark_symbols()["excused"]
    assert symbol == "E"
    assert f"{symbol} absent for a good reason" in page.legend.text()
    assert "П" not in page.legend.text()
    install_translators(qapp, "uk")


def test_language_switches_without_a_restart(
    qtbot: QtBot, context: AppContext, isolated_settings: UiSettings
) -> None:
    from ui.pages.settings_page import SettingsPage
    from ui.shell import Shell

    shell = Shell(context)
    qtbot.addWidget(shell.window)
    shell.window.show()
    page = shell.window.show_page("settings")
    assert isinstance(page, SettingsPage)
    old = shell.window
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    assert shell.window is not old
    qtbot.addWidget(shell.window)
    assert shell.window.navigation.item(0).text() == "Families"
    assert shell.window.current_key() == "settings"
    assert UiSettings().language == "en"
    again = shell.window.page("settings")
    assert isinstance(again, SettingsPage)
    again.language_box.setCurrentIndex(again.language_box.findData("uk"))
    qtbot.addWidget(shell.window)
    assert shell.window.navigation.item(0).text() == "Сім'ї"
