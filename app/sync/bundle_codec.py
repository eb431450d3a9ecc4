"""A bundle's payload as bytes: JSON lines compressed and cut into chunks on the way out,
inflated and split back into lines on the way in, within the importer's limits."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from app.sync.errors import BundleError, Reason

CHUNK_SIZE = 64 * 1024


_DECODE_BLOCK = 1000


_DECODE_BYTES = 8 << 20


@dataclass(frozen=True)
class Limits:
    """Upper bounds an importer enforces before trusting a file (defaults fit years of work)."""

    max_file: int = 1 << 30
    max_unpacked: int = 4 << 30
    max_header: int = 1 << 20
    # One change: a record's fields within the registry's limits, escaped twice, fit in far
    # less (docs/decisions/036-bundle-limits.md).
    max_line: int = 2 << 20
    max_changes: int = 5_000_000


DEFAULT_LIMITS = Limits()


def _compressed_chunks(lines: Iterable[Mapping[str, Any]], counter: list[int]) -> Iterator[bytes]:
    """Compressed JSON lines cut into CHUNK_SIZE pieces; the last piece may be shorter."""
    compressor = zlib.compressobj(6)
    buffer = bytearray()
    for line in lines:
        counter[0] += 1
        data = json.dumps(line, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        buffer += compressor.compress(data.encode("utf-8") + b"\n")
        while len(buffer) > CHUNK_SIZE:
            yield bytes(buffer[:CHUNK_SIZE])
            del buffer[:CHUNK_SIZE]
    buffer += compressor.flush()
    while len(buffer) > CHUNK_SIZE:
        yield bytes(buffer[:CHUNK_SIZE])
        del buffer[:CHUNK_SIZE]
    yield bytes(buffer)


def _decode_block(lines: list[bytes]) -> list[dict[str, Any]]:
    """Decode many lines in one call (a large bundle has hundreds of thousands). Each line
    holds exactly one object: no line is empty, so only then do n lines give n elements."""
    if not lines:
        return []
    try:
        objects: list[dict[str, Any]] = json.loads(b"[" + b",".join(lines) + b"]")
    except ValueError as exc:
        raise BundleError(Reason.MALFORMED, detail="JSON") from exc
    if len(objects) != len(lines) or not all(isinstance(o, dict) for o in objects):
        raise BundleError(Reason.MALFORMED, detail="JSON")
    return objects


def _inflate(chunks: Iterable[bytes], limits: Limits) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    total = 0
    try:
        for chunk in chunks:
            data = chunk
            while data:
                # max_length bounds each step, so a zip bomb never sits in memory whole.
                out = inflater.decompress(data, 1 << 20)
                total += len(out)
                if total > limits.max_unpacked:
                    raise BundleError(Reason.TOO_LARGE_UNPACKED, limit=limits.max_unpacked)
                if out:
                    yield out
                data = inflater.unconsumed_tail
                if inflater.eof:
                    break
    except zlib.error as exc:
        raise BundleError(Reason.MALFORMED, detail="zlib") from exc
    if not inflater.eof or inflater.unused_data:
        raise BundleError(Reason.MALFORMED, detail="zlib")


def _split_lines(blocks: Iterable[bytes], limits: Limits) -> Iterator[bytes]:
    buffer = b""
    for block in blocks:
        buffer += block
        *complete, buffer = buffer.split(b"\n")
        for line in complete:
            if len(line) > limits.max_line:
                raise BundleError(Reason.MALFORMED, detail="line")
            yield line
        if len(buffer) > limits.max_line:
            raise BundleError(Reason.MALFORMED, detail="line")  # never held beyond the limit
    if buffer:
        raise BundleError(Reason.MALFORMED, detail="line")
