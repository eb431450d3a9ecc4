"""A change as it travels in a bundle: its shape checked, its versions compared.

A field's version is `"HLC/DEVICE"`; the larger `(hlc, device)` wins (`version_key`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from app.db.registry import TYPES, EntitySpec
from app.sync.errors import BundleError, Reason

BATCH = 5000
BATCH_BYTES = 16 << 20
_MAX_SEQ = 1 << 53
IN_CHUNK = 500
_HLC = re.compile(r"[0-9a-f]{16}\Z")
UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_DECODER: Any = json.JSONDecoder()  # its scanner is not in the type stubs
_SCAN: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # value and end, from a start


def json_text_value(text: str) -> Any:
    """`json.loads(text)` for a change's data or bases: the decoder's scanner called directly
    when the value starts the text and ends it (what every replica writes), saving the
    wrapper's calls; any other text goes through `json.loads`, with its result or error."""
    try:
        value, end = _SCAN(text, 0)
    except StopIteration:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


class IncomingChange(NamedTuple):
    """One change as it travels: identity, time, target record, and the raw JSON it keeps.
    (A named tuple: a bundle holds hundreds of thousands, and these build fastest.)"""

    origin: str
    seq: int
    hlc: str
    entity: EntitySpec
    record_id: str
    data_text: str
    bases_text: str
    data: dict[str, Any]
    bases: dict[str, str]

    @property
    def version(self) -> str:
        return f"{self.hlc}/{self.origin}"

    def row(self) -> tuple[str, int, str, str, str, str, str]:
        """The change-log row (CHANGE_COLUMNS), byte for byte as its origin wrote it."""
        return (
            self.origin,
            self.seq,
            self.hlc,
            self.entity.name,
            self.record_id,
            self.data_text,
            self.bases_text,
        )


def cut_data_text(data: Mapping[str, Any]) -> str:
    """The data of a change whose reference this replica cut (an erased person): sorted keys,
    no ASCII escapes, so every replica that cuts it stores the same text."""
    return json.dumps(dict(data), ensure_ascii=False, sort_keys=True)


def change_line(row: Mapping[str, Any]) -> dict[str, Any]:
    """A change-log row in its bundle form (short keys; data and bases kept as JSON text)."""
    return {
        "o": row["origin"],
        "s": row["seq"],
        "h": row["hlc"],
        "e": row["entity"],
        "r": row["record_id"],
        "d": row["data"],
        "b": row["bases"],
    }


_NAMES: dict[str, frozenset[str]] = {}  # per entity: the names a change may carry
_ORIGINS: set[str] = set()  # origins already found well-formed (a bundle has a few)


def _valid_origin(origin: str) -> bool:
    if UUID_TEXT.match(origin) is None:
        return False
    if len(_ORIGINS) < 4096:
        _ORIGINS.add(origin)
    return True


def parse_change(line: Mapping[str, Any]) -> IncomingChange:
    """Check one bundle line's shape; anything unexpected rejects the bundle (MALFORMED)."""
    try:
        origin, seq, hlc = line["o"], line["s"], line["h"]
        entity = TYPES[line["e"]]
        record_id, data_text, bases_text = line["r"], line["d"], line["b"]
        data = json_text_value(data_text)
        # A new record's first change overwrote nothing: skip decoding the common "{}".
        bases = {} if bases_text == "{}" else json_text_value(bases_text)
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleError(Reason.MALFORMED, detail="change") from exc
    names = _NAMES.get(entity.name)
    if names is None:
        names = _NAMES[entity.name] = frozenset((*entity.field_names, "deleted"))
    if not (
        isinstance(origin, str)
        and isinstance(seq, int)
        and not isinstance(seq, bool)
        and 0 < seq < _MAX_SEQ
        and isinstance(hlc, str)
        and _HLC.match(hlc)
        and (origin in _ORIGINS or _valid_origin(origin))
        and isinstance(record_id, str)
        and UUID_TEXT.match(record_id)
        and isinstance(data, dict)
        and isinstance(bases, dict)
        and data.keys() <= names
        and all(isinstance(v, str) for v in bases.values())
    ):
        raise BundleError(Reason.MALFORMED, detail="change")
    return IncomingChange(origin, seq, hlc, entity, record_id, data_text, bases_text, data, bases)


def version_key(version: str) -> tuple[str, str]:
    hlc, _, device = version.partition("/")
    return hlc, device


def version_device(version: str) -> str:
    return version.partition("/")[2]


def stored_value(entity: EntitySpec, name: str, value: Any) -> Any:
    """An interchange (JSON) value in the form its column takes."""
    spec = entity.field(name)
    if value is not None and spec is not None and spec.kind == "date":
        return dt.date.fromisoformat(value)
    return value


def invalid(change: IncomingChange, name: str, message: str) -> BundleError:
    """The rejection of a bundle carrying an invalid value: names the record and field."""
    return BundleError(
        Reason.INVALID,
        type=change.entity.name,
        record=change.record_id,
        field=name,
        message=message,
    )


def batches(
    items: Iterable[IncomingChange], size: int, max_bytes: int
) -> Iterator[list[IncomingChange]]:
    """Batches of at most `size` changes and about `max_bytes` of change text, so memory
    stays flat however large each change is."""
    batch: list[IncomingChange] = []
    held = 0
    for item in items:
        batch.append(item)
        held += len(item.data_text) + len(item.bases_text)
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch = []
            held = 0
    if batch:
        yield batch


def chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), IN_CHUNK):
        yield items[start : start + IN_CHUNK]
