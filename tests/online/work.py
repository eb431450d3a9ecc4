"""Field work on a laptop for the exchange tests: families written through the import."""

from __future__ import annotations

import base64
import json
import os
import uuid
from pathlib import Path

from app.services.records import import_records
from tests.sync.network import SETTLEMENTS, Network, change_log, export_text


def add_families(net: Network, laptop: str, count: int, *, notes: int = 0) -> list[str]:
    """`count` families with one person each on `laptop`; `notes` random characters in each
    family's notes make the bundle large (random text hardly compresses)."""
    folder = net.folder / "work"
    folder.mkdir(exist_ok=True)
    path = folder / f"{laptop}-{uuid.uuid4().hex}.jsonl"
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            family = str(uuid.uuid4())
            ids.append(family)
            text = base64.b64encode(os.urandom(notes * 3 // 4)).decode() if notes else None
            line = {
                "type": "family",
                "id": family,
                "settlement_id": SETTLEMENTS[n % 2][0],
                "address": f"вул. Садова, {n}",
                "notes": text,
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            person = {"type": "person", "id": str(uuid.uuid4()), "family_id": family}
            person |= {"surname": "Коваленко", "given_name": "Ірина"}
            out.write(json.dumps(person, ensure_ascii=False) + "\n")
    db = net.open(laptop, fast=True)
    try:
        import_records(db, path)
    finally:
        db.close()
    path.unlink()
    return ids


def state(net: Network, name: str) -> tuple[str, list[tuple]]:
    """Records and change log of a replica."""
    db = net.open(name, fast=True)
    try:
        return export_text(db), change_log(db)
    finally:
        db.close()


def spool_parts(net: Network) -> list[Path]:
    """Uploads the centre holds but has not applied."""
    folder = Path(str(net.path("centre")) + ".spool") / "parts"
    return sorted(folder.glob("*.part")) if folder.exists() else []
