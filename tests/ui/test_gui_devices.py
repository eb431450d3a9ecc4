"""The centre's devices: a laptop connected through the wizard (its file really opens a
laptop database), listed with its districts and specialist, revoked after a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.database import open_database
from app.db.models import Device
from app.services.family_index import Viewer
from app.services.records import RecordService
from app.services.setup import init_centre
from app.sync.enrollment import init_field
from ui.context import AppContext
from ui.settings import UiSettings


@pytest.fixture
def centre(tmp_path: Path, isolated_settings: UiSettings) -> AppContext:
    db = init_centre(
        tmp_path / "centre.db", name="ЦНСП", admin="admin", password="pw", encrypted=False
    )
    for name in ("Морозівський", "Любовицький"):
        RecordService(db).save("district", None, {"name": name})
    return AppContext(db, isolated_settings, Viewer("admin", "admin", True))


def test_connect_a_laptop_with_the_wizard_then_revoke_it(
    qtbot: QtBot, centre: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.pages.devices_page import DevicesPage

    page = DevicesPage(centre)
    qtbot.addWidget(page)
    page.show()
    assert page.empty.isVisible()
    page.new_item()
    wizard = page.wizard
    assert isinstance(wizard, QWizard) and wizard.isVisible()

    wizard.next()  # nothing filled in: refused next to the field
    assert wizard.currentId() == 0 and wizard.errors.text("name")
    wizard.name_edit.setText("Ноутбук Морозівка")
    wizard.next()
    assert wizard.errors.text("districts")
    morozivskyi = next(
        wizard.district_list.item(i)
        for i in range(wizard.district_list.count())
        if wizard.district_list.item(i).text() == "Морозівський"
    )
    morozivskyi.setCheckState(Qt.CheckState.Checked)
    wizard.next()
    assert wizard.currentId() == 1
    wizard.login_edit.setText("olena")
    wizard.password_edit.setText("довгий-пароль")
    wizard.repeat_edit.setText("інший-пароль")
    wizard.next()
    assert wizard.errors.text("repeat")
    wizard.repeat_edit.setText("довгий-пароль")
    wizard.next()
    assert wizard.currentId() == 2
    assert wizard.path_edit.text().endswith(".enroll")  # a place is proposed
    target = tmp_path / "usb" / "morozivka.enroll"
    wizard.path_edit.setText(str(target))
    wizard.next()
    assert wizard.errors.text("path")  # no such folder
    target.parent.mkdir()
    wizard.next()
    assert wizard.currentId() == 3 and target.exists()
    text = wizard.done_text.text()
    assert str(target) in text and "olena" in text and "opora init field" in text
    wizard.accept()

    assert page.table.rowCount() == 1
    cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert cells[0] == "Ноутбук Морозівка" and cells[1] == "olena"
    assert cells[2] == "Морозівський" and cells[4] == "діє"

    laptop = init_field(tmp_path / "laptop.db", target, "довгий-пароль", encrypted=False)
    laptop.close()
    open_database(tmp_path / "laptop.db", login="olena", password="довгий-пароль").close()

    asked: list[str] = []

    def warning(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warning)
    page.table.setCurrentCell(0, 0)
    page.revoke_selected()
    assert asked and "Ноутбук Морозівка" in asked[0]
    assert page.table.item(0, 4).text().startswith("відкликано")
    with centre.db.session() as session:
        assert session.scalar(select(Device.revoked_at).where(Device.name == "Ноутбук Морозівка"))
    centre.db.close()


def test_a_laptop_database_has_no_devices_section(qtbot: QtBot, context: AppContext) -> None:
    from ui.shell import Shell

    shell = Shell(context)
    qtbot.addWidget(shell.window)
    is_centre = shell.is_centre()
    row = shell.window.navigation.item(6)
    assert row.isHidden() == (not is_centre)


def test_the_empty_page_keeps_its_buttons_and_hint_under_the_title(
    qtbot: QtBot, centre: AppContext
) -> None:
    """With no laptop yet the table is hidden; its room goes below the hint, not between
    the title, the buttons and the hint (they floated apart on a tall window)."""
    from ui.pages.devices_page import DevicesPage

    page = DevicesPage(centre)
    qtbot.addWidget(page)
    page.resize(1200, 740)
    page.show()
    qtbot.waitExposed(page)
    assert page.empty.isVisible() and not page.table.isVisible()
    buttons_top = page.enroll_button.mapTo(page, page.enroll_button.rect().topLeft()).y()
    text_top = page.empty.mapTo(page, page.empty.rect().topLeft()).y()
    line = page.empty.fontMetrics().height()
    assert buttons_top < 6 * line, buttons_top
    hint = page.empty.contentsRect()
    drawn = page.empty.fontMetrics().boundingRect(hint, page.empty.alignment(), page.empty.text())
    assert text_top + drawn.top() - buttons_top < 4 * line, (text_top, drawn.top(), buttons_top)
