"""A banner above the pages when the centre held this laptop's changes because its clock ran
ahead (docs/decisions/034): it says, in Ukrainian, what happened and what to do."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services.records import RecordService
from tests.sync.network import SETTLEMENTS, build_network, receive, send
from ui.settings import UiSettings


def test_held_changes_show_a_banner_that_says_what_to_do(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings
) -> None:
    from ui.launch import show_window

    net = build_network(tmp_path / "net", {"L1": ["Морозівський"]})
    centre, laptop = net.open("centre"), net.open("L1")
    family = RecordService(laptop).save(
        "family", None, {"settlement_id": SETTLEMENTS[0][0], "address": "1"}
    )
    future = f"{(time.time_ns() // 1_000_000 + 40 * 86_400_000):012x}0000"
    with laptop.engine.begin() as connection:  # saved while the laptop's date was 40 days on
        connection.exec_driver_sql(
            "UPDATE changes SET hlc = ? WHERE record_id = ?", (future, family)
        )
    assert receive(centre, send(laptop, tmp_path / "l1.opora")).held == 1
    receive(laptop, send(centre, tmp_path / "back.opora", "L1"))
    centre.close()

    shell = show_window(laptop, isolated_settings)
    window = shell.window
    qtbot.addWidget(window)
    banner = window.clock_banner
    assert banner.isVisible()
    text = window.clock_text.text()
    assert "1 зміну" in text and "дату й час" in text and "пакет для центру" in text
    assert banner.geometry().width() > 0 and window.clock_text.height() >= (
        window.clock_text.heightForWidth(window.clock_text.width())
    )
    window.show_clock(0, False)  # the centre's next package holds nothing back
    assert not banner.isVisible()
    shell.shutdown()
    laptop.close()
