"""`opora devices enroll|list|revoke` (the centre's register of laptops)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from app.commands.context import CommandContext, password_from_environment
from app.db.models import Device, District
from app.errors import UsageError
from app.i18n import tr
from app.services import audit
from app.services.accounts import check_new_password
from app.sync.devices import revoke
from app.sync.enrollment import enroll_device


def register(subparsers: Any) -> None:
    """Add `devices enroll`, `devices list` and `devices revoke`."""
    devices = subparsers.add_parser("devices", help=tr("enrolled laptops"))
    actions = devices.add_subparsers(dest="action", required=True, parser_class=type(devices))
    enroll = actions.add_parser("enroll", help=tr("an enrollment file for a new laptop"))
    enroll.add_argument("--name", required=True)
    enroll.add_argument("--district", nargs="+", action="extend", required=True)
    enroll.add_argument("--login", required=True)
    enroll.add_argument("--out", required=True)
    enroll.add_argument("--exchange-url", metavar="URL")
    enroll.add_argument("--tls-cert", metavar="FILE")
    enroll.set_defaults(handler=run_enroll)
    actions.add_parser("list", help=tr("enrolled devices")).set_defaults(handler=run_list)
    do_revoke = actions.add_parser("revoke", help=tr("refuse a device's bundles from now on"))
    do_revoke.add_argument("name")
    do_revoke.set_defaults(handler=run_revoke)
    recovery = actions.add_parser(
        "recovery", help=tr("a recovery file for a laptop account's forgotten password")
    )
    recovery.add_argument("name")
    recovery.add_argument("--login")
    recovery.add_argument("--out", required=True)
    recovery.set_defaults(handler=run_recovery)
    places = actions.add_parser("districts", help=tr("change the districts a laptop serves"))
    places.add_argument("name")
    places.add_argument("--district", nargs="+", action="extend", required=True)
    places.set_defaults(handler=run_districts)


def run_enroll(args: argparse.Namespace, context: CommandContext) -> int:
    """Enroll a laptop; the file is sealed with OPORA_NEW_PASSWORD."""
    db = context.open()
    password = check_new_password(
        args.login, password_from_environment("OPORA_NEW_PASSWORD", args.login)
    )
    from app.online.enroll import exchange_for_enrollment

    exchange = exchange_for_enrollment(db, args.exchange_url, args.tls_cert)
    device_id = enroll_device(
        db,
        name=args.name,
        districts=args.district,
        login=args.login,
        password=password,
        out=args.out,
        exchange=exchange,
    )
    context.emit(
        {"device": args.name, "id": device_id, "file": args.out},
        tr("enrolled «{name}»; enrollment file {file}", name=args.name, file=args.out),
    )
    return 0


def run_list(args: argparse.Namespace, context: CommandContext) -> int:
    """Print every known device."""
    db = context.open()
    with db.reading() as session:
        districts = dict(session.execute(select(District.id, District.name)).all())
        devices = [
            {
                "name": d.name,
                "id": d.id,
                "kind": d.kind,
                "self": d.is_self,
                "districts": sorted(districts.get(x, x) for x in d.districts or []),
                "enrolled_at": d.enrolled_at,
                "revoked_at": d.revoked_at,
                "status": "revoked" if d.revoked_at else "active",
            }
            for d in session.scalars(select(Device).order_by(Device.name))
        ]
    text = "\n".join(
        f"{d['name']}\t{tr(d['kind'])}\t{tr(d['status'])}\t{', '.join(d['districts'])}\t{d['id']}"
        for d in devices
    )
    context.emit({"devices": devices}, text, listing=True)
    return 0


def run_revoke(args: argparse.Namespace, context: CommandContext) -> int:
    """Revoke a device by name."""
    db = context.open()
    with db.session() as session:
        device = revoke(session, args.name)
        name, device_id = device.name, device.id
    context.emit(
        {"device": name, "id": device_id, "status": "revoked"},
        tr("revoked «{name}»: its bundles will be refused", name=name),
    )
    return 0


def run_recovery(args: argparse.Namespace, context: CommandContext) -> int:
    """Issue a recovery file sealed with OPORA_NEW_PASSWORD (the account's new password)."""
    from app.sync.recovery import issue_file

    db = context.open()
    password = password_from_environment("OPORA_NEW_PASSWORD", args.login)
    if not password:
        raise UsageError(tr("no password for the new account: set OPORA_NEW_PASSWORD"))
    done = issue_file(db, device=args.name, login=args.login, password=password, out=args.out)
    audit.log(db, "change", "account", None)
    context.emit(
        {**done, "file": args.out},
        tr(
            "recovery file {file} for {login} on «{device}»: it sets the new password there",
            file=args.out,
            **done,
        ),
    )
    return 0


def run_districts(args: argparse.Namespace, context: CommandContext) -> int:
    """The laptop serves other districts; its next exchanges narrow or widen what it holds."""
    from app.sync.device_districts import change_districts

    db = context.open()
    done = change_districts(db, args.name, args.district)
    audit.log(db, "change", "device", None)
    context.emit(
        done,
        tr(
            "«{device}» now serves: {districts}; its next exchange brings the change",
            device=done["device"],
            districts=", ".join(done["districts"]),
        ),
    )
    return 0
