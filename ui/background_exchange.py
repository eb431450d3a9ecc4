"""The online exchange in the background: at start, every few minutes while online, and when
the network comes back; failed rounds are retried with back-off. The round is the core's
`sync_round` (the same as `opora sync now`), run by the one runner, so typing never waits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.db.database import Database
from app.errors import CentreUnreachable
from ui.runner import run_in_background

INTERVAL_MS = 5 * 60_000
FIRST_MS = 3_000
BACKOFF_MS = (30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000)


class BackgroundExchange(QObject):
    """Runs rounds off the GUI thread and says in the status bar how the last one went."""

    exchanged = Signal(object)  # the RoundResult of a round that went through
    failed = Signal(object)  # the error of a round that did not

    def __init__(
        self,
        db: Database,
        status_bar: QStatusBar,
        *,
        interval_ms: int = INTERVAL_MS,
        first_ms: int = FIRST_MS,
        backoff_ms: tuple[int, ...] = BACKOFF_MS,
        round_op: Callable[[Database], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if round_op is None:
            from app.online.client import sync_round

            round_op = sync_round
        self._db = db
        self._round = round_op
        self.interval_ms = interval_ms
        self.first_ms = first_ms
        self.backoff_ms = backoff_ms
        self.failures = 0
        self.running = False
        self.last_exchange: dt.datetime | None = None
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Online exchange"))
        status_bar.addPermanentWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._network: Any = None
        self._watch_network()

    def start(self) -> None:
        """The first round shortly after the window opens."""
        self._schedule(self.first_ms)

    def stop(self) -> None:
        self._timer.stop()

    @property
    def next_in_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def run_now(self) -> None:
        """Start a round unless one is running (it never blocks the GUI thread)."""
        if self.running:
            return
        self.running = True
        self._timer.stop()
        self.label.setText(self.tr("Exchanging with the centre…"))
        db, op = self._db, self._round
        run_in_background(lambda: op(db), self._done, on_error=self._failed)

    def _on_timer(self) -> None:
        if self._offline():
            return  # the network's return starts the next round
        self.run_now()

    def _done(self, result: object) -> None:
        self.running = False
        self.failures = 0
        self.last_exchange = dt.datetime.now()
        self.label.setText(
            self.tr("Last exchange with the centre: {time}").format(
                time=self.last_exchange.strftime("%H:%M")
            )
        )
        self._schedule(self.interval_ms)
        self.exchanged.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.failures += 1
        delay = self.backoff_ms[min(self.failures, len(self.backoff_ms)) - 1]
        at = (dt.datetime.now() + dt.timedelta(milliseconds=delay)).strftime("%H:%M")
        if isinstance(error, CentreUnreachable):
            text = self.tr("The centre is not reachable; next try at {time}").format(time=at)
        else:
            text = self.tr("Exchange failed: {error}; next try at {time}").format(
                error=str(error), time=at
            )
        self.label.setText(text)
        self.label.setToolTip(str(error))
        self._schedule(delay)
        self.failed.emit(error)

    def _schedule(self, delay_ms: int) -> None:
        self._timer.start(max(0, delay_ms))

    # the network's state, where the platform reports it
    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork ships with PySide6-Essentials
            return
        try:
            if QNetworkInformation.instance() is None:
                QNetworkInformation.loadDefaultBackend()
            info = QNetworkInformation.instance()
        except (AttributeError, RuntimeError):
            info = None
        if info is None:
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability_changed)

    def _offline(self) -> bool:
        if self._network is None:
            return False
        from PySide6.QtNetwork import QNetworkInformation

        return self._network.reachability() == QNetworkInformation.Reachability.Disconnected

    def _reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        online = (
            QNetworkInformation.Reachability.Site,
            QNetworkInformation.Reachability.Online,
            QNetworkInformation.Reachability.Local,
        )
        if reachability in online:
            self.failures = 0  # the network is back: try soon, whatever the back-off said
            self._schedule(1_000)


def start_background_exchange(
    db: Database, status_bar: QStatusBar, parent: QWidget | None, demo: bool = False
) -> BackgroundExchange | None:
    """On a laptop that knows its centre's exchange address: start the background rounds."""
    from app.db.settings import get_setting
    from app.online.protocol import URL_SETTING
    from app.services.exchange_queries import this_device

    device = this_device(db)
    if demo or device is None or device.kind != "field" or not get_setting(db, URL_SETTING):
        return None
    exchange = BackgroundExchange(db, status_bar, parent=parent)
    exchange.start()
    return exchange
