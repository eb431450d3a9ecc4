"""Links that break: a proxy cutting uploads, a centre killed mid-round, random drops."""

from __future__ import annotations

import random
import threading
import time

import pytest

from app.errors import CentreUnreachable
from app.online.client import LinkOptions, sync_round
from tests.online.helpers import Proxy, Server, random_cuts, sync_now
from tests.online.work import add_families, spool_parts, state
from tests.sync.network import Network, snapshot

FAST = LinkOptions(first_backoff=0.05, max_backoff=0.3, attempts=8, patience=20)


def round_via(net: Network, laptop: str, url: str, options: LinkOptions = FAST):
    db = net.open(laptop, fast=True)
    try:
        return sync_round(db, url, options=options)
    finally:
        db.close()


def centre_snapshot(net: Network):
    db = net.open("centre", fast=True)
    try:
        return snapshot(db)
    finally:
        db.close()


def assert_converged(net: Network, families: int) -> None:
    centre = state(net, "centre")
    for name in net.names:
        assert state(net, name)[0] == centre[0], name
    # nothing doubled: each family once, and each laptop change once in the centre's log
    assert centre[0].count('"type": "family"') == families
    keys = [(row[0], row[1]) for row in centre[1]]
    assert len(keys) == len(set(keys))


def test_a_cut_mid_upload_applies_nothing_and_the_next_round_completes(
    net: Network, server: Server
) -> None:
    add_families(net, "L1", 60, notes=12_000)  # ~1 MB bundle, several chunks
    before = centre_snapshot(net)
    laptop_before = state(net, "L1")
    budget = {"left": 400_000}
    lock = threading.Lock()

    def cut(_number: int, sent: int) -> bool:  # the link dies for good after ~400 kB
        with lock:
            budget["left"] -= 16384
            return budget["left"] <= 0

    proxy = Proxy(server.port, cut)
    with pytest.raises(CentreUnreachable):
        round_via(net, "L1", proxy.url)
    proxy.close()
    assert proxy.cuts > 0
    assert centre_snapshot(net) == before  # nothing half-applied
    assert state(net, "L1") == laptop_before
    held = spool_parts(net)
    assert len(held) == 1 and 0 < held[0].stat().st_size  # the received part waits
    result = round_via(net, "L1", server.url)  # the next round resumes and completes
    assert result.sent == 120
    assert spool_parts(net) == []  # the same upload was resumed, not sent anew
    assert state(net, "centre")[0] == state(net, "L1")[0]


def test_a_round_rides_out_drops_every_few_hundred_kilobytes(net: Network, server: Server) -> None:
    add_families(net, "L1", 60, notes=12_000)
    proxy = Proxy(server.port, lambda _n, sent: sent >= 200_000)  # each connection dies
    result = round_via(net, "L1", proxy.url)
    assert proxy.cuts >= 2
    assert result.sent == 120
    assert state(net, "centre")[0] == state(net, "L1")[0]


@pytest.mark.slow
def test_centre_killed_mid_round_and_restarted_converges(net: Network, server: Server) -> None:
    add_families(net, "L1", 100, notes=12_000)
    add_families(net, "L2", 5)
    slow = Proxy(server.port, lambda _n, _s: time.sleep(0.01) or False)  # a slow link
    outcome: dict[str, object] = {}
    worker = threading.Thread(
        target=lambda: outcome.update(done=sync_now(net.path("L1"), "--url", slow.url))
    )
    worker.start()
    deadline = time.monotonic() + 60
    while not any(p.stat().st_size > 200_000 for p in spool_parts(net)):
        assert time.monotonic() < deadline, "the upload never started"
        time.sleep(0.02)
    server.kill()  # SIGKILL in the middle of the upload
    time.sleep(0.5)
    server.start(server.port)  # the same port: the laptop's round may still get through
    slow.target_port = server.port
    worker.join(120)
    first = outcome["done"]
    assert first.returncode in (0, 6), first.stderr  # type: ignore[attr-defined]
    for laptop in ("L1", "L2", "L1"):
        done = sync_now(net.path(laptop), "--url", server.url)
        assert done.returncode == 0, done.stderr
    slow.close()
    assert_converged(net, 105)


@pytest.mark.slow
def test_twenty_rounds_over_a_randomly_dropping_link_converge(net: Network, server: Server) -> None:
    rng = random.Random(20)
    proxy = Proxy(server.port, random_cuts(7, 0.08))
    families = 0
    outcomes = []
    for _round in range(20):
        laptop = rng.choice(["L1", "L2"])
        count = rng.randint(1, 30)
        add_families(net, laptop, count, notes=rng.choice([0, 3000]))
        families += count
        try:
            round_via(net, laptop, proxy.url)
            outcomes.append("ok")
        except CentreUnreachable:
            outcomes.append("gave up")
    proxy.close()
    assert proxy.cuts > 10
    assert outcomes.count("ok") >= 10, outcomes
    for laptop in ("L1", "L2", "L1"):
        round_via(net, laptop, server.url)
    assert_converged(net, families)
