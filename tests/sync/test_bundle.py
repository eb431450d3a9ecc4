"""The bundle file format: round trip, and refusal of every kind of damage."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sync.bundle import (
    CHUNK_SIZE,
    MAGIC,
    Limits,
    open_bundle,
    read_header,
    write_bundle,
)
from app.sync.errors import BundleError, Reason
from app.sync.keys import DeviceKeys, PublicKeys

SENDER, CENTRE, OTHER = "dev-laptop", "dev-centre", "dev-other"
LAPTOP_KEYS = DeviceKeys.generate()
CENTRE_KEYS = DeviceKeys.generate()
OTHER_KEYS = DeviceKeys.generate()
KNOWN = {SENDER: LAPTOP_KEYS.public, OTHER: OTHER_KEYS.public}


def lookup(device: str) -> PublicKeys:
    if device not in KNOWN:
        raise BundleError(Reason.UNKNOWN_DEVICE, device=device)
    return KNOWN[device]


def make(path: Path, lines: list[dict], **kw) -> None:
    write_bundle(
        path,
        sender=kw.pop("sender", SENDER),
        sender_keys=kw.pop("sender_keys", LAPTOP_KEYS),
        recipient=kw.pop("recipient", CENTRE),
        recipients=kw.pop("recipients", {CENTRE: CENTRE_KEYS.public}),
        schema="rev1",
        app_version="0.1.0",
        lines=lines,
        ranges={SENDER: [1, len(lines)]},
        ack={CENTRE: 7},
        **kw,
    )


def read_all(path: Path, **kw) -> list[dict]:
    bundle = open_bundle(
        path,
        device_id=kw.pop("device_id", CENTRE),
        keys=kw.pop("keys", CENTRE_KEYS),
        sender_keys=lookup,
        **kw,
    )
    return list(bundle.lines())


def reason_of(path: Path, **kw) -> Reason:
    with pytest.raises(BundleError) as info:
        read_all(path, **kw)
    assert str(info.value)
    return info.value.reason


# Random bytes make the payload incompressible, so this spans several chunks.
BIG = [{"n": i, "blob": os.urandom(3000).hex()} for i in range(60)]


def test_round_trip_small_and_multi_chunk(tmp_path: Path) -> None:
    for lines in ([], [{"a": "Ґанна ʼ", "b": None}], BIG):
        path = tmp_path / "b.opora"
        make(path, lines)
        assert read_all(path) == lines
        header = read_header(path)
        assert header.counts["lines"] == len(lines)
        assert header.ack == {CENTRE: 7}
    assert path.stat().st_size > 3 * CHUNK_SIZE


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    make(tmp_path / "b.opora", BIG)
    assert [p.name for p in tmp_path.iterdir()] == ["b.opora"]


@pytest.fixture(scope="module")
def big_bundle(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("big") / "b.opora"
    make(path, BIG)
    return path.read_bytes()


def _header_end(data: bytes) -> int:
    (length,) = struct.unpack("!I", data[9:13])
    return 13 + length


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_any_flipped_byte_is_refused(
    tmp_path: Path, big_bundle: bytes, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(big_bundle) - 1))
    flip = data.draw(st.integers(1, 255))
    damaged = bytearray(big_bundle)
    damaged[position] ^= flip
    path = tmp_path / "x.opora"
    path.write_bytes(bytes(damaged))
    reason_of(path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_truncated_or_extended_is_refused(
    tmp_path: Path, big_bundle: bytes, data: st.DataObject
) -> None:
    path = tmp_path / "x.opora"
    if data.draw(st.booleans()):
        path.write_bytes(big_bundle[: data.draw(st.integers(0, len(big_bundle) - 1))])
    else:
        path.write_bytes(big_bundle + data.draw(st.binary(min_size=1, max_size=100)))
    reason_of(path)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused(tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "x.opora"
    path.write_bytes(blob)
    reason_of(path)


def test_specific_reasons(tmp_path: Path, big_bundle: bytes) -> None:
    path = tmp_path / "x.opora"
    path.write_bytes(b"")
    assert reason_of(path) == Reason.EMPTY
    path.write_bytes(b"hello world, not a bundle")
    assert reason_of(path) == Reason.NOT_A_BUNDLE
    end = _header_end(big_bundle)
    path.write_bytes(big_bundle[: end + 64 + 100])
    assert reason_of(path) == Reason.TRUNCATED
    path.write_bytes(big_bundle + b"\0")
    assert reason_of(path) == Reason.TAMPERED
    damaged = bytearray(big_bundle)
    damaged[end + 5] ^= 1  # in the signature
    path.write_bytes(bytes(damaged))
    assert reason_of(path) == Reason.BAD_SIGNATURE
    damaged = bytearray(big_bundle)
    damaged[end + 64 + 1000] ^= 1  # in the payload
    path.write_bytes(bytes(damaged))
    assert reason_of(path) == Reason.BAD_SIGNATURE
    newer = bytearray(big_bundle)
    newer[8] = 9
    path.write_bytes(bytes(newer))
    assert reason_of(path) == Reason.NEWER_FORMAT
    path.write_bytes(big_bundle)
    assert reason_of(path, limits=Limits(max_file=1000)) == Reason.TOO_LARGE
    assert big_bundle.startswith(MAGIC)


def test_unknown_sender_wrong_recipient_and_own(tmp_path: Path) -> None:
    path = tmp_path / "b.opora"
    stranger = DeviceKeys.generate()
    make(path, [{"a": 1}], sender="dev-stranger", sender_keys=stranger)
    assert reason_of(path) == Reason.UNKNOWN_DEVICE
    # Signed with a key other than the one enrolled for that device id.
    make(path, [{"a": 1}], sender_keys=stranger)
    assert reason_of(path) == Reason.BAD_SIGNATURE
    make(path, [{"a": 1}], recipient=OTHER, recipients={OTHER: OTHER_KEYS.public})
    assert reason_of(path) == Reason.WRONG_RECIPIENT
    assert read_all(path, device_id=OTHER, keys=OTHER_KEYS) == [{"a": 1}]
    assert reason_of(path, device_id=SENDER, keys=LAPTOP_KEYS) == Reason.OWN_BUNDLE


def test_wrong_private_key_cannot_decrypt(tmp_path: Path) -> None:
    path = tmp_path / "b.opora"
    make(path, [{"a": 1}])
    assert reason_of(path, keys=OTHER_KEYS) == Reason.CANNOT_DECRYPT


def test_decompression_limit(tmp_path: Path) -> None:
    path = tmp_path / "b.opora"
    make(path, [{"z": "0" * 200_000}])
    assert reason_of(path, limits=Limits(max_unpacked=100_000)) == Reason.TOO_LARGE_UNPACKED
    assert reason_of(path, limits=Limits(max_line=50_000)) == Reason.MALFORMED


def test_messages_are_ukrainian_by_default_and_english_on_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.opora"
    path.write_bytes(b"")
    monkeypatch.delenv("OPORA_LANG", raising=False)
    with pytest.raises(BundleError, match="порожній"):
        read_all(path)
    monkeypatch.setenv("OPORA_LANG", "en")
    with pytest.raises(BundleError, match="empty"):
        read_all(path)
