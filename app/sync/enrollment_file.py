"""The enrollment file: what a new laptop needs, sealed with its first user's password.

Layout: magic "OPORA\\x1aEN" | u32 BE length | clear JSON parameters (scrypt salt and cost,
nonce) | ChaCha20-Poly1305 ciphertext of zlib-compressed JSON. The clear parameters are the
AEAD's associated data, so changing the cost or salt is detected like any other change.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.files import atomic_writer
from app.i18n import tr
from app.sync.errors import EnrollmentFileError, NotAnEnrollmentFile
from app.sync.keys import b64decode, b64encode

MAGIC = b"OPORA\x1aEN"
_LENGTH = struct.Struct("!I")
# scrypt N=2^15, r=8: ~32 MiB and a fraction of a second, once per enrollment.
SCRYPT_N = 1 << 15
SCRYPT_R = 8
SCRYPT_P = 1
_MAX_FILE = 256 << 20
_MAX_PARAMS = 4096


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def write_enrollment_file(
    path: str | os.PathLike[str], content: dict[str, Any], password: str, *, n: int = SCRYPT_N
) -> None:
    """Seal `content` (JSON-able) with `password` into `path`, atomically."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    params = {"kdf": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P, "salt": b64encode(salt)}
    params["nonce"] = b64encode(nonce)
    clear = json.dumps(params, sort_keys=True).encode("ascii")
    plain = zlib.compress(json.dumps(content, ensure_ascii=False).encode("utf-8"), 6)
    key = _derive(password, salt, n, SCRYPT_R, SCRYPT_P)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, plain, MAGIC + clear)
    with atomic_writer(Path(path)) as out:
        out.write(MAGIC + _LENGTH.pack(len(clear)) + clear + sealed)


def read_enrollment_file(path: str | os.PathLike[str], password: str) -> dict[str, Any]:
    """Open an enrollment file; raises EnrollmentFileError on a wrong password or any damage."""
    bad_file = NotAnEnrollmentFile(tr("the file is not an Opora enrollment file"))
    wrong = EnrollmentFileError(
        tr(
            "the password does not open this enrollment file, or the file is damaged: check the "
            "keyboard layout and Caps Lock, or ask the centre for a new file"
        )
    )
    target = Path(path)
    try:
        if target.stat().st_size > _MAX_FILE:
            raise bad_file
        data = target.read_bytes()
    except OSError as exc:
        raise NotAnEnrollmentFile(
            tr("cannot read {file}: {error}", file=str(path), error=exc.strerror)
        ) from exc
    head = len(MAGIC) + _LENGTH.size
    if len(data) < head or not data.startswith(MAGIC):
        raise bad_file
    (length,) = _LENGTH.unpack(data[len(MAGIC) : head])
    if length > _MAX_PARAMS or len(data) < head + length:
        raise bad_file
    clear = data[head : head + length]
    try:
        params = json.loads(clear)
        n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
        # Refuse absurd costs an attacker could write to make opening the file hang.
        if params["kdf"] != "scrypt" or not (1 << 10 <= n <= 1 << 20) or r > 32 or p > 4:
            raise bad_file
        key = _derive(password, b64decode(params["salt"]), n, r, p)
        plain = ChaCha20Poly1305(key).decrypt(
            b64decode(params["nonce"]), data[head + length :], MAGIC + clear
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise bad_file from exc
    except InvalidTag as exc:
        raise wrong from exc
    try:
        inflater = zlib.decompressobj()
        content = json.loads(inflater.decompress(plain, _MAX_FILE * 4).decode("utf-8"))
    except (zlib.error, ValueError) as exc:
        raise wrong from exc
    if not isinstance(content, dict):
        raise wrong
    return content
