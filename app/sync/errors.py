"""Why a bundle or an enrollment file was refused: a stable reason code plus translated text."""

from __future__ import annotations

from enum import StrEnum

from app.errors import BundleRejected, OporaError
from app.i18n import tr


class Reason(StrEnum):
    """Stable codes for rejections; tests and `--json` callers match on these, not on text."""

    EMPTY = "empty"
    NOT_A_BUNDLE = "not-a-bundle"
    TRUNCATED = "truncated"
    TOO_LARGE = "too-large"
    TOO_LARGE_UNPACKED = "too-large-unpacked"
    BAD_HEADER = "bad-header"
    NEWER_FORMAT = "newer-format"
    NEWER_SCHEMA = "newer-schema"
    BAD_SIGNATURE = "bad-signature"
    TAMPERED = "tampered"
    UNKNOWN_DEVICE = "unknown-device"
    REVOKED_DEVICE = "revoked-device"
    WRONG_RECIPIENT = "wrong-recipient"
    CANNOT_DECRYPT = "cannot-decrypt"
    MALFORMED = "malformed"
    OWN_BUNDLE = "own-bundle"
    UNREADABLE = "unreadable"
    INVALID = "invalid"
    FORGED_ORIGIN = "forged-origin"
    BAD_RANGE = "bad-range"
    REUSED_SEQ = "reused-seq"
    CLOCK_AHEAD = "clock-ahead"
    TOO_MANY = "too-many-changes"


_TEXT: dict[Reason, str] = {
    Reason.EMPTY: "the file is empty",
    Reason.NOT_A_BUNDLE: "the file is not an Opora bundle",
    Reason.TRUNCATED: "the bundle is truncated",
    Reason.TOO_LARGE: "the bundle is too large ({size} bytes, at most {limit})",
    Reason.TOO_LARGE_UNPACKED: "the bundle unpacks to more than {limit} bytes",
    Reason.BAD_HEADER: "the bundle header is damaged",
    Reason.NEWER_FORMAT: (
        "the bundle was made by a newer Opora (bundle format {version}); install a newer version"
    ),
    Reason.NEWER_SCHEMA: (
        "the bundle was made by Opora {app} with a newer database schema ({revision}); "
        "install Opora {app} or newer"
    ),
    Reason.BAD_SIGNATURE: "the bundle's signature does not match: the file was changed or damaged",
    Reason.TAMPERED: "the bundle's content was changed or damaged",
    Reason.UNKNOWN_DEVICE: "the bundle comes from an unknown device {device}",
    Reason.REVOKED_DEVICE: "the bundle comes from the revoked device «{device}»",
    Reason.WRONG_RECIPIENT: "the bundle is addressed to another device ({device})",
    Reason.CANNOT_DECRYPT: "the bundle cannot be decrypted on this device",
    Reason.MALFORMED: "the bundle's content is malformed: {detail}",
    Reason.OWN_BUNDLE: "the bundle was sent by this device itself",
    Reason.UNREADABLE: "cannot read {file}: {error}",
    Reason.INVALID: (
        "the bundle's change to {type} {record} has an invalid field «{field}»: {message}"
    ),
    Reason.FORGED_ORIGIN: (
        "the bundle carries changes of another device than the one that signed it"
    ),
    Reason.BAD_RANGE: "the bundle's sequence ranges do not match its content",
    Reason.REUSED_SEQ: (
        "the bundle reuses a change number with different content "
        "(a database restored or copied without a new epoch)"
    ),
    Reason.CLOCK_AHEAD: (
        "the bundle holds changes dated more than a day after this computer's clock: "
        "check this computer's date and time"
    ),
    Reason.TOO_MANY: "the bundle holds more than {limit} changes",
}


class BundleError(BundleRejected):
    """A bundle was refused (exit 3). `reason` is the stable code; the message is translated."""

    def __init__(self, reason: Reason, **values: object) -> None:
        super().__init__(tr(_TEXT[reason], **values))
        self.reason = reason
        self.values = values


class EnrollmentFileError(OporaError):
    """An enrollment file could not be opened: a wrong password, or damage to its sealed
    part, which no one can tell apart from one (exit 4)."""

    exit_code = 4


class NotAnEnrollmentFile(EnrollmentFileError):
    """The file cannot be read, or is no enrollment file at all: invalid input (exit 2)."""

    exit_code = 2
