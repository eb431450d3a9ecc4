"""The field checks, for the services and the GUI: declared beside the registry in
app/db/checks.py (the merge of a bundle uses the same ones)."""

from app.db.checks import (
    OLDEST_BIRTH,
    check_record,
    check_rnokpp,
    known_codes,
    normalise_phone,
    parse_date,
    parse_uuid,
    parse_value,
    stored_text,
)

__all__ = [
    "OLDEST_BIRTH",
    "check_record",
    "check_rnokpp",
    "known_codes",
    "normalise_phone",
    "parse_date",
    "parse_uuid",
    "parse_value",
    "stored_text",
]
