"""Devices: this replica's identity and keys, the peers it knows, revocation."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, object_session

from app.db.clock import now_text
from app.db.database import Database
from app.db.ids import new_id
from app.db.models import Device
from app.db.server_keys import seal, unseal
from app.errors import UsageError
from app.i18n import tr
from app.sync.errors import BundleError, Reason
from app.sync.keys import DeviceKeys, PublicKeys


def add_self_device(
    db: Database, name: str, kind: str, keys: DeviceKeys, device_id: str | None = None
) -> str:
    """Record this replica's own device identity and private keys (inside the database,
    which is encrypted on laptops)."""
    device_id = device_id or new_id()
    public, private = keys.public.to_json(), keys.to_json()
    if db.secret is not None:  # a PostgreSQL centre: sealed under its secret
        private = {k: seal(db.secret, v, f"{device_id}:{k}") for k, v in private.items()}
    with db.session() as session:
        session.add(
            Device(
                id=device_id,
                name=name,
                kind=kind,
                is_self=True,
                sign_public=public["sign"],
                enc_public=public["encrypt"],
                sign_private=private["sign"],
                enc_private=private["encrypt"],
                enrolled_at=now_text(),
            )
        )
    return device_id


def self_device(session: Session) -> Device:
    """This replica's own device row."""
    device = session.scalar(select(Device).where(Device.is_self.is_(True)))
    if device is None:
        raise UsageError(tr("this database has no device identity"))
    return device


def own_keys(device: Device) -> DeviceKeys:
    """The private keys of this replica's device."""
    if not device.sign_private or not device.enc_private:
        raise UsageError(tr("this database has no device identity"))
    session = object_session(device)
    secret = session.info.get("secret") if session is not None else None
    return DeviceKeys.from_json(
        {
            "sign": unseal(secret, device.sign_private, f"{device.id}:sign"),
            "encrypt": unseal(secret, device.enc_private, f"{device.id}:encrypt"),
        }
    )


def public_keys(device: Device) -> PublicKeys:
    """A device's public keys as enrolled."""
    if not device.sign_public or not device.enc_public:
        raise UsageError(tr("the device «{name}» has no keys", name=device.name))
    return PublicKeys.from_json({"sign": device.sign_public, "encrypt": device.enc_public})


def find_device(session: Session, name_or_id: str) -> Device:
    """A known device by its name or id; UsageError when there is none."""
    device = session.scalar(
        select(Device).where(or_(Device.name == name_or_id, Device.id == name_or_id))
    )
    if device is None:
        raise UsageError(tr("no device named «{name}»", name=name_or_id))
    return device


def the_centre(session: Session) -> Device:
    """The centre a laptop syncs with."""
    device = session.scalar(
        select(Device).where(Device.kind == "centre", Device.is_self.is_(False))
    )
    if device is None:
        raise UsageError(tr("this database knows no centre: use --for DEVICE"))
    return device


def sender_lookup(session: Session) -> Callable[[str], PublicKeys]:
    """The check a bundle's sender must pass: enrolled here, and not revoked."""

    def lookup(device_id: str) -> PublicKeys:
        device = session.get(Device, device_id)
        if device is None or device.is_self:
            raise BundleError(Reason.UNKNOWN_DEVICE, device=device_id)
        if device.revoked_at is not None:
            raise BundleError(Reason.REVOKED_DEVICE, device=device.name)
        try:
            return public_keys(device)
        except (UsageError, ValueError) as exc:
            raise BundleError(Reason.UNKNOWN_DEVICE, device=device_id) from exc

    return lookup


def revoke(session: Session, name_or_id: str) -> Device:
    """Mark a device revoked: its bundles are refused from now on, here and (through the
    centre's next bundles) on every laptop."""
    device = find_device(session, name_or_id)
    if device.is_self:
        raise UsageError(tr("this device cannot revoke itself"))
    if device.revoked_at is None:
        device.revoked_at = now_text()
    return device


def revoked_ids(session: Session) -> list[str]:
    """Ids of every revoked device (travels in centre bundles)."""
    query = select(Device.id).where(Device.revoked_at.is_not(None)).order_by(Device.id)
    return list(session.scalars(query))


def apply_revocations(session: Session, device_ids: Iterable[str]) -> None:
    """Take in a centre's revocation list: devices known here are marked revoked."""
    for device_id in device_ids:
        device = session.get(Device, device_id)
        if device is not None and not device.is_self and device.revoked_at is None:
            device.revoked_at = now_text()
