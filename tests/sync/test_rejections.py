"""Invariant 3 through the command line: every rejected bundle exits 3 with a reason and
changes nothing (records export, change log and sync bookkeeping compared before/after)."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.sync.bundle import BundleHeader, write_bundle
from app.sync.devices import own_keys, public_keys, revoke, self_device
from app.sync.exchange import export_bundle
from app.sync.keys import DeviceKeys
from tests.sync.network import (
    DISTRICTS,
    LAPTOP_PASSWORD,
    PASSWORD,
    SETTLEMENTS,
    Network,
    build_network,
    snapshot,
)

ROOT = Path(__file__).resolve().parents[2]


def opora(db: Path, *args: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPORA_PASSWORD": password, "OPORA_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Network, Network, Path]:
    """Our network with a laptop's good bundle, and another centre's network."""
    from app.services.records import RecordService

    folder = tmp_path_factory.mktemp("world")
    ours = build_network(folder / "ours", {"L1": [DISTRICTS[0][0]], "L2": [DISTRICTS[0][0]]})
    theirs = build_network(folder / "theirs", {"L1": [DISTRICTS[0][0]]})
    l1 = ours.open("L1", fast=True)
    family = RecordService(l1).save("family", None, {"settlement_id": SETTLEMENTS[0][0]})
    RecordService(l1).save(
        "person", None, {"family_id": family, "surname": "Ким", "given_name": "Ян"}
    )
    good = folder / "good.opora"
    export_bundle(l1, good)
    l1.close()
    return ours, theirs, good


def _header_end(data: bytes) -> int:
    return 13 + struct.unpack("!I", data[9:13])[0]


def flip(offset: Callable[[bytes], int]) -> Callable[[bytes], bytes]:
    def damage(data: bytes) -> bytes:
        out = bytearray(data)
        out[offset(data)] ^= 0x01
        return bytes(out)

    return damage


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda d: d[: len(d) - 7],
    "truncated-in-header": lambda d: d[:40],
    "header-byte": flip(lambda d: 30),
    "payload-byte": flip(lambda d: _header_end(d) + 64 + 20),
    "last-byte": flip(lambda d: len(d) - 1),
    "signature-byte": flip(lambda d: _header_end(d) + 10),
    "appended": lambda d: d + b"\x00extra",
    "random": lambda d: os.urandom(len(d)),
    "empty": lambda d: b"",
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_bundle_is_rejected_and_changes_nothing(
    world: tuple[Network, Network, Path], tmp_path: Path, damage: str
) -> None:
    ours, _, good = world
    net = ours.copy(tmp_path / "net")
    bad = tmp_path / "bad.opora"
    bad.write_bytes(DAMAGE[damage](good.read_bytes()))
    _assert_rejected(net, "centre", bad)


def _assert_rejected(net: Network, name: str, bundle: Path, reason: str | None = None) -> str:
    db = net.open(name, fast=True)
    before = snapshot(db)
    db.close()
    password = PASSWORD if name == "centre" else LAPTOP_PASSWORD
    done = opora(net.path(name), "sync", "import", str(bundle), "--json", password=password)
    assert done.returncode == 3, done.stderr
    [entry] = json.loads(done.stdout)["bundles"]
    assert entry["status"] == "rejected" and entry["error"]
    assert entry["changes"] == 0
    if reason:
        assert reason in entry["error"], entry["error"]
    db = net.open(name, fast=True)
    assert snapshot(db) == before
    db.close()
    return entry["error"]


def test_a_good_bundle_is_applied_by_the_same_command(
    world: tuple[Network, Network, Path], tmp_path: Path
) -> None:
    ours, _, good = world
    net = ours.copy(tmp_path / "net")
    done = opora(net.path("centre"), "sync", "import", str(good), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["bundles"][0]["status"] == "applied"


def test_bundle_from_another_centres_laptop(
    world: tuple[Network, Network, Path], tmp_path: Path
) -> None:
    ours, theirs, _ = world
    net, foreign = ours.copy(tmp_path / "net"), theirs.copy(tmp_path / "foreign")
    db = foreign.open("L1", fast=True)
    export_bundle(db, tmp_path / "foreign.opora")
    db.close()
    _assert_rejected(net, "centre", tmp_path / "foreign.opora", "unknown device")


def test_bundle_from_a_revoked_device(world: tuple[Network, Network, Path], tmp_path: Path) -> None:
    ours, _, good = world
    net = ours.copy(tmp_path / "net")
    done = opora(net.path("centre"), "devices", "revoke", "L1")
    assert done.returncode == 0, done.stderr
    _assert_rejected(net, "centre", good, "revoked")


def test_bundle_for_another_device(world: tuple[Network, Network, Path], tmp_path: Path) -> None:
    ours, _, _ = world
    net = ours.copy(tmp_path / "net")
    centre = net.open("centre", fast=True)
    export_bundle(centre, tmp_path / "for-l2.opora", "L2")
    centre.close()
    _assert_rejected(net, "L1", tmp_path / "for-l2.opora", "addressed to another device")


def test_bundle_with_a_newer_schema(world: tuple[Network, Network, Path], tmp_path: Path) -> None:
    ours, _, _ = world
    net = ours.copy(tmp_path / "net")
    l1 = net.open("L1", fast=True)
    with l1.session() as session:
        me = self_device(session)
        keys, me_id = own_keys(me), me.id
        centre = session.get(type(me), _centre_id(session))
        centre_id, centre_keys = centre.id, public_keys(centre)
    l1.close()
    write_bundle(
        tmp_path / "new.opora",
        sender=me_id,
        sender_keys=keys,
        recipient=centre_id,
        recipients={centre_id: centre_keys},
        schema="9999_future",
        app_version="7.0.0",
        lines=[],
    )
    error = _assert_rejected(net, "centre", tmp_path / "new.opora", "7.0.0")
    assert "9999_future" in error


def test_a_resigned_header_cannot_redirect_a_bundle(
    world: tuple[Network, Network, Path], tmp_path: Path
) -> None:
    """Someone without the sender's key re-signs an edited header: the signature fails."""
    ours, _, good = world
    net = ours.copy(tmp_path / "net")
    data = good.read_bytes()
    end = _header_end(data)
    header = BundleHeader.from_bytes(data[13:end])
    forged = json.loads(header.to_bytes())
    forged["counts"]["lines"] += 0
    forged["created"] = "2020-01-01T00:00:00+00:00"
    body = json.dumps(forged, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    prefix = data[:9] + struct.pack("!I", len(body))
    signature = DeviceKeys.generate().sign.sign(prefix + body)
    (tmp_path / "forged.opora").write_bytes(prefix + body + signature + data[end + 64 :])
    _assert_rejected(net, "centre", tmp_path / "forged.opora", "signature")


def test_messages_are_ukrainian_by_default(
    world: tuple[Network, Network, Path], tmp_path: Path
) -> None:
    ours, _, _ = world
    net = ours.copy(tmp_path / "net")
    (tmp_path / "empty.opora").write_bytes(b"")
    env = {**os.environ, "OPORA_PASSWORD": PASSWORD}
    env.pop("OPORA_LANG", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--db",
            str(net.path("centre")),
            "sync",
            "import",
            str(tmp_path / "empty.opora"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 3
    assert "відхилено" in done.stderr or "порожній" in done.stderr


def test_several_files_keep_the_applied_ones(
    world: tuple[Network, Network, Path], tmp_path: Path
) -> None:
    ours, _, good = world
    net = ours.copy(tmp_path / "net")
    (tmp_path / "junk.opora").write_bytes(b"junk")
    done = opora(
        net.path("centre"), "sync", "import", str(tmp_path / "junk.opora"), str(good), "--json"
    )
    assert done.returncode == 3
    statuses = [b["status"] for b in json.loads(done.stdout)["bundles"]]
    assert statuses == ["rejected", "applied"]


def _centre_id(session) -> str:
    from app.sync.devices import the_centre

    return the_centre(session).id


def test_revoke_through_the_session_api(
    world: tuple[Network, Network, Path], tmp_path: Path
) -> None:
    ours, _, _ = world
    net = ours.copy(tmp_path / "net")
    centre = net.open("centre", fast=True)
    with centre.session() as session:
        assert revoke(session, "L2").revoked_at is not None
    centre.close()
