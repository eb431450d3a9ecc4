"""`sync now` against a real `serve` on loopback: convergence, a dead centre, idempotence."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.services.records import RecordService
from tests.online.helpers import Server, sync_now
from tests.sync.network import SETTLEMENTS, Network, change_log, export_text, snapshot


def add_family(net: Network, laptop: str, address: str) -> str:
    db = net.open(laptop, fast=True)
    try:
        service = RecordService(db)
        family = service.save(
            "family", None, {"settlement_id": SETTLEMENTS[0][0], "address": address}
        )
        service.save(
            "person", None, {"family_id": family, "surname": "Коваль", "given_name": "Олена"}
        )
        return family
    finally:
        db.close()


def state(net: Network, name: str) -> tuple[str, list[tuple]]:
    db = net.open(name, fast=True)
    try:
        return export_text(db), change_log(db)
    finally:
        db.close()


def test_two_laptops_and_the_centre_converge(net: Network, server: Server) -> None:
    add_family(net, "L1", "вул. Шевченка, 1")
    add_family(net, "L2", "вул. Франка, 2")
    first = sync_now(net.path("L1"), "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"sent": 2, "received": 0, "conflicts": 0}
    second = sync_now(net.path("L2"), "--json")
    assert json.loads(second.stdout) == {"sent": 2, "received": 2, "conflicts": 0}
    assert sync_now(net.path("L1"), "--json").returncode == 0
    centre = state(net, "centre")[0]
    assert "Шевченка" in centre and "Франка" in centre
    assert state(net, "L1")[0] == centre == state(net, "L2")[0]
    # a repeated round moves nothing and changes nothing
    before = {name: state(net, name) for name in net.names}
    again = sync_now(net.path("L2"), "--json")
    assert json.loads(again.stdout) == {"sent": 0, "received": 0, "conflicts": 0}
    assert {name: state(net, name) for name in net.names} == before
    assert "exchange device=" in server.text()


def test_centre_down_exits_6_and_changes_nothing(net: Network, tmp_path: Path) -> None:
    add_family(net, "L1", "вул. Лесі Українки, 3")
    import socket

    with socket.socket() as probe:  # a port where nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = net.open("L1", fast=True)
    before = snapshot(db)
    db.close()
    started = time.monotonic()
    done = sync_now(net.path("L1"), "--url", f"http://127.0.0.1:{port}", lang="uk")
    assert done.returncode == 6, done.stderr
    assert time.monotonic() - started < 60
    assert "центр недоступний" in done.stderr  # Ukrainian by default
    db = net.open("L1", fast=True)
    assert snapshot(db) == before
    db.close()
    assert not list((tmp_path / "net").glob("L1.db.exchange/*.opora"))


@contextmanager
def false_centre(kind: str) -> Iterator[int]:
    """A port where something listens but no centre answers: `silent` accepts connections
    and never says a word; `html` answers every request 200 with a page (a captive portal,
    a wrong address)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            if kind == "silent":
                held.append(connection)
                continue
            connection.settimeout(2)
            try:
                connection.recv(65536)
                page = b"<html>login</html>"
                head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(page)}\r\n"
                connection.sendall(head.encode() + b"Connection: close\r\n\r\n" + page)
            except OSError:
                pass
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["silent", "html"])
def test_a_centre_that_does_not_answer_exits_6_within_a_minute(net: Network, kind: str) -> None:
    """A silent listener held `sync now` for ever (no read timeout), and a 200 page that is
    not the exchange's JSON counted as progress each time, so the round never gave up."""
    add_family(net, "L1", "вул. Тиха, 1")
    db = net.open("L1", fast=True)
    before = snapshot(db)
    db.close()
    with false_centre(kind) as port:
        started = time.monotonic()
        done = sync_now(net.path("L1"), "--url", f"http://127.0.0.1:{port}", timeout=90)
        took = time.monotonic() - started
    assert done.returncode == 6, (done.returncode, done.stderr)
    assert took < 60, took
    db = net.open("L1", fast=True)
    assert snapshot(db) == before
    db.close()
