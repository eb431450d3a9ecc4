"""The database key, wrapped once per account with a memory-hard KDF.

An encrypted SQLite file's random 256-bit key never sits on disk in the clear: the sidecar
`<database>.keys` holds it wrapped (AES-256-GCM) under a key derived from each account's
password with scrypt, so a password change re-wraps one key and several accounts can share
a laptop. The sidecar is written through a temporary file, fsync and rename.
"""

from __future__ import annotations

import base64
import hmac
import json
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app import kdf
from app.errors import AuthError, OporaError
from app.files import atomic_text_writer
from app.i18n import tr

FORMAT = "opora-keyring/1"
# scrypt cost: N = 2^17 (128 MiB, about 0.3 s here; bench/keyring_unlock.py). Each wrapped key
# and verifier stores its own parameters, so files made with a lower N still open and are
# re-wrapped at the next sign-in (`needs_rewrap`). docs/decisions/062-scrypt-cost.md.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def derive(
    password: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    """A 256-bit key from a password (scrypt; 128·N·r bytes of memory: 128 MiB at 2^17);
    the command line may have started it already (app/kdf.py)."""
    return kdf.derive(password, salt, n, r, p)


def hash_password(password: str) -> str:
    """A self-describing scrypt verifier for the accounts table."""
    salt = secrets.token_bytes(16)
    digest = derive(password, salt)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, verifier: str) -> bool:
    """Whether `password` matches a verifier made by `hash_password` (constant time)."""
    try:
        scheme, n, r, p, salt, digest = verifier.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = derive(password, _unb64(salt), int(n), int(r), int(p))
    return hmac.compare_digest(candidate, _unb64(digest))


def keyring_path(database: Path) -> Path:
    """Where the wrapped keys of a database file live."""
    return kdf.key_file(database)


def new_database_key() -> bytes:
    """A fresh random SQLCipher key."""
    return secrets.token_bytes(32)


def wrap(key: bytes, login: str, password: str) -> dict[str, object]:
    """The database key wrapped for one account."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = derive(password, salt)
    sealed = AESGCM(kek).encrypt(nonce, key, login.encode("utf-8"))
    return {
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped": _b64(sealed),
    }


# Bounds of the scrypt parameters a key file may ask for: a tampered file must not make the
# program spend gigabytes or hours before it says «wrong password».
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16
_ENTRY_TEXT = ("salt", "nonce", "wrapped")


def _damaged(path: Path) -> OporaError:
    return OporaError(
        tr("the key file {file} is damaged; restore it from a backup of the database", file=path)
    )


def _valid_entry(entry: object) -> bool:
    if not isinstance(entry, dict) or entry.get("kdf", "scrypt") != "scrypt":
        return False
    numbers = [entry.get(name) for name in ("n", "r", "p")]
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in numbers):
        return False
    n, r, p = numbers
    if n > _MAX_N or n & (n - 1) or r > _MAX_R or p > _MAX_P:  # type: ignore[operator]
        return False
    try:
        return all(_unb64(entry[name]) for name in _ENTRY_TEXT)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def read(path: Path) -> dict[str, dict[str, object]]:
    """Accounts → wrapped key entries of a keyring file (a damaged one is refused whole)."""
    try:
        document = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise OporaError(tr("cannot read {file}: {error}", file=path, error=error)) from error
    except (ValueError, RecursionError):
        raise _damaged(path) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _damaged(path)
    accounts = document.get("accounts")
    if not isinstance(accounts, dict) or not all(
        isinstance(login, str) and _valid_entry(entry) for login, entry in accounts.items()
    ):
        raise _damaged(path)
    return dict(accounts)


def write(path: Path, accounts: dict[str, dict[str, object]]) -> None:
    """Replace the keyring atomically."""
    data = json.dumps({"format": FORMAT, "accounts": accounts}, indent=1, sort_keys=True)
    with atomic_text_writer(path) as handle:
        handle.write(data)


def unwrap(accounts: dict[str, dict[str, object]], login: str, password: str) -> bytes:
    """The database key, if `password` is the account's; else `AuthError` (exit 4)."""
    entry = accounts.get(login)
    if entry is None:
        raise AuthError(tr("wrong login or password"))
    if not _valid_entry(entry):
        raise OporaError(tr("the key file of the database is damaged; restore it from a backup"))
    kek = derive(
        password,
        _unb64(str(entry["salt"])),
        int(entry["n"]),
        int(entry["r"]),
        int(entry["p"]),  # type: ignore[call-overload]
    )
    try:
        return AESGCM(kek).decrypt(
            _unb64(str(entry["nonce"])), _unb64(str(entry["wrapped"])), login.encode("utf-8")
        )
    except InvalidTag:
        raise AuthError(tr("wrong login or password")) from None
    except (ValueError, TypeError):  # a nonce of the wrong length: the file was altered
        raise OporaError(
            tr("the key file of the database is damaged; restore it from a backup")
        ) from None


def needs_rewrap(accounts: dict[str, dict[str, object]], login: str) -> bool:
    """Whether an account's key was wrapped with weaker scrypt parameters than today's."""
    entry = accounts.get(login) or {}
    return (int(entry.get("n", 0)), int(entry.get("r", 0))) < (SCRYPT_N, SCRYPT_R)  # type: ignore[call-overload]


def verifier_is_weak(verifier: str) -> bool:
    """Whether a password verifier was made with a lower scrypt N than today's."""
    try:
        return int(verifier.split("$")[1]) < SCRYPT_N
    except (IndexError, ValueError):
        return False
