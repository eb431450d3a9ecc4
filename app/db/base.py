"""Declarative base, column types and the mixin every synced entity shares."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Boolean, Date, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.db.json_text import object_encoder

_LIST_TEXT = object_encoder()


def codes_text(codes: list[str]) -> str:
    """The stored text of a list of codes: sorted, no ASCII escaping (`json.dumps` of the
    sorted list, through an encoder built once: a bulk write stores one or two per record)."""
    return _LIST_TEXT(sorted(codes))


class CodeList(TypeDecorator[list[str]]):
    """A sorted list of codes stored as JSON text (portable to SQLite and PostgreSQL)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: list[str] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return codes_text(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> list[str] | None:
        return None if value is None else list(json.loads(value))


class Document(TypeDecorator[dict]):
    """A JSON object stored as text with sorted keys (the assessment act's sections)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: dict | None, dialect: Dialect) -> str | None:
        return None if value is None else document_text(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> dict | None:
        return None if value is None else json.loads(value)


def document_text(value: dict) -> str:
    """The stored text of a JSON document: sorted keys, no ASCII escaping."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Base(DeclarativeBase):
    """Base of every table; the annotation map keeps column types portable."""

    type_annotation_map = {
        str: String(),
        dt.date: Date(),
        bool: Boolean(),
        list[str]: CodeList(),
        dict: Document(),
    }


def field(kind: str, **info: Any) -> dict[str, Any]:
    """Interchange metadata of a column: its kind and validation rules (read by the registry)."""
    return {"kind": kind, **info}


class SyncedMixin:
    """Columns every synced entity has: a UUID made where the record is created, a tombstone
    and the per-field versions `{field: "HLC/DEVICE"}` that the merge compares."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    versions: Mapped[str] = mapped_column(Text, default="{}", nullable=False)
