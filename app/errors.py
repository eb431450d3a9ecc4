"""Typed errors of the core, each with the process exit status the contract gives it."""

from __future__ import annotations


class OporaError(Exception):
    """An error with a user-facing (already translated) message and an exit status."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(OporaError):
    """Invalid input or usage (exit 2)."""

    exit_code = 2


class ValidationError(UsageError):
    """A field of a record is invalid; `field` names it, `message` says why (translated).

    `line` and `file` are filled in by importers that read records from a file.
    """

    def __init__(
        self,
        field: str,
        message: str,
        *,
        record_type: str | None = None,
        line: int | None = None,
        file: str | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.record_type = record_type
        self.line = line
        self.file = file

    def located(self, file: str, line: int) -> ValidationError:
        """The same error, placed at a line of a file."""
        return ValidationError(
            self.field, self.message, record_type=self.record_type, line=line, file=file
        )

    def __str__(self) -> str:
        from app.i18n import tr

        if self.line is not None:
            return tr(
                "{file}, line {line}, field «{field}»: {message}",
                file=self.file,
                line=self.line,
                field=self.field,
                message=self.message,
            )
        return tr("field «{field}»: {message}", field=self.field, message=self.message)


class AuthError(OporaError):
    """Authentication failed (exit 4); nothing was opened."""

    exit_code = 4


class NotPermitted(OporaError):
    """The account or device may not do this (exit 5); nothing was changed."""

    exit_code = 5


class BundleRejected(OporaError):
    """A sync bundle was rejected (exit 3); nothing was changed."""

    exit_code = 3


class CentreUnreachable(OporaError):
    """The centre could not be reached, or the link broke and did not come back (exit 6);
    nothing was changed that was not fully received and merged."""

    exit_code = 6
