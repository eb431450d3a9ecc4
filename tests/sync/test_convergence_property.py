"""Invariants 1 and 2 under random work: a centre and three laptops edit the same and
different fields, create and delete records, and exchange bundles that arrive in random
order, twice, or never (then the next bundle heals them). After one full exchange every
replica's `records export` is byte-identical, every replica holds the same change log, and
every value ever written is current, consciously overwritten, or in the centre's conflict
log."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.db.database import Database
from app.db.models import Change, Conflict
from app.db.registry import TYPES
from app.db.writer import json_value
from app.errors import ValidationError
from app.services.records import RecordService
from app.sync.exchange import ALREADY_APPLIED, APPLIED
from tests.sync.network import (
    ALL,
    SETTLEMENTS,
    Network,
    build_network,
    export_text,
    receive,
    send,
)

REPLICAS = ["centre", "L1", "L2", "L3"]
FIELDS = {"family": ["address", "notes", "specialist"], "person": ["surname", "notes"]}
VALUES = ["Ґанна", "Єва", "Ї"]

replica = st.integers(0, len(REPLICAS) - 1)
operation = st.one_of(
    st.tuples(st.just("family"), replica, st.integers(0, 1)),
    st.tuples(st.just("person"), replica, st.integers(0, 50)),
    st.tuples(
        st.just("edit"), replica, st.integers(0, 50), st.integers(0, 2), st.sampled_from(VALUES)
    ),
    st.tuples(st.just("delete"), replica, st.integers(0, 50)),
    st.tuples(st.just("export"), replica, st.integers(1, 3)),
    st.tuples(st.just("deliver"), st.integers(0, 50)),
    st.tuples(st.just("deliver"), st.integers(0, 50)),
)


class Scenario:
    """Replicas, the records created so far, and the bundles in flight."""

    def __init__(self, network: Network, fast: bool) -> None:
        self.network = network
        self.dbs: dict[str, Database] = {n: network.open(n, fast=fast) for n in REPLICAS}
        # The centre's families and persons, which every laptop holds from its enrollment:
        # edits of them on different replicas are concurrent until a bundle passes.
        self.records: list[tuple[str, str]] = []
        with self.dbs["centre"].session() as session:
            for name in ("family", "person"):
                table = TYPES[name].table
                ids = session.scalars(select(table.c.id).order_by(table.c.id))
                self.records += [(name, record_id) for record_id in ids]
        self.mail: list[tuple[str, Path]] = []

    def close(self) -> None:
        for db in self.dbs.values():
            db.close()

    def run(self, op: tuple) -> None:
        kind = op[0]
        try:
            if kind == "family":
                db = self.dbs[REPLICAS[op[1]]]
                fields = {"settlement_id": SETTLEMENTS[op[2]][0], "address": "нова"}
                self.records.append(("family", RecordService(db).save("family", None, fields)))
            elif kind == "person":
                families = [r for r in self.records if r[0] == "family"]
                if families:
                    family = families[op[2] % len(families)][1]
                    db = self.dbs[REPLICAS[op[1]]]
                    fields = {"family_id": family, "surname": "Мар'ян", "given_name": "Ія"}
                    self.records.append(("person", RecordService(db).save("person", None, fields)))
            elif kind == "edit" and self.records:
                entity, record_id = self.records[op[2] % len(self.records)]
                service = RecordService(self.dbs[REPLICAS[op[1]]])
                if service.get(entity, record_id) is not None:
                    field = FIELDS[entity][op[3] % len(FIELDS[entity])]
                    service.save(entity, record_id, {field: op[4]})
            elif kind == "delete" and self.records:
                entity, record_id = self.records[op[2] % len(self.records)]
                service = RecordService(self.dbs[REPLICAS[op[1]]])
                if service.get(entity, record_id) is not None:
                    service.delete(entity, record_id)
            elif kind == "export":
                self.export(REPLICAS[op[1]], REPLICAS[op[2]])
            elif kind == "sync":
                laptop = REPLICAS[op[1]]
                for source, peer in ((laptop, "centre"), ("centre", laptop)):
                    target, bundle = self.export(source, peer)
                    assert receive(self.dbs[target], bundle).status == APPLIED
            elif kind == "deliver" and self.mail:
                target, bundle = self.mail[op[1] % len(self.mail)]
                result = receive(self.dbs[target], bundle)
                assert result.status in (APPLIED, ALREADY_APPLIED), result
        except ValidationError:
            pass  # e.g. deleting a family that still has persons: refused, nothing written

    def export(self, source: str, peer: str) -> tuple[str, Path]:
        if source != "centre":
            peer = "centre"
        path = self.network.folder / f"{uuid.uuid4()}.opora"
        send(self.dbs[source], path, None if source != "centre" else peer)
        self.mail.append((peer, path))
        return peer, path

    def full_exchange(self) -> None:
        for laptop in REPLICAS[1:]:
            _, bundle = self.export(laptop, "centre")
            assert receive(self.dbs["centre"], bundle).status == APPLIED
        for laptop in REPLICAS[1:]:
            _, bundle = self.export("centre", laptop)
            assert receive(self.dbs[laptop], bundle).status == APPLIED


def log_of(db: Database) -> list[tuple]:
    with db.session() as session:
        query = select(Change.__table__).order_by(Change.origin, Change.seq)
        return [tuple(row) for row in session.execute(query)]


def assert_nothing_lost(centre: Database) -> None:
    """Every value written anywhere is current, was seen and overwritten by a later write
    (it is some change's base), or is one side of a conflict the centre kept."""
    log = log_of(centre)
    seen = set()
    for _, _, _, _, record_id, _, bases in log:
        seen |= {(record_id, f, v) for f, v in json.loads(bases).items()}
    with centre.session() as session:
        kept = {
            (c.record_id, v)
            for c in session.scalars(select(Conflict))
            for v in (c.winner_version, c.loser_version)
        }
        rows = {}
        for name in ("family", "person", "district", "settlement", "ref_entry"):
            entity = TYPES[name]
            for row in session.execute(select(entity.table)):
                values = row._mapping
                rows[values["id"]] = (
                    {f: json_value(values[f]) for f in (*entity.field_names, "deleted")},
                    json.loads(values["versions"]),
                )
    for origin, _, hlc, _, record_id, data, _ in log:
        version = f"{hlc}/{origin}"
        current, versions = rows[record_id]
        for field, value in json.loads(data).items():
            if (record_id, field, version) in seen or (record_id, version) in kept:
                continue
            # A deleted record's other fields are out of sight: an edit there counts as
            # current only if the delete had seen it (then it is a base, above).
            visible = not current["deleted"] or field == "deleted"
            assert visible and (versions.get(field) == version or current[field] == value), (
                f"lost: {record_id} {field}={value!r} @ {version}"
            )


def check(scenario: Scenario) -> None:
    scenario.full_exchange()
    exports = {name: export_text(db) for name, db in scenario.dbs.items()}
    assert len(set(exports.values())) == 1, "replicas differ after a full exchange"
    logs = {name: log_of(db) for name, db in scenario.dbs.items()}
    assert all(log == logs["centre"] for log in logs.values())
    assert_nothing_lost(scenario.dbs["centre"])


@pytest.fixture(scope="module")
def plain_network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    return build_network(
        tmp_path_factory.mktemp("plain"), {"L1": ALL, "L2": ALL, "L3": ALL}, families=2
    )


@pytest.fixture(scope="module")
def encrypted_network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    return build_network(
        tmp_path_factory.mktemp("enc"),
        {"L1": ALL, "L2": ALL, "L3": ALL},
        encrypted=True,
        families=2,
    )


def _run(template: Network, folder: Path, ops: list[tuple], fast: bool) -> None:
    work = folder / uuid.uuid4().hex
    scenario = Scenario(template.copy(work), fast)
    try:
        for op in ops:
            scenario.run(op)
        check(scenario)
    finally:
        scenario.close()
        shutil.rmtree(work, ignore_errors=True)


SUPPRESS = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


# Derandomized: the same 200 histories every run, so CI is not a lottery (600 random
# histories once found the case kept as its own test below).
@pytest.mark.slow  # ~150 s: 200 histories; a quick run leaves it out (-m "not slow")
@settings(max_examples=200, deadline=None, suppress_health_check=SUPPRESS, derandomize=True)
@given(ops=st.lists(operation, min_size=1, max_size=14))
def test_replicas_converge_and_keep_every_value(
    plain_network: Network, tmp_path: Path, ops: list[tuple]
) -> None:
    _run(plain_network, tmp_path, ops, fast=True)


@settings(max_examples=5, deadline=None, suppress_health_check=SUPPRESS)
@given(ops=st.lists(operation, min_size=6, max_size=14))
def test_encrypted_replicas_converge(
    encrypted_network: Network, tmp_path: Path, ops: list[tuple]
) -> None:
    _run(encrypted_network, tmp_path, ops, fast=False)


def test_three_way_concurrent_edit_keeps_every_loser(
    plain_network: Network, tmp_path: Path
) -> None:
    ops = [("edit", i, 0, 0, v) for i, v in ((1, "Ґанна"), (2, "Єва"), (3, "Ї"))]
    _run(plain_network, tmp_path, ops, fast=True)


def test_equal_concurrent_edits_then_a_concurrent_delete_keep_both_versions(
    plain_network: Network, tmp_path: Path
) -> None:
    """Found with 600 random histories: L3 deletes a family (its person with it) while L1 and
    L2 each set the person's surname to «Єва»."""
    ops = [
        ("delete", 0, 44),
        ("delete", 3, 17),
        ("family", 0, 0),
        ("person", 3, 1),
        ("family", 0, 0),
        ("person", 3, 37),
        ("edit", 1, 39, 2, "Єва"),
        ("export", 3, 3),
        ("export", 3, 3),
        ("edit", 2, 27, 0, "Єва"),
    ]
    _run(plain_network, tmp_path, ops, fast=True)
