"""What the enrollment file says about the online exchange: the address and the pin."""

from __future__ import annotations

from typing import Any

from app.db.database import Database
from app.db.settings import get_setting
from app.errors import UsageError
from app.i18n import tr
from app.online.protocol import CENTRE_PIN_SETTING, certificate_pin, check_url


def exchange_for_enrollment(
    db: Database, url: str | None, tls_cert: str | None
) -> dict[str, Any] | None:
    """`{"url": …, "pin": …}` for `devices enroll --exchange-url URL [--tls-cert FILE]`.

    HTTPS needs the certificate's SHA-256: from --tls-cert, else the one `serve --tls-cert`
    last ran with. The laptop stores both (settings `exchange_url`, `exchange_pin`)."""
    if url is None:
        if tls_cert:
            raise UsageError(tr("--tls-cert goes with --exchange-url"))
        return None
    address = check_url(url)
    if not address.startswith("https://"):
        return {"url": address}
    pin = certificate_pin(tls_cert) if tls_cert else get_setting(db, CENTRE_PIN_SETTING)
    if not pin:
        raise UsageError(
            tr("an HTTPS exchange needs the centre's certificate: give --tls-cert FILE")
        )
    return {"url": address, "pin": pin}
