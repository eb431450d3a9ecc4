"""What both ends of the online exchange agree on: paths, limits, addresses, pins."""

from __future__ import annotations

import hashlib
import ipaddress
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from app.errors import UsageError
from app.i18n import tr

API = "/v1"
# One upload request carries at most this much; the client sends smaller pieces so that a
# link dropping every few hundred kilobytes still makes progress.
MAX_CHUNK = 1 << 20
CLIENT_CHUNK = 128 << 10
BUNDLE_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")

# settings of a laptop (from its enrollment file) and of the centre (from `serve`)
URL_SETTING = "exchange_url"
PIN_SETTING = "exchange_pin"
CENTRE_PIN_SETTING = "exchange_tls_pin"


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (the only place plain HTTP is allowed)."""
    host = host.strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Endpoint:
    """Where the centre listens and, for HTTPS, the SHA-256 of its certificate (hex)."""

    url: str
    pin: str | None

    @property
    def tls(self) -> bool:
        return self.url.startswith("https://")


def check_url(url: str) -> str:
    """An exchange address: http(s)://HOST[:PORT], plain HTTP only on loopback."""
    parts = urlsplit(url.strip())
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
        raise UsageError(tr("«{url}» is not an exchange address (https://HOST:PORT)", url=url))
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise UsageError(tr("plain HTTP is allowed only on this computer (loopback); use https://"))
    return f"{parts.scheme}://{parts.netloc}"


def normal_pin(text: str) -> str:
    """A SHA-256 fingerprint as 64 lowercase hex digits (colons allowed in the input)."""
    pin = text.replace(":", "").strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", pin):
        raise UsageError(tr("«{value}» is not a SHA-256 fingerprint", value=text))
    return pin


def certificate_pin(path: str | Path) -> str:
    """The SHA-256 fingerprint of a PEM certificate's DER form."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        data = Path(path).read_bytes()
        certificate = x509.load_pem_x509_certificate(data)
    except OSError as exc:
        raise UsageError(
            tr("cannot read {file}: {error}", file=str(path), error=exc.strerror)
        ) from exc
    except ValueError as exc:
        raise UsageError(tr("{file} is not a PEM certificate", file=str(path))) from exc
    return hashlib.sha256(certificate.public_bytes(Encoding.DER)).hexdigest()


def work_folder(db_path: Path | None, name: str) -> Path:
    """A folder beside the database file for the exchange's own files (spool, outbox)."""
    if db_path is not None:
        return Path(str(db_path) + name)
    from platformdirs import user_data_dir

    return Path(user_data_dir("opora", appauthor=False)) / name.lstrip(".")
