"""Fixtures: an enrolled network whose laptops know the address of a real `serve`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.settings import set_setting
from app.online.protocol import URL_SETTING
from tests.online.helpers import Server
from tests.sync.network import ALL, Network, build_network


@pytest.fixture(scope="session")
def online_template(tmp_path_factory: pytest.TempPathFactory) -> Network:
    """A plain centre and two laptops serving both districts."""
    return build_network(tmp_path_factory.mktemp("online"), {"L1": ALL, "L2": ALL})


@pytest.fixture
def net(online_template: Network, tmp_path: Path) -> Network:
    return online_template.copy(tmp_path / "net")


@pytest.fixture
def server(net: Network, tmp_path: Path) -> Iterator[Server]:
    """`serve` on a free loopback port, the laptops pointed at it; stopped after the test."""
    running = Server(net.path("centre"), tmp_path / "serve.log").start(0)
    point(net, running.url)
    yield running
    if running.process is not None and running.process.poll() is None:
        running.stop()


def point(net: Network, url: str) -> None:
    """Tell every laptop where the centre listens (what enrollment --exchange-url does)."""
    for name in net.names:
        if name != "centre":
            db = net.open(name, fast=True)
            set_setting(db, URL_SETTING, url)
            db.close()
