"""The JSON text of a record-sized dict, as `json.JSONEncoder(ensure_ascii=False)` writes it.

The standard encoder builds its C encoder anew on every call, about a third of its time for
a record; the change log and `records export` encode one dict per record, so the encoder
here is built once. Records are flat, so there is no check for circular references.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable
from typing import Any


def _not_serializable(value: Any) -> Any:
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def object_encoder(default: Callable[[Any], Any] | None = None) -> Callable[[Any], str]:
    """`json.JSONEncoder(ensure_ascii=False, default=default).encode`, byte for byte."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # no C accelerator: the standard encoder
        return json.JSONEncoder(ensure_ascii=False, default=default).encode
    encoder = make(
        None,  # no circular-reference check
        default or _not_serializable,
        json.encoder.encode_basestring,
        None,  # no indent
        ": ",
        ", ",
        False,  # keys in the dict's order
        False,  # a key that is not text is an error
        True,  # NaN and infinities as JavaScript writes them, like json.dumps
    )
    join = "".join

    def encode(value: Any) -> str:
        if isinstance(value, str):
            return json.encoder.encode_basestring(value)
        return join(encoder(value, 0))

    return encode
