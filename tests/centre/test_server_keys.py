"""A PostgreSQL centre keeps its secret wrapped per account in a table; the centre's private
device keys are sealed under it, and only a signed-in account can use them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.database import add_account, open_database
from app.db.models import AccountKey, Device
from app.errors import AuthError
from app.services.accounts import change_password
from app.services.setup import init_centre
from app.sync.devices import own_keys, self_device
from app.sync.enrollment import enroll_device

PASSWORD = "correct horse battery"


def test_keys_wrapped_per_account_and_device_keys_sealed(pg_url: str, tmp_path: Path) -> None:
    db = init_centre(pg_url, name="ЦНСП", admin="admin", password=PASSWORD, encrypted=False)
    add_account(db, "head", "друга людина", role="centre")
    db.close()
    db = open_database(pg_url, login="admin", password=PASSWORD)
    with db.session() as session:
        wrapped = {row.login: row.wrapped for row in session.scalars(select(AccountKey))}
        device = session.scalar(select(Device).where(Device.is_self.is_(True)))
        assert device.sign_private.startswith("sealed:")
        assert device.enc_private.startswith("sealed:")
        keys = own_keys(self_device(session))
    assert set(wrapped) == {"admin", "head"}
    # The second account unwraps the same secret: the same device keys.
    other = open_database(pg_url, login="head", password="друга людина")
    with other.session() as session:
        assert own_keys(self_device(session)).to_json() == keys.to_json()
    # A password change re-wraps the secret for that account.
    change_password(other, "head", "друга людина", "нове гасло центру")
    other.close()
    again = open_database(pg_url, login="head", password="нове гасло центру")
    with again.session() as session:
        assert own_keys(self_device(session)).to_json() == keys.to_json()
    again.close()
    # Opened without an account, the tables alone cannot sign or open bundles.
    bare = open_database(pg_url, authenticate=False)
    with bare.session() as session, pytest.raises(AuthError):
        own_keys(self_device(session))
    bare.close()
    # The centre's keys serve enrollment as before.
    enroll_device(
        db, name="L1", districts=[], login="olena", password="пароль", out=tmp_path / "L1.enroll"
    )
    assert (tmp_path / "L1.enroll").stat().st_size > 0
    db.close()
