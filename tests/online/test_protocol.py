"""Addresses and pins: any text is either accepted in its normal form or refused with a
UsageError (exit 2) — never another exception; plain HTTP only for loopback hosts."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import UsageError
from app.online.protocol import check_url, is_loopback, normal_pin
from app.online.server import parse_listen

HOSTS = st.sampled_from(
    ["127.0.0.1", "localhost", "[::1]", "10.0.0.5", "centre.example.org", "127.8.9.10", ""]
)


@given(st.sampled_from(["http", "https", "ftp", ""]), HOSTS, st.integers(-5, 70000), st.text())
def test_exchange_addresses(scheme: str, host: str, port: int, tail: str) -> None:
    text = f"{scheme}://{host}:{port}/{tail}"
    try:
        url = check_url(text)
    except UsageError:
        return
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and parts.path == ""
    assert parts.scheme == "https" or is_loopback(parts.hostname or "")
    assert check_url(url) == url


@given(st.text(max_size=40))
def test_any_text_is_an_address_or_a_usage_error(text: str) -> None:
    try:
        check_url(text)
    except UsageError:
        pass


@given(st.text(max_size=30))
def test_listen_is_host_and_port_or_a_usage_error(text: str) -> None:
    try:
        host, port = parse_listen(text)
    except UsageError:
        return
    assert host and 0 <= port < 65536


def test_pins() -> None:
    pin = "AB:" * 31 + "AB"
    assert normal_pin(pin) == "ab" * 32
    with pytest.raises(UsageError):
        normal_pin("ab" * 31)


def test_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
    assert not is_loopback("localhost.evil.org")
