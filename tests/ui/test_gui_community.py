"""A new centre's first day in the window: with no starosta district or settlement, no
family could be registered and the form said only «Обов'язкове поле». The administrator adds
them in the settings; the family form then offers them, and says where they come from while
there are none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import open_database
from app.services.permissions import actor_of
from app.services.queries import settlements
from app.services.setup import init_centre
from ui.context import AppContext
from ui.dialogs.family_card import FamilyCard
from ui.pages.settings_page import SettingsPage
from ui.settings import UiSettings

PASSWORD = "Ґречана каша з молоком"


def test_a_new_centre_adds_its_districts_and_settlements_then_a_family(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings, typist
) -> None:
    path = tmp_path / "c.db"
    init_centre(path, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False).close()
    db = open_database(path, login="admin", password=PASSWORD)
    context = AppContext(db, isolated_settings, actor_of(db))

    card = FamilyCard(context, None)
    qtbot.addWidget(card)
    card.show()
    typist(card.address, "вул. Центральна, 1")
    assert not card.save()
    assert "Налаштуваннях" in card.errors.text("settlement_id")
    card.dirty = False
    card.reject()

    page = SettingsPage(isolated_settings, None, context=context)
    qtbot.addWidget(page)
    page.show()
    community = page.community
    assert community is not None and page.accounts is not None
    community.add_settlement()
    assert community.message.text() == "Спершу додайте старостинський округ."
    typist(community.district_edit, "Морозівський")
    qtbot.keyClick(community.district_edit, Qt.Key.Key_Return)
    assert community.message.text() == "Округ «Морозівський» додано."
    typist(community.settlement_edit, "с. Морозівка")
    qtbot.keyClick(community.settlement_edit, Qt.Key.Key_Return)
    assert community.message.text() == "Населений пункт «с. Морозівка» додано."
    top = community.tree.topLevelItem(0)
    assert top.text(0) == "Морозівський" and top.child(0).text(0) == "с. Морозівка"
    assert [page.accounts.district_list.item(0).text()] == ["Морозівський"]
    assert [p.name for p in settlements(db)] == ["с. Морозівка"]

    card = FamilyCard(context, None)
    qtbot.addWidget(card)
    card.show()
    assert card.settlement.findData(settlements(db)[0].id) >= 0
    card.settlement.setCurrentIndex(card.settlement.findData(settlements(db)[0].id))
    typist(card.address, "вул. Центральна, 1")
    assert card.save()
    card.reject()
    db.close()
