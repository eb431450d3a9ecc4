"""Typed checks of record fields: dates, phones, РНОКПП, codes, enums, sizes, required fields.

They depend only on a field's declaration in the registry, so they live beside it: both
write paths use them, `records import` (app/services/records.py) and the merge of a bundle
(app/sync/merge.py), and nothing one accepts can be refused by the other.
`parse_value` turns a raw interchange value into the stored Python value or raises
`ValidationError(field, message)`; `check_record` checks a whole record after a partial edit
has been merged into what was stored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import RefEntry
from app.db.registry import EntitySpec, FieldSpec
from app.errors import ValidationError
from app.i18n import tr
from app.i18n.text import RefusedCharacter, clean_text

OLDEST_BIRTH = dt.date(1900, 1, 1)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_RNOKPP_WEIGHTS = (-1, 5, 7, 9, 4, 6, 10, 5, 7)


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def parse_uuid(value: Any, field: str = "id") -> str:
    """The canonical (lower-case, hyphenated) form of a UUID string."""
    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value
    if not isinstance(value, str):
        raise ValidationError(field, tr("is not a valid UUID"))
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValidationError(field, tr("is not a valid UUID")) from None


def parse_date(value: Any, field: str) -> dt.date:
    """A `YYYY-MM-DD` date that exists in the calendar."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise ValidationError(field, tr("is not a valid date (expected YYYY-MM-DD)"))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, tr("is not a valid date (expected YYYY-MM-DD)")) from None


def normalise_phone(value: str, field: str = "phone") -> str:
    """A Ukrainian phone number as `+380XXXXXXXXX`, from the ways people write it
    (`050 123 45 67`, `(050) 123-45-67`, `380501234567`, `+38 050 …`)."""
    digits = re.sub(r"[\s\-().]", "", value)
    if digits.startswith("+"):
        digits = digits[1:]
    if not digits.isdigit():
        raise ValidationError(field, tr("is not a Ukrainian phone number"))
    if len(digits) == 10 and digits.startswith("0"):
        digits = "38" + digits
    elif len(digits) == 9:
        digits = "380" + digits
    if len(digits) != 12 or not digits.startswith("380"):
        raise ValidationError(field, tr("is not a Ukrainian phone number"))
    return "+" + digits


def check_rnokpp(value: str, field: str = "rnokpp") -> str:
    """A РНОКПП (individual tax number): 10 digits whose last is the check digit."""
    if not re.fullmatch(r"\d{10}", value):
        raise ValidationError(field, tr("RNOKPP must be 10 digits"))
    digits = [int(c) for c in value]
    check = sum(w * d for w, d in zip(_RNOKPP_WEIGHTS, digits, strict=False)) % 11 % 10
    if check != digits[9]:
        raise ValidationError(field, tr("RNOKPP check digit does not match"))
    return value


def known_codes(session: Session) -> dict[str, set[str]]:
    """Live codes by kind, for validation."""
    codes: dict[str, set[str]] = {}
    rows = session.execute(select(RefEntry.kind, RefEntry.code).where(RefEntry.deleted.is_(False)))
    for kind, code in rows:
        codes.setdefault(kind, set()).add(code)
    return codes


# An act written in full is a few pages per person: bounded like five long texts.
DOCUMENT_LENGTH = 100_000


def stored_text(value: str, field: str) -> str:
    """Text as it is stored (NFC, Unix line ends); a control, bidirectional-override,
    invisible or broken (lone surrogate) character is refused, naming its code point."""
    try:
        return clean_text(value)
    except RefusedCharacter as refused:
        raise ValidationError(
            field, tr("contains a character that is not allowed ({code})", code=refused.code)
        ) from None


def parse_value(spec: FieldSpec, value: Any, codes: Mapping[str, set[str]]) -> Any:
    """The stored value of one field from its interchange value (None clears the field).
    Sizes are bounded by the field's declared limits (registry), so no value grows a
    bundle beyond what a peer accepts."""
    name = spec.name
    if value is None:
        return None
    kind = spec.kind
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValidationError(name, tr("must be true or false"))
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(name, tr("must be a whole number of 0 or more"))
        if value > spec.max_value:
            raise ValidationError(name, tr("must be at most {limit}", limit=spec.max_value))
        return value
    if kind == "codes":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(name, tr("must be a list of codes"))
        if len(value) > spec.max_items:
            raise ValidationError(name, tr("holds more than {limit} codes", limit=spec.max_items))
        known = codes.get(spec.of or "", set())
        for code in value:
            if code not in known:
                raise ValidationError(name, tr("unknown code «{value}»", value=code))
        return sorted(set(value)) or None  # an empty list is no list: null in the export
    if kind == "document":
        from app.db.act import check_act  # the one document kind: the assessment act

        document = check_act(value, name)
        size = len(json.dumps(document, ensure_ascii=False)) if document is not None else 0
        if size > DOCUMENT_LENGTH:
            raise ValidationError(
                name, tr("is longer than {limit} characters", limit=DOCUMENT_LENGTH)
            )
        return document
    if not isinstance(value, str):
        raise ValidationError(name, tr("must be text"))
    if len(value) > spec.max_length:
        raise ValidationError(name, tr("is longer than {limit} characters", limit=spec.max_length))
    try:  # `stored_text` inlined: the call per text value is a tenth of an import's checks
        text = clean_text(value).strip()
    except RefusedCharacter as refused:
        raise ValidationError(
            name, tr("contains a character that is not allowed ({code})", code=refused.code)
        ) from None
    if kind == "ref":
        return parse_uuid(text, name) if text else None
    if not text:
        return None
    if kind == "text":
        return text
    if kind == "date":
        return parse_date(text, name)
    if kind == "code":
        if text not in codes.get(spec.of or "", set()):
            raise ValidationError(name, tr("unknown code «{value}»", value=text))
        return text
    if kind == "enum":
        if text not in spec.values:
            raise ValidationError(
                name, tr("must be one of: {values}", values=", ".join(spec.values))
            )
        return text
    if kind == "phone":
        return normalise_phone(text, name)
    if kind == "rnokpp":
        return check_rnokpp(text, name)
    if kind == "time":
        if not _TIME.match(text):
            raise ValidationError(name, tr("time must be HH:MM"))
        return text
    raise AssertionError(f"unknown field kind {kind}")


def check_record(entity: EntitySpec, record: Mapping[str, Any], today: dt.date) -> None:
    """Rules over a whole record: required fields, dates in their range and order, and the
    few rules that tie two fields together."""
    for spec in entity.fields:
        value = record.get(spec.name)
        if value is None:
            if spec.required:
                raise ValidationError(spec.name, tr("is required"))
            continue
        if spec.kind == "date":
            if spec.rule in ("event", "birth") and value > today:
                raise ValidationError(spec.name, tr("cannot be in the future"))
            if spec.rule == "birth" and value < OLDEST_BIRTH:
                raise ValidationError(spec.name, tr("is not a plausible birth date"))
            earlier = record.get(spec.after) if spec.after else None
            if earlier is not None and value < earlier:
                raise ValidationError(spec.name, tr("must not be earlier than the start date"))
    if entity.name == "service" and not record.get("family_id") and not record.get("person_id"):
        raise ValidationError("family_id", tr("a service needs a family or a person"))
    if entity.name == "participant" and not record.get("person_id") and not record.get("name"):
        raise ValidationError("name", tr("a participant needs a person or a name"))
    if entity.name == "referral" and not any(
        record.get(k) for k in ("intake_id", "person_id", "family_id")
    ):
        raise ValidationError("intake_id", tr("a referral is for a visitor, a person or a family"))
    if entity.name == "notification" and not any(
        record.get(k) for k in ("family_id", "person_name", "address", "settlement_id")
    ):
        raise ValidationError(
            "family_id", tr("a notification needs a family, a person's name or an address")
        )
