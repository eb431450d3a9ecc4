"""The change log's and `records export`'s JSON text is the standard encoder's, byte for byte.

`object_encoder` builds the C encoder once instead of per record, and a new record's
versions are written without building the dict first: the text must not change, because
the change log keeps each change as written and bundles are signed over it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.db.base import codes_text
from app.db.json_text import object_encoder
from app.db.writer import _DATA_TEXT, _one_version_text, json_value, versions_text
from app.sync.changes import json_text_value

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
standard = json.JSONEncoder(ensure_ascii=False).encode


@settings(max_examples=500)
@given(values)
def test_the_encoder_writes_what_the_standard_one_writes(value: object) -> None:
    assert object_encoder()(value) == standard(value)


@given(st.dictionaries(st.text(), st.dates() | st.text() | st.none(), max_size=6))
def test_a_change_with_dates_is_written_as_with_its_dates_in_iso_form(fields: dict) -> None:
    assert _DATA_TEXT(fields) == standard({k: json_value(v) for k, v in fields.items()})


def test_what_the_standard_encoder_refuses_is_refused() -> None:
    encode = object_encoder()
    for value in ({"when": dt.date(2026, 1, 1)}, {1j: 1}, {"x": {1, 2}}):
        with pytest.raises(TypeError) as ours:
            encode(value)
        with pytest.raises(TypeError) as theirs:
            standard(value)
        assert str(ours.value) == str(theirs.value)


names = st.lists(st.from_regex(r"[a-z_]{1,20}", fullmatch=True), max_size=20, unique=True)
stamps = st.from_regex(r"[0-9a-f]{16}/[0-9a-f-]{36}", fullmatch=True)


@given(names, stamps)
def test_a_new_records_versions_are_the_standard_text(fields: list, version: str) -> None:
    versions = dict.fromkeys(fields, version)
    expected = json.dumps(versions, sort_keys=True)
    assert _one_version_text(dict.fromkeys(fields), version) == expected
    assert versions_text(versions) == expected


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,20}", fullmatch=True), stamps, max_size=20))
def test_versions_of_several_writers_are_the_standard_text(versions: dict) -> None:
    assert versions_text(versions) == json.dumps(versions, sort_keys=True)


def _loaded(decode: Any, text: Any) -> tuple[str, Any]:
    try:
        return "value", decode(text)
    except (ValueError, TypeError) as error:
        return "refused", ValueError if isinstance(error, ValueError) else TypeError


texts = values.map(lambda v: json.dumps(v, ensure_ascii=False))
spaced = st.tuples(st.sampled_from(["", " ", "\n", "\t "]), texts, st.sampled_from(["", " ", "x"]))


@settings(max_examples=500)
@given(texts | spaced.map("".join) | st.text() | st.integers() | st.none())
def test_a_changes_text_is_read_as_json_loads_reads_it(text: Any) -> None:
    """The merge reads a change's data with the decoder's scanner called directly."""
    assert _loaded(json_text_value, text) == _loaded(json.loads, text)


@given(st.lists(st.text(), max_size=8))
def test_a_list_of_codes_is_stored_as_the_standard_text(codes: list) -> None:
    assert codes_text(codes) == json.dumps(sorted(codes), ensure_ascii=False)
