"""The background exchange against a real `serve`: the status bar follows it, and typing in
a family card is never held up while a round runs."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot

from app.db.settings import set_setting
from app.online.protocol import URL_SETTING
from app.services.accounts import viewer_for
from app.services.queries import status_summary
from tests.online.helpers import Server
from tests.online.work import add_families, state
from tests.sync.network import ALL, build_network
from ui.context import AppContext
from ui.settings import UiSettings
from ui.shell import Shell


def test_background_exchange_runs_while_typing(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings
) -> None:
    net = build_network(tmp_path / "net", {"L1": ALL})
    add_families(net, "L1", 150, notes=6000)  # a round that takes a while
    add_families(net, "centre", 150)  # and something to receive
    server = Server(net.path("centre"), tmp_path / "serve.log").start(0)
    try:
        db = net.open("L1")
        set_setting(db, URL_SETTING, server.url)
        assert status_summary(db).pending == 300
        shell = Shell(AppContext(db, isolated_settings, viewer_for(db)))
        window = shell.window
        qtbot.addWidget(window)
        window.show()
        exchange = shell.exchange
        assert exchange is not None
        assert "300" in window.exchange_label.text()  # what is waiting

        card = shell.open_family(None)
        qtbot.waitExposed(card)
        gaps: list[int] = []
        clock = QElapsedTimer()
        clock.start()
        ticker = QTimer()
        ticker.setInterval(20)
        ticker.timeout.connect(lambda: gaps.append(clock.restart()))
        ticker.start()

        with qtbot.waitSignal(exchange.exchanged, timeout=120_000) as done:
            exchange.run_now()
            assert exchange.running
            assert exchange.label.text() == "Обмін із центром…"
            typed = "vul. Nezalezhnosti, 17, kv. 4"  # QTest types ASCII only
            started = time.monotonic()
            qtbot.keyClicks(card.address, typed)
            typing = time.monotonic() - started
            assert exchange.running  # the round was still going while we typed
        ticker.stop()
        assert card.address.text() == typed
        assert typing < 5, typing
        assert max(gaps) < 1500, max(gaps)  # the event loop kept turning
        result = done.args[0]
        assert result.sent == 300 and result.received >= 300
        assert exchange.label.text().startswith("Останній обмін із центром:")
        assert "0" in window.exchange_label.text() and "300" not in window.exchange_label.text()
        assert status_summary(db).pending == 0
        assert exchange.next_in_ms > 60_000  # the next round in a few minutes
        card.dirty = False  # leave without the unsaved-changes question
        card.reject()
        assert state(net, "L1")[0] == state(net, "centre")[0]

        # the centre goes away: the round fails quietly and is retried later
        server.stop()
        with qtbot.waitSignal(exchange.failed, timeout=90_000):
            exchange.run_now()
        assert exchange.failures == 1
        assert "наступна спроба" in exchange.label.text()
        assert 0 < exchange.next_in_ms <= 31_500  # 30 s; a coarse timer may run 5 % late
        exchange.stop()
        db.close()
    finally:
        if server.process and server.process.poll() is None:
            server.stop()
