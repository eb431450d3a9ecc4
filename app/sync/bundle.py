"""The `*.opora` bundle file: a signed clear header and an encrypted, compressed payload.

Layout (docs/decisions/030-sync-bundle-format.md)::

    magic "OPORA\\x1aBN" | format u8 | header length u32 BE | header JSON | Ed25519 signature (64)
    | payload: chunks of ChaCha20-Poly1305 over zlib-compressed JSON lines

The signature covers the prefix, the header bytes and the SHA-256 of the whole payload, so any
byte changed, removed or appended anywhere is refused before anything is decrypted. Each chunk's
nonce holds its index and a final flag (STREAM construction), so a payload cut at a chunk
boundary or with chunks swapped does not decrypt either.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.files import atomic_writer
from app.sync.bundle_codec import (  # noqa: F401 - re-exported
    _DECODE_BLOCK,
    _DECODE_BYTES,
    CHUNK_SIZE,
    DEFAULT_LIMITS,
    Limits,
    _compressed_chunks,
    _decode_block,
    _inflate,
    _split_lines,
)
from app.sync.errors import BundleError, Reason
from app.sync.keys import DeviceKeys, PublicKeys, b64decode, b64encode

SUFFIX = ".opora"  # a bundle file's name ends so (CONTRACT.md «*.opora»)
MAGIC = b"OPORA\x1aBN"
FORMAT_VERSION = 1
_PREFIX = struct.Struct("!8sBI")
SIGNATURE_SIZE = 64
_TAG_SIZE = 16
_CIPHER = "chacha20-poly1305"
_COMPRESSION = "zlib"
_WRAP_INFO = b"opora bundle v1 file key"


@dataclass(frozen=True)
class BundleHeader:
    """The clear, signed part of a bundle: who, for whom, what range, and the payload's hash."""

    bundle_id: str
    sender: str
    recipient: str
    schema: str
    app_version: str
    created: str
    ranges: dict[str, list[int]]
    ack: dict[str, int]
    counts: dict[str, int]
    payload: dict[str, Any]
    recipients: list[dict[str, str]]
    format: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        """Canonical JSON (sorted keys, UTF-8): the bytes that are signed."""
        return json.dumps(
            asdict(self), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> BundleHeader:
        """Parse and type-check header bytes; raises BundleError(BAD_HEADER or NEWER_FORMAT)."""
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise BundleError(Reason.BAD_HEADER) from exc
        if not isinstance(raw, dict):
            raise BundleError(Reason.BAD_HEADER)
        if isinstance(raw.get("format"), int) and raw["format"] > FORMAT_VERSION:
            raise BundleError(Reason.NEWER_FORMAT, version=raw["format"])
        try:
            header = cls(**raw)
        except TypeError as exc:
            raise BundleError(Reason.BAD_HEADER) from exc
        if not header._well_typed():
            raise BundleError(Reason.BAD_HEADER)
        return header

    def _well_typed(self) -> bool:
        strings = (self.bundle_id, self.sender, self.recipient, self.schema, self.app_version)
        return (
            all(isinstance(s, str) for s in strings)
            and isinstance(self.created, str)
            and isinstance(self.ranges, dict)
            and all(
                isinstance(r, list) and len(r) == 2 and all(isinstance(n, int) for n in r)
                for r in self.ranges.values()
            )
            and isinstance(self.ack, dict)
            and all(isinstance(n, int) for n in self.ack.values())
            and isinstance(self.counts, dict)
            and isinstance(self.payload, dict)
            and isinstance(self.payload.get("sha256"), str)
            and isinstance(self.payload.get("size"), int)
            and self.payload.get("chunk") == CHUNK_SIZE
            and self.payload.get("cipher") == _CIPHER
            and self.payload.get("compression") == _COMPRESSION
            and isinstance(self.recipients, list)
            and all(isinstance(r, dict) for r in self.recipients)
            and isinstance(self.extra, dict)
        )


def _nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


def _chunk_aad(bundle_id: str) -> bytes:
    return b"opora bundle v1 chunk " + bundle_id.encode("ascii")


def _wrap_key_for(shared: bytes, epk: bytes, recipient: bytes) -> bytes:
    # age-style: the salt binds the wrap key to both public keys of the exchange.
    return HKDF(hashes.SHA256(), 32, salt=epk + recipient, info=_WRAP_INFO).derive(shared)


def _wrap(file_key: bytes, device_id: str, keys: PublicKeys, bundle_id: str) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(keys.encrypt))
    wrapped = ChaCha20Poly1305(_wrap_key_for(shared, epk, keys.encrypt)).encrypt(
        bytes(12), file_key, bundle_id.encode("ascii")
    )
    return {"device": device_id, "epk": b64encode(epk), "key": b64encode(wrapped)}


def _unwrap(header: BundleHeader, device_id: str, keys: DeviceKeys) -> bytes:
    own = keys.encrypt.public_key().public_bytes_raw()
    for entry in header.recipients:
        if entry.get("device") != device_id:
            continue
        try:
            epk = b64decode(entry["epk"])
            shared = keys.encrypt.exchange(X25519PublicKey.from_public_bytes(epk))
            return ChaCha20Poly1305(_wrap_key_for(shared, epk, own)).decrypt(
                bytes(12), b64decode(entry["key"]), header.bundle_id.encode("ascii")
            )
        except (KeyError, ValueError, InvalidTag) as exc:
            raise BundleError(Reason.CANNOT_DECRYPT) from exc
    raise BundleError(Reason.CANNOT_DECRYPT)


def _signed_message(prefix: bytes, header_bytes: bytes, payload_digest: bytes) -> bytes:
    return prefix + header_bytes + payload_digest


def write_bundle(
    path: str | os.PathLike[str],
    *,
    sender: str,
    sender_keys: DeviceKeys,
    recipient: str,
    recipients: Mapping[str, PublicKeys],
    schema: str,
    app_version: str,
    lines: Iterable[Mapping[str, Any]],
    ranges: Mapping[str, list[int]] | None = None,
    ack: Mapping[str, int] | None = None,
    counts: Mapping[str, int] | None = None,
    extra: Mapping[str, Any] | None = None,
    created: datetime | None = None,
) -> BundleHeader:
    """Write a bundle of `lines` (JSON objects) to `path`, atomically, and return its header.

    `recipient` is the device the bundle is addressed to; `recipients` maps each device that may
    decrypt it (the addressee, optionally a recovery key) to its public keys. The payload is
    encrypted into a temporary file first because the signed header carries its hash.
    """
    bundle_id = str(uuid.uuid4())
    file_key = ChaCha20Poly1305.generate_key()
    aead = ChaCha20Poly1305(file_key)
    aad = _chunk_aad(bundle_id)
    digest = hashlib.sha256()
    counter = [0]
    target = Path(path)
    with tempfile.TemporaryFile(dir=target.parent if str(target.parent) else None) as payload:
        pending: bytes | None = None
        index = 0
        for piece in _compressed_chunks(lines, counter):
            # One chunk of look-ahead: a chunk is final only when no other follows it.
            if pending is not None:
                sealed = aead.encrypt(_nonce(index, False), pending, aad)
                digest.update(sealed)
                payload.write(sealed)
                index += 1
            pending = piece
        sealed = aead.encrypt(_nonce(index, True), pending or b"", aad)
        digest.update(sealed)
        payload.write(sealed)
        size = payload.tell()

        header = BundleHeader(
            bundle_id=bundle_id,
            sender=sender,
            recipient=recipient,
            schema=schema,
            app_version=app_version,
            created=(created or datetime.now(UTC)).isoformat(timespec="seconds"),
            ranges={k: list(v) for k, v in (ranges or {}).items()},
            ack=dict(ack or {}),
            counts={**(counts or {}), "lines": counter[0]},
            payload={
                "sha256": digest.hexdigest(),
                "size": size,
                "chunk": CHUNK_SIZE,
                "cipher": _CIPHER,
                "compression": _COMPRESSION,
            },
            recipients=[_wrap(file_key, d, k, bundle_id) for d, k in sorted(recipients.items())],
            extra=dict(extra or {}),
        )
        header_bytes = header.to_bytes()
        prefix = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_bytes))
        signature = sender_keys.sign.sign(_signed_message(prefix, header_bytes, digest.digest()))
        payload.seek(0)
        with atomic_writer(target) as out:
            out.write(prefix)
            out.write(header_bytes)
            out.write(signature)
            while block := payload.read(1 << 20):
                out.write(block)
    return header


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle whose signature and payload hash checked out; `lines()` decrypts on demand."""

    path: Path
    header: BundleHeader
    payload_offset: int
    file_key: bytes
    limits: Limits

    def lines(self) -> Iterator[dict[str, Any]]:
        """The payload's JSON objects, in order. Raises BundleError on any damage or excess:
        memory stays bounded (a few blocks of a few MB) whatever the file holds."""
        declared = self.header.counts.get("lines")
        if not isinstance(declared, int) or declared < 0:
            raise BundleError(Reason.MALFORMED, detail="count")
        if declared > self.limits.max_changes:
            raise BundleError(Reason.TOO_MANY, limit=self.limits.max_changes)
        count = 0
        size = 0
        block: list[bytes] = []
        for raw in _split_lines(_inflate(self._plain_chunks(), self.limits), self.limits):
            block.append(raw)
            size += len(raw)
            if len(block) == _DECODE_BLOCK or size >= _DECODE_BYTES:
                count += len(block)
                if count > declared:
                    raise BundleError(Reason.MALFORMED, detail="count")
                yield from _decode_block(block)
                block = []
                size = 0
        count += len(block)
        if count != declared:
            raise BundleError(Reason.MALFORMED, detail="count")
        yield from _decode_block(block)

    def _plain_chunks(self) -> Iterator[bytes]:
        aead = ChaCha20Poly1305(self.file_key)
        aad = _chunk_aad(self.header.bundle_id)
        size = self.header.payload["size"]
        step = CHUNK_SIZE + _TAG_SIZE
        with self.path.open("rb") as handle:
            handle.seek(self.payload_offset)
            offset, index = 0, 0
            while True:
                sealed = handle.read(step)
                offset += len(sealed)
                final = offset >= size
                if len(sealed) < _TAG_SIZE or (not final and len(sealed) != step):
                    raise BundleError(Reason.TRUNCATED)
                try:
                    yield aead.decrypt(_nonce(index, final), sealed, aad)
                except InvalidTag as exc:
                    raise BundleError(Reason.TAMPERED) from exc
                if final:
                    return
                index += 1


def _read_exact(handle: BinaryIO, size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise BundleError(Reason.TRUNCATED)
    return data


def read_header(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> BundleHeader:
    """The bundle's header, parsed but NOT verified (for display; use `open_bundle` to trust)."""
    return _read_parts(Path(path), limits)[1]


def _read_parts(path: Path, limits: Limits) -> tuple[bytes, BundleHeader, bytes, bytes, int]:
    try:
        size = path.stat().st_size
        handle = path.open("rb")
    except OSError as exc:
        raise BundleError(Reason.UNREADABLE, file=str(path), error=exc.strerror) from exc
    if size == 0:
        handle.close()
        raise BundleError(Reason.EMPTY)
    if size > limits.max_file:
        handle.close()
        raise BundleError(Reason.TOO_LARGE, size=size, limit=limits.max_file)
    with handle:
        prefix = handle.read(_PREFIX.size)
        if len(prefix) < _PREFIX.size:
            truncated = MAGIC.startswith(prefix) or prefix.startswith(MAGIC)
            raise BundleError(Reason.TRUNCATED if truncated else Reason.NOT_A_BUNDLE)
        magic, version, header_size = _PREFIX.unpack(prefix)
        if magic != MAGIC:
            raise BundleError(Reason.NOT_A_BUNDLE)
        if version > FORMAT_VERSION:
            raise BundleError(Reason.NEWER_FORMAT, version=version)
        if version != FORMAT_VERSION or header_size > limits.max_header:
            raise BundleError(Reason.BAD_HEADER)
        header_bytes = _read_exact(handle, header_size)
        header = BundleHeader.from_bytes(header_bytes)
        signature = _read_exact(handle, SIGNATURE_SIZE)
        payload_offset = handle.tell()
    return prefix, header, header_bytes, signature, payload_offset


def open_bundle(
    path: str | os.PathLike[str],
    *,
    device_id: str,
    keys: DeviceKeys,
    sender_keys: Callable[[str], PublicKeys],
    limits: Limits = DEFAULT_LIMITS,
) -> VerifiedBundle:
    """Check a bundle fully before anything of it is used, and return it ready to decrypt.

    `sender_keys(device_id)` returns the enrolled sender's public keys, or raises BundleError
    (unknown or revoked device). Refuses: anything not a well-formed bundle, a payload whose
    size or SHA-256 differs from the signed header, a bad signature, a bundle sent by this
    device, or one addressed to another device.
    """
    target = Path(path)
    prefix, header, header_bytes, signature, payload_offset = _read_parts(target, limits)
    if header.sender == device_id:
        raise BundleError(Reason.OWN_BUNDLE)
    verifier = sender_keys(header.sender).verifier()

    digest = hashlib.sha256()
    actual = 0
    with target.open("rb") as handle:
        handle.seek(payload_offset)
        while block := handle.read(1 << 20):
            actual += len(block)
            digest.update(block)
    declared = header.payload["size"]
    if actual < declared:
        raise BundleError(Reason.TRUNCATED)
    if actual > declared:
        raise BundleError(Reason.TAMPERED)
    try:
        verifier.verify(signature, _signed_message(prefix, header_bytes, digest.digest()))
    except InvalidSignature as exc:
        raise BundleError(Reason.BAD_SIGNATURE) from exc
    if digest.hexdigest() != header.payload["sha256"]:
        raise BundleError(Reason.TAMPERED)
    if header.recipient != device_id:
        raise BundleError(Reason.WRONG_RECIPIENT, device=header.recipient)
    file_key = _unwrap(header, device_id, keys)
    return VerifiedBundle(target, header, payload_offset, file_key, limits)
