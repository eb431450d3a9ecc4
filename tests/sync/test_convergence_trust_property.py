"""Invariants 1, 2 and 6 under restores, oversteps and forgeries: the random work of
test_convergence_property, with replicas rolled back to an earlier backup at random points
(through `restore`'s file replacement or overwritten in place), laptops writing reference data
they may not change, and laptops signing changes under another device's name. After full
exchanges every replica's `records export` is identical, every log holds the same honest
changes, no refused change is applied anywhere, and no honest change the centre held is lost."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.db.backups import backup_file
from app.db.migrate import head_revision
from app.db.models import Conflict
from app.db.registry import TYPES
from app.db.writer import RecordWriter
from app.sync.bundle import write_bundle
from app.sync.devices import own_keys, public_keys, self_device, the_centre
from app.sync.exchange import APPLIED, REJECTED
from tests.sync.network import ALL, SETTLEMENTS, Network, build_network, export_text
from tests.sync.test_convergence_property import (
    REPLICAS,
    Scenario,
    assert_nothing_lost,
    log_of,
    operation,
    receive,
)

replica = st.integers(0, len(REPLICAS) - 1)
laptop = st.integers(1, len(REPLICAS) - 1)
hostile = st.one_of(
    operation,
    st.tuples(st.just("backup"), replica),
    st.tuples(st.just("restore"), st.integers(0, 20), st.booleans()),
    st.tuples(st.just("overstep"), laptop, st.integers(0, 1)),
    st.tuples(st.just("forge"), laptop, st.integers(1, 2)),
)


class HostileScenario(Scenario):
    """The random work, plus backups and restores, oversteps and forgeries."""

    def __init__(self, network: Network) -> None:
        super().__init__(network, fast=True)
        self.backups: list[tuple[str, Path]] = []
        self.refusals: list[str | None] = []

    def run(self, op: tuple) -> None:
        kind = op[0]
        if kind == "backup":
            name = REPLICAS[op[1]]
            path = self.network.folder / f"{name}-{uuid.uuid4().hex}.bak"
            backup_file(self.dbs[name], path)
            self.backups.append((name, path))
        elif kind == "restore" and self.backups:
            name, path = self.backups[op[1] % len(self.backups)]
            self.dbs[name].close()
            target = self.network.path(name)
            for suffix in ("-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            if op[2]:  # overwritten in place: the same file, the same inode
                with open(target, "r+b") as out, open(path, "rb") as source:
                    out.truncate(0)
                    shutil.copyfileobj(source, out)
            else:  # replaced, as `restore` does (its explicit new epoch aside)
                staging = target.with_name(f".{target.name}.restore")
                shutil.copyfile(path, staging)
                os.replace(staging, target)
            self.dbs[name] = self.network.open(name, fast=True)
        elif kind == "sync":
            name = REPLICAS[op[1]]
            if name != "centre":
                _, bundle = self.export(name, "centre")
                result = receive(self.dbs["centre"], bundle)
                assert result.status == APPLIED or result.reason == "reused-seq", result
                _, bundle = self.export("centre", name)
                assert receive(self.dbs[name], bundle).status == APPLIED
        elif kind == "deliver" and self.mail:
            target, bundle = self.mail[op[1] % len(self.mail)]
            result = receive(self.dbs[target], bundle)
            assert result.status != REJECTED or result.reason == "reused-seq", result
        elif kind == "overstep":
            self.overstep(REPLICAS[op[1]], op[2])
        elif kind == "forge":
            self.forge(REPLICAS[op[1]], REPLICAS[(op[1] - 1 + op[2]) % 3 + 1])  # another one
        else:
            super().run(op)

    def overstep(self, name: str, which: int) -> None:
        """A laptop writes reference data (which only the centre may change)."""
        settlement, _, _ = SETTLEMENTS[which]
        with self.dbs[name].session() as session:
            entity = TYPES["settlement"]
            found = session.execute(select(entity.table).where(entity.table.c.id == settlement))
            current = dict(found.first()._mapping)
            writer = RecordWriter(session, self_device(session).id)
            writer.write(entity, settlement, {"name": f"захоплено {name}"}, current)
            writer.flush()

    def forge(self, name: str, victim: str) -> None:
        """A laptop signs a change claiming another device as its origin: refused whole."""
        with self.dbs[victim].session() as session:
            victim_id = self_device(session).id
        path = self.network.folder / f"forged-{uuid.uuid4().hex}.opora"
        with self.dbs[name].session() as session:
            me, centre = self_device(session), the_centre(session)
            data = json.dumps({"name": "підробка"}, ensure_ascii=False)
            line = {"o": victim_id, "s": 1, "h": "0" * 16, "e": "settlement"}
            line.update(r=SETTLEMENTS[0][0], d=data, b="{}")
            write_bundle(
                path,
                sender=me.id,
                sender_keys=own_keys(me),
                recipient=centre.id,
                recipients={centre.id: public_keys(centre)},
                schema=head_revision(),
                app_version="0",
                lines=[line],
                ranges={victim_id: [1, 1]},
                extra={"actors": [me.id]},
            )
        assert receive(self.dbs["centre"], path).status == REJECTED

    def exchange_round(self) -> None:
        """Every laptop to the centre, then the centre to every laptop. A laptop overwritten
        in place is refused loudly once (a reused number), and repaired by the centre's reply."""
        for name in REPLICAS[1:]:
            _, bundle = self.export(name, "centre")
            result = receive(self.dbs["centre"], bundle)
            assert result.status == APPLIED or result.reason == "reused-seq", result
            self.refusals.append(result.reason)
        for name in REPLICAS[1:]:
            _, bundle = self.export("centre", name)
            result = receive(self.dbs[name], bundle)
            assert result.status == APPLIED, result


def check(scenario: HostileScenario, reference: str) -> None:
    for _ in range(3):
        scenario.exchange_round()
    exports = {name: export_text(db) for name, db in scenario.dbs.items()}
    assert len(set(exports.values())) == 1, "replicas differ after full exchanges"
    centre = scenario.dbs["centre"]
    with centre.session() as session:
        refused = {
            c.loser_version for c in session.scalars(select(Conflict)) if c.status == "refused"
        }
    logs = {
        name: [row for row in log_of(db) if f"{row[2]}/{row[0]}" not in refused]
        for name, db in scenario.dbs.items()
    }
    assert all(log == logs["centre"] for log in logs.values()), "logs differ"
    # Nothing applied out of scope: the reference data is the centre's own.
    assert reference_lines(exports["centre"]) == reference
    assert_nothing_lost(centre)


def reference_lines(export: str) -> str:
    return "".join(line + "\n" for line in export.splitlines() if '"type": "settlement"' in line)


@pytest.fixture(scope="module")
def hostile_network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    # Every laptop serves both districts: its oversteps are writes of reference data.
    return build_network(
        tmp_path_factory.mktemp("hostile"), {"L1": ALL, "L2": ALL, "L3": ALL}, families=2
    )


SUPPRESS = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=SUPPRESS)
@given(ops=st.lists(hostile, min_size=2, max_size=16))
def test_replicas_converge_through_restores_oversteps_and_forgeries(
    hostile_network: Network, tmp_path: Path, ops: list[tuple]
) -> None:
    work = tmp_path / uuid.uuid4().hex
    scenario = HostileScenario(hostile_network.copy(work))
    reference = reference_lines(export_text(scenario.dbs["centre"]))
    try:
        for op in ops:
            scenario.run(op)
        check(scenario, reference)
    finally:
        scenario.close()
        shutil.rmtree(work, ignore_errors=True)


def test_a_laptop_restored_in_place_and_overstepping_converges(
    hostile_network: Network, tmp_path: Path
) -> None:
    """One fixed path through the worst of it (fast, always run)."""
    ops = [
        ("backup", 1),
        ("edit", 1, 0, 0, "Ґанна"),
        ("sync", 1),
        ("restore", 0, True),
        ("edit", 1, 1, 0, "Єва"),
        ("overstep", 1, 0),
        ("forge", 2, 1),
        ("edit", 0, 0, 1, "Ї"),
    ]
    work = tmp_path / "work"
    scenario = HostileScenario(hostile_network.copy(work))
    reference = reference_lines(export_text(scenario.dbs["centre"]))
    try:
        for op in ops:
            scenario.run(op)
        check(scenario, reference)
        assert scenario.refusals.count("reused-seq") == 1  # loud once, then repaired
    finally:
        scenario.close()
