"""A centre and enrolled laptops on real SQLite files, built once and copied per test."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text

from app.db.database import Database, open_database
from app.db.models import Change, Conflict
from app.services.records import RecordService, export_records
from app.services.setup import init_centre
from app.sync.enrollment import enroll_device, init_field
from app.sync.exchange import ImportResult, export_bundle, import_bundle

PASSWORD = "correct horse battery"
LAPTOP_PASSWORD = "пароль ноутбука"
DISTRICTS = [
    ("0190a000-0000-7000-8000-0000000000d1", "Морозівський"),
    ("0190a000-0000-7000-8000-0000000000d2", "Любовицький"),
]
ALL = [d for d, _ in DISTRICTS]
SETTLEMENTS = [
    ("0190a000-0000-7000-8000-0000000000e1", "с. Морозівка", DISTRICTS[0][0]),
    ("0190a000-0000-7000-8000-0000000000e2", "с. Любовичі", DISTRICTS[1][0]),
]


@dataclass
class Network:
    """Database files of a centre and its laptops, by name ("centre", "L1", …)."""

    folder: Path
    names: list[str]

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.db"

    def open(self, name: str, *, fast: bool = False) -> Database:
        """Open a replica; `fast` skips the password check (plain files only: the tests that
        create many replicas do not need to pay for scrypt each time)."""
        if fast:
            return open_database(self.path(name), authenticate=False)
        if name == "centre":
            return open_database(self.path(name), login="admin", password=PASSWORD)
        return open_database(self.path(name), password=LAPTOP_PASSWORD)

    def copy(self, folder: Path) -> Network:
        """The same network in another folder (cheap: a few small files)."""
        folder.mkdir(parents=True, exist_ok=True)
        for name in self.names:
            for suffix in ("", ".keys"):
                source = Path(str(self.path(name)) + suffix)
                if source.exists():
                    shutil.copyfile(source, Path(str(folder / f"{name}.db") + suffix))
        return Network(folder, list(self.names))


def build_network(
    folder: Path, laptops: dict[str, list[str]], *, encrypted: bool = False, families: int = 0
) -> Network:
    """A centre with two districts and a settlement in each (and `families` families of one
    person each), and laptops enrolled to serve the named districts; every laptop already
    holds the centre's data."""
    folder.mkdir(parents=True, exist_ok=True)
    centre = init_centre(
        folder / "centre.db", name="ЦНСП", admin="admin", password=PASSWORD, encrypted=encrypted
    )
    service = RecordService(centre)
    for district_id, name in DISTRICTS:
        service.save("district", district_id, {"name": name, "community": "Малинська"})
    for settlement_id, name, district_id in SETTLEMENTS:
        service.save("settlement", settlement_id, {"name": name, "district_id": district_id})
    for n in range(families):
        settlement = SETTLEMENTS[n % len(SETTLEMENTS)][0]
        family = service.save("family", None, {"settlement_id": settlement, "address": f"№{n}"})
        fields = {"family_id": family, "surname": f"Прізвище {n}", "given_name": "Ім'я"}
        service.save("person", None, fields)
    for laptop, districts in laptops.items():
        enrollment = folder / f"{laptop}.enroll"
        enroll_device(
            centre,
            name=laptop,
            districts=districts,
            login=f"user-{laptop}",
            password=LAPTOP_PASSWORD,
            out=enrollment,
        )
        init_field(
            folder / f"{laptop}.db", enrollment, LAPTOP_PASSWORD, encrypted=encrypted
        ).close()
        enrollment.unlink()
    centre.close()
    return Network(folder, ["centre", *laptops])


def export_text(db: Database) -> str:
    """`records export` of a replica."""
    return "".join(line + "\n" for line in export_records(db))


def change_log(db: Database) -> list[tuple]:
    """Every change-log row, in a stable order."""
    with db.session() as session:
        return [
            tuple(r)
            for r in session.execute(select(Change.__table__).order_by(Change.origin, Change.seq))
        ]


def snapshot(db: Database) -> tuple[str, list[tuple], list[tuple]]:
    """Records, change log and the sync bookkeeping, to prove a rejection changed nothing."""
    with db.session() as session:
        state = [
            tuple(r)
            for table in ("sync_known", "sync_peer_acks", "sync_imports", "conflicts", "devices")
            for r in session.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))
        ]
    return export_text(db), change_log(db), state


def conflicts(db: Database) -> list[Conflict]:
    """Every conflict kept by a replica."""
    with db.session() as session:
        return list(session.scalars(select(Conflict)))


def send(source: Database, out: Path, peer: str | None = None) -> Path:
    """Export a bundle from `source` (for `peer`, at the centre)."""
    export_bundle(source, out, peer)
    return out


def receive(target: Database, bundle: Path) -> ImportResult:
    """Import a bundle."""
    return import_bundle(target, bundle)


def versions(db: Database, entity: str, record_id: str) -> dict[str, str]:
    """The per-field versions of a record."""
    from app.db.registry import TYPES

    table = TYPES[entity].table
    with db.session() as session:
        raw = session.scalar(select(table.c.versions).where(table.c.id == record_id))
    return json.loads(raw or "{}")
