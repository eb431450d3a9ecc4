"""«Надати послугу…» on the family card's members tab, with a member selected, opens the quick
entry for that person (the service to them only), as the card's other tabs open it for the
family."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.shell import Shell


def open_card(qtbot: QtBot, context: AppContext):  # noqa: ANN201 - a FamilyCard
    shell = Shell(context)
    qtbot.addWidget(shell.window)
    page = shell.families_page()
    qtbot.waitUntil(lambda: page.index is not None, timeout=10_000)
    card = shell.open_family(page.model.row_at(3).id)
    return shell, card


def test_service_from_the_members_tab_goes_to_the_member_selected(
    qtbot: QtBot, context: AppContext
) -> None:
    shell, card = open_card(qtbot, context)
    card.tabs.setCurrentIndex(1)
    card.members_view.selectRow(1)
    member = card.members_model.row_at(1)
    qtbot.mouseClick(card.service_button, Qt.MouseButton.LeftButton)
    dialog = shell.service_dialog
    assert dialog.recipient.chosen is not None
    assert dialog.recipient.chosen.id == member.id
    assert dialog.to_person.isChecked()
    dialog.close()
    card.reject()


def test_service_from_another_tab_goes_to_the_family(qtbot: QtBot, context: AppContext) -> None:
    shell, card = open_card(qtbot, context)
    card.tabs.setCurrentIndex(2)
    qtbot.mouseClick(card.service_button, Qt.MouseButton.LeftButton)
    dialog = shell.service_dialog
    assert dialog.recipient.chosen is None
    assert dialog.family_id == card.data.id
    assert dialog.to_family.isChecked()
    dialog.close()
    card.reject()
