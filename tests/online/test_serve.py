"""`serve` as a service: TLS with a pinned certificate from enrollment, loopback-only plain
HTTP, SIGTERM, refusals, request size, uploads at the same time."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from pathlib import Path

import urllib3
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.db.settings import get_setting, set_setting
from app.online.protocol import PIN_SETTING, URL_SETTING
from app.sync.devices import revoke
from tests.online.helpers import ROOT, Server, env, sync_now
from tests.online.work import add_families, spool_parts, state
from tests.sync.network import LAPTOP_PASSWORD, PASSWORD, Network, snapshot


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "opora-centre")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    cert, private = folder / "centre.crt", folder / "centre.key"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    private.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert, private


def opora(*args: str, password: str | None, extra: dict[str, str] | None = None):
    done = subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env(password), **(extra or {})},
        cwd=str(ROOT),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_tls_enrollment_pins_the_certificate(net: Network, tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    server = Server(
        net.path("centre"), tmp_path / "tls.log", "--tls-cert", str(cert), "--tls-key", str(key)
    ).start(0)
    try:
        assert server.url.startswith("https://")
        enrollment = tmp_path / "L9.enroll"
        done = opora(
            "--db", str(net.path("centre")), "devices", "enroll", "--name", "L9",
            "--district", "Морозівський", "--district", "Любовицький",
            "--login", "user-L9", "--out", str(enrollment),
            "--exchange-url", server.url,
            password=PASSWORD, extra={"OPORA_NEW_PASSWORD": LAPTOP_PASSWORD},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        laptop = net.folder / "L9.db"
        done = opora(
            "--db", str(laptop), "init", "field", "--enroll", str(enrollment), "--no-encryption",
            password=LAPTOP_PASSWORD,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        nine = Network(net.folder, ["centre", "L9"])
        db = nine.open("L9", fast=True)
        assert get_setting(db, URL_SETTING) == server.url
        pin = get_setting(db, PIN_SETTING)
        assert pin and pin in server.text()  # the fingerprint `serve` announced
        db.close()
        add_families(nine, "L9", 3)
        done = sync_now(laptop, "--json")  # no --url: the enrolled address, pinned
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["sent"] == 6
        assert state(nine, "L9")[0] == state(nine, "centre")[0]

        # another certificate at that address (a man in the middle): refused, exit 6
        db = nine.open("L9", fast=True)
        set_setting(db, PIN_SETTING, "ab" * 32)
        add_families(nine, "L9", 1)
        before = snapshot(db)
        db.close()
        done = sync_now(laptop)
        assert done.returncode == 6
        assert "certificate" in done.stderr
        db = nine.open("L9", fast=True)
        assert snapshot(db) == before
        db.close()
    finally:
        assert server.stop() == 0  # SIGTERM: a clean stop
    assert "exchange stopped" in server.text()


def test_plain_http_only_on_loopback(net: Network) -> None:
    done = opora(
        "--db", str(net.path("centre")), "serve", "--listen", "0.0.0.0:0", password=PASSWORD
    )
    assert done.returncode == 2
    assert "loopback" in done.stderr
    done = sync_now(net.path("L1"), "--url", "http://192.0.2.1:8765")
    assert done.returncode == 2


def test_a_revoked_laptop_is_refused(net: Network, server: Server) -> None:
    add_families(net, "L2", 2)
    db = net.open("centre", fast=True)
    with db.session() as session:
        revoke(session, "L2")
    before = snapshot(db)
    db.close()
    done = sync_now(net.path("L2"))
    assert done.returncode == 3
    assert "revoked" in done.stderr
    db = net.open("centre", fast=True)
    assert snapshot(db) == before
    db.close()
    assert spool_parts(net) == []
    assert "status=rejected reason=revoked-device" in server.text()


def test_requests_over_the_size_limit_are_refused(net: Network, server: Server) -> None:
    http = urllib3.PoolManager(retries=False)
    bundle = "0190a000-0000-7000-8000-00000000abcd"
    answer = http.request(
        "PUT",
        f"{server.url}/v1/uploads/{bundle}?offset=0&total=5000000",
        body=b"x" * (2 << 20),
    )
    assert answer.status == 413
    assert spool_parts(net) == []
    answer = http.request("PUT", f"{server.url}/v1/uploads/..%2Fx?offset=0&total=5", body=b"x")
    assert answer.status in (400, 404)


def test_two_uploads_at_once_both_apply(net: Network, server: Server) -> None:
    add_families(net, "L1", 40, notes=4000)
    add_families(net, "L2", 40, notes=4000)
    results: dict[str, subprocess.CompletedProcess[str]] = {}
    workers = [
        threading.Thread(target=lambda n=name: results.update({n: sync_now(net.path(n))}))
        for name in ("L1", "L2")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert results["L1"].returncode == 0, results["L1"].stderr
    assert results["L2"].returncode == 0, results["L2"].stderr
    centre = state(net, "centre")[0]
    assert centre.count('"type": "family"') == 80
    assert server.text().count("exchange device=") == 2
