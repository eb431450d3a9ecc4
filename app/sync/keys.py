"""Device key pairs: Ed25519 to sign bundles, X25519 to receive file keys.

Keys are kept as raw 32-byte values, base64 in JSON (enrollment files, the database), so no
PEM parsing sits on the import path.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)


def b64encode(data: bytes) -> str:
    """Standard base64 text of `data`."""
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str) -> bytes:
    """Bytes of strict base64 `text` (raises ValueError on anything else)."""
    return base64.b64decode(text.encode("ascii"), validate=True)


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


@dataclass(frozen=True)
class PublicKeys:
    """What other devices know of a device: its signing and encryption public keys."""

    sign: bytes
    encrypt: bytes

    def verifier(self) -> Ed25519PublicKey:
        """The Ed25519 key that checks this device's signatures."""
        return Ed25519PublicKey.from_public_bytes(self.sign)

    def recipient(self) -> X25519PublicKey:
        """The X25519 key that file keys are wrapped for."""
        return X25519PublicKey.from_public_bytes(self.encrypt)

    def to_json(self) -> dict[str, str]:
        """JSON form: base64 of the raw keys."""
        return {"sign": b64encode(self.sign), "encrypt": b64encode(self.encrypt)}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> PublicKeys:
        """Parse `to_json` output; raises ValueError when a key is not 32 bytes."""
        keys = cls(b64decode(data["sign"]), b64decode(data["encrypt"]))
        if len(keys.sign) != 32 or len(keys.encrypt) != 32:
            raise ValueError("a device key must be 32 bytes")
        return keys


@dataclass(frozen=True)
class DeviceKeys:
    """A device's own private keys."""

    sign: Ed25519PrivateKey
    encrypt: X25519PrivateKey

    @classmethod
    def generate(cls) -> DeviceKeys:
        """Fresh random key pairs for a new device."""
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def public(self) -> PublicKeys:
        """The public halves, to give to peers."""
        return PublicKeys(
            _raw_public(self.sign.public_key()), _raw_public(self.encrypt.public_key())
        )

    def to_json(self) -> dict[str, str]:
        """JSON form: base64 of the raw private keys (keep it inside encrypted storage)."""
        return {
            "sign": b64encode(_raw_private(self.sign)),
            "encrypt": b64encode(_raw_private(self.encrypt)),
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> DeviceKeys:
        """Parse `to_json` output."""
        return cls(
            Ed25519PrivateKey.from_private_bytes(b64decode(data["sign"])),
            X25519PrivateKey.from_private_bytes(b64decode(data["encrypt"])),
        )
