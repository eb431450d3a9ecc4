"""Service codes that changed meaning with the reference version 2026.2 (docs/decisions/052).

Until then the shipped classifier labelled 005.0 humanitarian aid and 007.0 shelter; the
official classifier has 005.0 «Надання притулку» and 019.0 «Натуральна допомога». Records
written under the older reference move once: by the migration `0005` on every replica
(records, change log and kept conflicts alike, so replicas still agree change for change),
and by the bundle import for changes made by a replica that had not yet migrated.
"""

from __future__ import annotations

import json
from typing import Any

from app.db.json_text import object_encoder

MOVED_BY_REVISION = "0005"
FIRST_FIXED_VERSION = (2026, 2)
SERVICE_MOVES = {"005.0": "019.0", "007.0": "005.0"}
# (entity, field) that hold service codes: one code, or a list of codes.
CODE_FIELDS = {("service", "service_code"): "code", ("assessment", "needed_services"): "codes"}

_JSON = object_encoder()


def move_value(kind: str, value: Any) -> Any:
    """A field's value with old codes replaced by their new ones."""
    if value is None:
        return None
    if kind == "code":
        return SERVICE_MOVES.get(value, value) if isinstance(value, str) else value
    if isinstance(value, list):
        return sorted({SERVICE_MOVES.get(v, v) if isinstance(v, str) else v for v in value})
    return value


def move_change_data(entity: str, data_text: str) -> str:
    """A change's JSON data (as the writer encodes it) with old codes moved; unchanged text
    when nothing moves."""
    fields = [(f, k) for (e, f), k in CODE_FIELDS.items() if e == entity]
    if not fields or not any(f'"{old}"' in data_text for old in SERVICE_MOVES):
        return data_text
    data = json.loads(data_text)
    changed = False
    for name, kind in fields:
        if name in data:
            moved = move_value(kind, data[name])
            if moved != data[name]:
                data[name] = moved
                changed = True
    return _JSON(data) if changed else data_text


def move_line(line: dict[str, Any]) -> dict[str, Any]:
    """A bundle line (short keys) from a replica that had not migrated, with codes moved."""
    entity, data = line.get("e"), line.get("d")
    if isinstance(entity, str) and isinstance(data, str):
        moved = move_change_data(entity, data)
        if moved is not data:
            return {**line, "d": moved}
    return line
