"""`opora serve` (centre) and `opora sync now` (laptop): the online exchange."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.commands.context import CommandContext
from app.db.database import Database
from app.errors import UsageError
from app.i18n import tr
from app.online.protocol import CENTRE_PIN_SETTING, certificate_pin, is_loopback, work_folder

DEFAULT_LISTEN = "127.0.0.1:8765"


def register(subparsers: Any) -> None:
    """Add `serve` (`sync now` is added to the `sync` group by register_sync_now)."""
    serve = subparsers.add_parser("serve", help=tr("the online exchange endpoint for laptops"))
    serve.add_argument("--listen", default=DEFAULT_LISTEN, metavar="HOST:PORT")
    serve.add_argument("--tls-cert", metavar="FILE")
    serve.add_argument("--tls-key", metavar="FILE")
    serve.set_defaults(handler=run_serve)


def register_sync_now(actions: Any) -> None:
    """`sync now [--url URL]`, inside the `sync` group."""
    now = actions.add_parser("now", help=tr("one online exchange round with the centre"))
    now.add_argument("--url")
    now.set_defaults(handler=run_sync_now)


def check_may_serve(context: CommandContext, db: Database) -> None:
    """The one place where `serve` is authorized: the centre's database, an admin account.

    Roles and permissions (CONTRACT.md «Accounts and roles») check the signed-in account here.
    """
    from app.sync.devices import self_device

    with db.session() as session:
        if self_device(session).kind != "centre":
            raise UsageError(tr("only the centre serves the exchange"))


def check_tls_pair(cert: str, key: str) -> None:
    """The certificate and its key load together (else exit 2, before anything starts)."""
    import ssl

    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as exc:
        raise UsageError(
            tr("the TLS certificate and key cannot be used: {error}", error=exc.strerror or exc)
        ) from exc


def run_serve(args: argparse.Namespace, context: CommandContext) -> int:
    """Serve until SIGTERM; a log line per exchange on stderr."""
    from app.db.settings import set_setting
    from app.online.server import bind, parse_listen, run_server

    host, port = parse_listen(args.listen)
    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError(tr("give both --tls-cert and --tls-key"))
    tls = (args.tls_cert, args.tls_key) if args.tls_cert else None
    if tls is None and not is_loopback(host):
        raise UsageError(
            tr("plain HTTP only on this computer (loopback): give --tls-cert and --tls-key")
        )
    pin = certificate_pin(tls[0]) if tls else None
    if tls is not None:
        check_tls_pair(*tls)
    db = context.open()
    check_may_serve(context, db)
    if pin is not None:
        set_setting(db, CENTRE_PIN_SETTING, pin)  # what `devices enroll --exchange-url` pins
    sock = bind(host, port)

    def announce(url: str) -> None:
        sys.stderr.write(tr("serving the exchange on {url}", url=url) + "\n")
        if pin:
            sys.stderr.write(tr("certificate SHA-256: {pin}", pin=pin) + "\n")
        sys.stderr.flush()

    run_server(db, sock, work_folder(db.path, ".spool"), tls=tls, announce=announce)
    return 0


def run_sync_now(args: argparse.Namespace, context: CommandContext) -> int:
    """One round; exit 6 when the centre cannot be reached, 3 when a bundle is refused."""
    from app.online.client import sync_round

    result = sync_round(context.open(), args.url)
    context.emit(
        result.to_json(),
        tr(
            "exchanged with the centre: sent {sent}, received {received}, conflicts {conflicts}",
            sent=result.sent,
            received=result.received,
            conflicts=result.conflicts,
        ),
        listing=True,
    )
    return 0
