"""Sync integrity through the command line (issue: restores, dishonest laptops, wild clocks).

Each test drives `python -m app …` on real files of a centre and two laptops made through the
command line (L1 serves district 1, L2 district 2), and checks every replica's
`records export` afterwards. A dishonest laptop is played by writing with its own keys
(which it holds) what the honest program would never write.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.db.database import open_database
from app.db.models import Change, Device
from app.db.registry import TYPES
from app.db.writer import RecordWriter
from app.sync import bundle as bundle_module
from app.sync.bundle import write_bundle
from app.sync.devices import own_keys, public_keys, self_device, the_centre

ROOT = Path(__file__).resolve().parents[2]
CENTRE_PASSWORD = "центр-адмін-пароль"
PASSWORDS = {"centre": CENTRE_PASSWORD, "L1": "ноутбук-один-1", "L2": "ноутбук-два-22"}
D1, D2 = "0190d000-0000-7000-8000-0000000000d1", "0190d000-0000-7000-8000-0000000000d2"
S1, S2 = "0190d000-0000-7000-8000-0000000000e1", "0190d000-0000-7000-8000-0000000000e2"
F1, F2 = "0190d000-0000-7000-8000-0000000000f1", "0190d000-0000-7000-8000-0000000000f2"
REFERENCE = [
    {"type": "district", "id": D1, "name": "Морозівський", "community": "Малинська"},
    {"type": "district", "id": D2, "name": "Любовицький", "community": "Малинська"},
    {"type": "settlement", "id": S1, "name": "с. Морозівка", "district_id": D1},
    {"type": "settlement", "id": S2, "name": "с. Любовичі", "district_id": D2},
    {"type": "family", "id": F1, "settlement_id": S1, "address": "вул. Лісова, 1"},
    {"type": "family", "id": F2, "settlement_id": S2, "address": "вул. Річкова, 2"},
]


def jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


@dataclass
class Net:
    """A centre and two laptops as files in one folder."""

    folder: Path

    def db(self, name: str) -> Path:
        return self.folder / f"{name}.db"

    def run(self, name: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "OPORA_PASSWORD": PASSWORDS[name], "OPORA_LANG": "en"}
        env.pop("OPORA_NEW_PASSWORD", None)
        done = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(self.db(name)), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def ok(self, name: str, *args: str) -> str:
        done = self.run(name, *args)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def export(self, name: str) -> str:
        return self.ok(name, "records", "export")

    def records(self, name: str) -> dict[str, dict[str, Any]]:
        return {r["id"]: r for r in map(json.loads, self.export(name).splitlines())}

    def sync(self, source: str, target: str) -> dict[str, Any]:
        """One bundle from `source` to `target`, imported; returns the import report."""
        bundle = self.folder / f"{source}-{target}-{uuid.uuid4().hex[:6]}.opora"
        peer = ["--for", target] if source == "centre" else []
        self.ok(source, "sync", "export", "--out", str(bundle), *peer)
        return self.import_(target, bundle)

    def import_(self, target: str, bundle: Path) -> dict[str, Any]:
        done = self.run(target, "sync", "import", str(bundle), "--json")
        report = json.loads(done.stdout)["bundles"][0]
        report["exit"] = done.returncode
        report["stderr"] = done.stderr
        return report

    def open(self, name: str) -> Any:
        login = "admin" if name == "centre" else f"user-{name}"
        return open_database(self.db(name), login=login, password=PASSWORDS[name])

    def copy(self, folder: Path) -> Net:
        folder.mkdir()
        for path in self.folder.glob("*.db*"):
            shutil.copyfile(path, folder / path.name)
        return Net(folder)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Net:
    net = Net(tmp_path_factory.mktemp("integrity"))
    init = ("init", "centre", "--name", "ЦНСП", "--admin", "admin", "--no-encryption")
    net.ok("centre", *init)
    net.ok("centre", "records", "import", str(jsonl(net.folder / "ref.jsonl", *REFERENCE)))
    for laptop, district in (("L1", "Морозівський"), ("L2", "Любовицький")):
        enrollment = net.folder / f"{laptop}.enroll"
        env = {**os.environ, "OPORA_PASSWORD": CENTRE_PASSWORD, "OPORA_LANG": "en"}
        env["OPORA_NEW_PASSWORD"] = PASSWORDS[laptop]
        args = ["devices", "enroll", "--name", laptop, "--district", district]
        args += ["--login", f"user-{laptop}", "--out", str(enrollment)]
        subprocess.run(
            [sys.executable, "-m", "app", "--db", str(net.db("centre")), *args],
            check=True,
            capture_output=True,
            env=env,
            cwd=ROOT,
        )
        net.ok(laptop, "init", "field", "--enroll", str(enrollment), "--no-encryption")
        enrollment.unlink()
    return net


@pytest.fixture
def net(template: Net, tmp_path: Path) -> Net:
    return template.copy(tmp_path / "net")


def visit(family: str = F1, purpose: str = "перший візит") -> dict[str, Any]:
    return {
        "type": "visit",
        "id": str(uuid.uuid4()),
        "family_id": family,
        "date": "2026-01-15",
        "purpose": purpose,
    }


def add(net: Net, name: str, *records: dict[str, Any]) -> None:
    net.ok(
        name, "records", "import", str(jsonl(net.folder / f"{uuid.uuid4().hex}.jsonl", *records))
    )


def imports_into_a_fresh_centre(net: Net, folder: Path) -> None:
    """The centre's export, imported into a new centre, is accepted whole: no reference in
    it dangles."""
    fresh = Net(folder)
    fresh.folder.mkdir()
    fresh.ok("centre", "init", "centre", "--name", "Ц", "--admin", "admin", "--no-encryption")
    dump = net.folder / "dump.jsonl"
    dump.write_text(net.export("centre"), encoding="utf-8")
    fresh.ok("centre", "records", "import", str(dump))


def in_scope(net: Net, laptop: str) -> str:
    """The centre's export restricted to what a laptop of district 1 holds."""
    lines = net.export("centre").splitlines()
    keep = [line for line in lines if F2 not in line]
    return "".join(line + "\n" for line in keep)


# -- 1. restores and copies ----------------------------------------------------------------


def test_laptop_restore_gets_back_what_the_backup_lacked(net: Net) -> None:
    backup = net.folder / "l1-backup.db"
    net.ok("L1", "backup", "--out", str(backup))
    a, b = visit(purpose="A"), visit(purpose="B")
    add(net, "L1", a)
    assert net.sync("L1", "centre")["changes"] == 1
    net.ok("L1", "restore", str(backup))
    add(net, "L1", b)
    report = net.sync("L1", "centre")
    assert (report["status"], report["changes"]) == ("applied", 1)
    assert {a["id"], b["id"]} <= set(net.records("centre"))
    assert net.sync("centre", "L1")["status"] == "applied"
    assert {a["id"], b["id"]} <= set(net.records("L1"))
    assert net.export("L1") == in_scope(net, "L1")
    # Later rounds still carry new work.
    c = visit(purpose="C")
    add(net, "L1", c)
    assert net.sync("L1", "centre")["changes"] == 1
    assert c["id"] in net.records("centre")


def test_a_copy_over_the_file_is_refused_loudly_then_heals(net: Net) -> None:
    """A restore behind `restore`'s back (the file overwritten in place, same inode): the
    reused sequence number is refused, never dropped, and the next exchange repairs it."""
    backup = net.folder / "l1-backup.db"
    net.ok("L1", "backup", "--out", str(backup))
    a, b = visit(purpose="A"), visit(purpose="B")
    add(net, "L1", a)
    net.sync("L1", "centre")
    with open(net.db("L1"), "r+b") as target, open(backup, "rb") as source:
        target.truncate(0)
        shutil.copyfileobj(source, target)
    for suffix in ("-wal", "-shm"):
        Path(str(net.db("L1")) + suffix).unlink(missing_ok=True)
    add(net, "L1", b)
    refused = net.sync("L1", "centre")
    assert refused["exit"] == 3 and refused["status"] == "rejected"
    assert "reuses a change number" in refused["error"]
    assert a["id"] in net.records("centre") and b["id"] not in net.records("centre")
    assert net.sync("centre", "L1")["status"] == "applied"  # tells the laptop; it repairs
    assert net.sync("L1", "centre")["status"] == "applied"
    assert net.sync("centre", "L1")["status"] == "applied"
    assert {a["id"], b["id"]} <= set(net.records("centre"))
    assert net.export("L1") == in_scope(net, "L1")


def test_centre_restore_laptops_send_again_what_it_lacks(net: Net) -> None:
    backup = net.folder / "centre-backup.db"
    net.ok("centre", "backup", "--out", str(backup))
    a = visit(purpose="A")
    add(net, "L1", a)
    assert net.sync("L1", "centre")["changes"] == 1
    net.sync("centre", "L1")  # the laptop learns that the centre holds A
    net.ok("centre", "restore", str(backup))
    assert a["id"] not in net.records("centre")
    net.sync("centre", "L1")  # the centre's acknowledgement says what it holds now
    assert net.sync("L1", "centre")["changes"] == 1
    assert a["id"] in net.records("centre")
    add(net, "centre", visit(purpose="після відновлення"))
    net.sync("centre", "L1")
    assert net.export("L1") == in_scope(net, "L1")


# -- 2. what a laptop may change ------------------------------------------------------------


def dishonest_writes(net: Net, laptop: str, edits: list[tuple[str, str, dict[str, Any]]]) -> None:
    """Write edits on a laptop's database directly (the checks of the program bypassed)."""
    db = net.open(laptop)
    with db.session() as session:
        writer = RecordWriter(session, self_device(session).id)
        for type_name, record_id, fields in edits:
            entity = TYPES[type_name]
            table = entity.table
            found = session.execute(select(table).where(table.c.id == record_id)).first()
            writer.write(entity, record_id, fields, dict(found._mapping) if found else None)
        writer.flush()
    db.close()


def test_the_centre_refuses_and_keeps_what_a_laptop_may_not_change(net: Net) -> None:
    before = net.export("centre")
    honest = visit(purpose="чесний")
    add(net, "L1", honest)
    foreign = str(uuid.uuid4())
    dishonest_writes(
        net,
        "L1",
        [
            ("district", D2, {"deleted": True}),  # reference data
            ("settlement", S1, {"district_id": D2}),  # reference data, moved
            ("family", F2, {"deleted": True}),  # another district's family, never held
            ("family", F1, {"settlement_id": S2}),  # moved out of its districts
            ("family", foreign, {"settlement_id": S2, "address": "чужа"}),  # created outside
        ],
    )
    report = net.sync("L1", "centre")
    assert report["exit"] == 0 and report["status"] == "applied" and report["changes"] == 1
    after = net.records("centre")
    assert honest["id"] in after  # the rest of the bundle applies
    assert {D2, S1, F1, F2} <= set(after) and foreign not in after
    assert after[S1]["district_id"] == D1 and after[F1]["settlement_id"] == S1
    assert [line for line in net.export("centre").splitlines() if honest["id"] not in line] == (
        before.splitlines()
    )
    listed = json.loads(net.ok("centre", "conflicts", "list", "--json"))["conflicts"]
    refused = [c for c in listed if c["status"] == "refused"]
    assert {c["record_id"] for c in refused} == {D2, S1, F2, F1, foreign}
    assert all(c["loser_device"] == "L1" for c in refused)
    # Nothing of it reaches the other laptop; the offending one drops or reverts its copies.
    net.sync("centre", "L2")
    assert {D2, S2, F2} <= set(net.records("L2"))
    assert net.sync("centre", "L1")["status"] == "applied"
    l1 = net.records("L1")
    assert foreign not in l1 and l1[F1]["settlement_id"] == S1 and l1[S1]["district_id"] == D1
    assert D2 in l1
    assert net.export("L1") == in_scope(net, "L1")
    # The next rounds carry on: nothing is sent again for ever.
    assert net.sync("L1", "centre")["changes"] == 0


def test_a_laptop_refuses_edits_outside_its_districts(net: Net) -> None:
    before = net.export("L1")
    for record in (
        {"type": "family", "id": str(uuid.uuid4()), "settlement_id": S2},
        {"type": "family", "id": F1, "settlement_id": S2},
        {"type": "settlement", "id": S1, "name": "інша назва"},
        {"type": "district", "id": D1, "deleted": True},
    ):
        done = net.run("L1", "records", "import", str(jsonl(net.folder / "x.jsonl", record)))
        assert done.returncode == 5, (record, done.stderr)
    assert net.export("L1") == before


# -- 3. origin and ranges -------------------------------------------------------------------


def forge(
    net: Net,
    laptop: str,
    lines: list[dict[str, Any]],
    ranges: dict[str, list[int]],
    out: Path,
    extra: dict[str, Any] | None = None,
) -> Path:
    """A bundle signed with a laptop's own keys, with whatever content it likes."""
    db = net.open(laptop)
    with db.session() as session:
        me, centre = self_device(session), the_centre(session)
        write_bundle(
            out,
            sender=me.id,
            sender_keys=own_keys(me),
            recipient=centre.id,
            recipients={centre.id: public_keys(centre)},
            schema=_head(),
            app_version="0",
            lines=lines,
            ranges=ranges,
            ack={},
            extra={"actors": [me.id], **(extra or {})},
        )
    db.close()
    return out


def _head() -> str:
    from app.db.migrate import head_revision

    return head_revision()


def device_id(net: Net, name: str) -> str:
    db = net.open("centre")
    with db.session() as session:
        found = session.scalar(select(Device.id).where(Device.name == name))
    db.close()
    return str(found)


def change(
    origin: str, seq: int, entity: str, record: str, data: dict[str, Any], hlc: str = ""
) -> dict[str, Any]:
    stamp = hlc or f"{time.time_ns() // 1_000_000:012x}{seq:04x}"
    return {
        "o": origin,
        "s": seq,
        "h": stamp,
        "e": entity,
        "r": record,
        "d": json.dumps(data, ensure_ascii=False),
        "b": "{}",
    }


def test_origin_must_be_the_signer_and_ranges_match_the_content(net: Net) -> None:
    l1, l2 = device_id(net, "L1"), device_id(net, "L2")
    before = net.export("centre")
    fake = visit(family=F2)
    fields = {k: v for k, v in fake.items() if k not in ("type", "id")}
    forged = forge(
        net,
        "L1",
        [change(l2, 1, "visit", fake["id"], fields)],
        {l2: [1, 10**9]},
        net.folder / "forged.opora",
    )
    report = net.import_("centre", forged)
    assert report["exit"] == 3 and "another device" in report["error"]
    mine = visit()
    fields = {k: v for k, v in mine.items() if k not in ("type", "id")}
    wide = forge(
        net,
        "L1",
        [change(l1, 1, "visit", mine["id"], fields)],
        {l1: [1, 10**9]},
        net.folder / "wide.opora",
    )
    report = net.import_("centre", wide)
    assert report["exit"] == 3 and "ranges" in report["error"]
    assert net.export("centre") == before
    # L2's own later work is still applied, none of it "already held".
    own = visit(family=F2, purpose="справжній")
    add(net, "L2", own)
    assert net.sync("L2", "centre")["changes"] == 1
    assert own["id"] in net.records("centre")


# -- 4. values ------------------------------------------------------------------------------


INVALID = [
    ("family", {"on_record_from": "not-a-date"}, "on_record_from"),
    ("family", {"address": {"nested": 1}}, "address"),
    ("family", {"categories": ["telepathy"]}, "categories"),
    ("family", {"notes": "я" * 20_001}, "notes"),
    ("person", {"family_id": F1, "surname": None, "given_name": "Олена"}, "surname"),
    ("family", {"deleted": None}, "deleted"),
    ("visit", {"family_id": str(uuid.uuid4()), "date": "2026-01-01"}, "family_id"),
    ("service", {"family_id": F1, "service_code": "999.9", "date": "2026-01-01"}, "service_code"),
    (
        "service",
        {"family_id": F1, "service_code": "001.0", "date": "2026-01-01", "minutes": "lots"},
        "minutes",
    ),
    (
        "service",
        {"family_id": F1, "service_code": "001.0", "date": "2026-01-01", "form": "telepathy"},
        "form",
    ),
]


def test_invalid_values_reject_the_bundle_naming_record_and_field(net: Net) -> None:
    l1 = device_id(net, "L1")
    before = net.export("centre")
    for n, (entity, data, field) in enumerate(INVALID):
        record = F1 if entity == "family" else str(uuid.uuid4())
        lines = [change(l1, 1, entity, record, data)]
        bundle = forge(net, "L1", lines, {l1: [1, 1]}, net.folder / f"bad{n}.opora")
        report = net.import_("centre", bundle)
        assert report["exit"] == 3 and report["status"] == "rejected", field
        assert record in report["error"] and f"«{field}»" in report["error"], report["error"]
    assert net.export("centre") == before  # and it still re-imports whole
    net.ok(
        "centre",
        "records",
        "import",
        str(jsonl(net.folder / "re.jsonl", *map(json.loads, before.splitlines()))),
    )


# -- 5. clocks ------------------------------------------------------------------------------


@pytest.mark.parametrize("stamp", ["ffffffffffffffff", "far"])
def test_a_far_future_stamp_is_held_never_stored_and_the_laptop_warned(
    net: Net, stamp: str
) -> None:
    if stamp == "far":
        stamp = f"{time.time_ns() // 1_000_000 + 90 * 86_400_000:012x}0000"
    honest = visit(purpose="вчасно")
    add(net, "L1", honest)
    late = visit(purpose="з майбутнього")
    add(net, "L1", late)
    db = net.open("L1")  # the laptop's clock ran ahead for its second visit
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE changes SET hlc = ? WHERE record_id = ?", (stamp, late["id"])
        )
    db.close()
    report = net.sync("L1", "centre")
    assert report["exit"] == 0 and report["changes"] == 1
    centre = net.records("centre")
    assert honest["id"] in centre and late["id"] not in centre  # held, not applied
    listed = json.loads(net.ok("centre", "conflicts", "list", "--json"))["conflicts"]
    assert {c["record_id"] for c in listed if c["status"] == "refused"} == {late["id"]}
    db = net.open("centre")
    with db.session() as session:
        assert all(len(h) == 16 and h < stamp for h in session.scalars(select(Change.hlc)))
    db.close()
    # The centre's later bundles stay acceptable everywhere.
    add(net, "centre", visit(purpose="центр"), visit(family=F2, purpose="центр"))
    assert net.sync("centre", "L2")["exit"] == 0
    assert net.sync("centre", "L1")["exit"] == 0
    warned = net.run("L1", "records", "import", str(jsonl(net.folder / "v.jsonl", visit())))
    assert "date and time" in warned.stderr
    # Taking the held value applies it as the centre's own change.
    [held] = [c for c in listed if c["status"] == "refused" and c["field"] == "purpose"]
    net.ok("centre", "conflicts", "resolve", held["id"], "--take", "loser")
    taken = net.records("centre")[late["id"]]
    assert (taken["purpose"], taken["family_id"]) == (late["purpose"], F1)
    listed = json.loads(net.ok("centre", "conflicts", "list", "--json"))["conflicts"]
    assert not [c for c in listed if c["status"] == "refused"]  # the change decided whole


# -- 6. delete against a new child ----------------------------------------------------------


def test_delete_against_a_concurrent_new_child_keeps_a_conflict_and_no_dangling_reference(
    net: Net, tmp_path: Path
) -> None:
    net.ok(
        "L1",
        "records",
        "import",
        str(jsonl(net.folder / "d.jsonl", {"type": "family", "id": F1, "deleted": True})),
    )
    child = visit(purpose="додано в центрі")
    add(net, "centre", child)
    assert net.sync("L1", "centre")["exit"] == 0
    assert net.sync("centre", "L1")["exit"] == 0
    for name in ("centre", "L1"):
        records = net.records(name)
        assert F1 not in records
        assert all(r.get("family_id") in (None, *records) for r in records.values())
    listed = json.loads(net.ok("centre", "conflicts", "list", "--json"))["conflicts"]
    assert any(c["record_id"] == child["id"] and c["field"] == "deleted" for c in listed)
    assert net.export("L1") == in_scope(net, "L1")
    imports_into_a_fresh_centre(net, tmp_path / "fresh")


def test_keeping_a_new_child_of_a_deleted_family_brings_the_family_back(
    net: Net, tmp_path: Path
) -> None:
    """The centre deleted a family while a laptop added a visit to it; resolving the visit's
    conflict with `--take loser` brought the visit back under a deleted family: an export
    with a dangling reference, and the laptop's next round deleted the visit again."""
    add(net, "centre", {"type": "family", "id": F1, "deleted": True})
    child = visit(purpose="додано на ноутбуці")
    add(net, "L1", child)
    assert net.sync("L1", "centre")["exit"] == 0
    listed = json.loads(net.ok("centre", "conflicts", "list", "--json"))["conflicts"]
    [conflict] = [c for c in listed if c["record_id"] == child["id"] and c["field"] == "deleted"]
    net.ok("centre", "conflicts", "resolve", conflict["id"], "--take", "loser")
    records = net.records("centre")
    assert child["id"] in records and F1 in records  # the visit, and the family it names
    for _ in range(2):
        assert net.sync("centre", "L1")["exit"] == 0
        assert net.sync("L1", "centre")["exit"] == 0
    for name in ("centre", "L1"):
        records = net.records(name)
        assert child["id"] in records and F1 in records, name
    listed = json.loads(net.ok("centre", "conflicts", "list", "--json"))["conflicts"]
    assert not [c for c in listed if c["status"] == "open" and c["record_id"] == child["id"]]
    imports_into_a_fresh_centre(net, tmp_path / "fresh")


# -- 7. limits ------------------------------------------------------------------------------


def test_records_import_enforces_the_field_limits_a_peer_enforces(net: Net) -> None:
    before = net.export("L1")
    long_note = {"type": "family", "id": F1, "notes": "я" * 20_001}
    done = net.run("L1", "records", "import", str(jsonl(net.folder / "n.jsonl", long_note)))
    assert done.returncode == 2 and "notes" in done.stderr
    many = {"type": "family", "id": F1, "categories": ["idp"] * 65}
    done = net.run("L1", "records", "import", str(jsonl(net.folder / "m.jsonl", many)))
    assert done.returncode == 2 and "categories" in done.stderr
    assert net.export("L1") == before


def _raw_bundle(
    net: Net, out: Path, pieces: Iterator[bytes], monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A bundle signed by L1 whose payload is the given plain bytes, compressed as it streams."""

    def chunks(_lines: Any, counter: list[int]) -> Iterator[bytes]:
        counter[0] = 1
        compressor = __import__("zlib").compressobj(9)
        for piece in pieces:
            if data := compressor.compress(piece):
                yield data
        yield compressor.flush()

    monkeypatch.setattr(bundle_module, "_compressed_chunks", chunks)
    l1 = device_id(net, "L1")
    return forge(net, "L1", [], {l1: [1, 1]}, out)


def _peak_import_mb(net: Net, bundle: Path) -> tuple[int, float, str]:
    """Exit code, peak resident memory (MB) and stderr of `sync import` in its own process."""
    probe = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(done.returncode, peak)\n"
        "sys.stderr.write(done.stderr)\n"
    )
    env = {**os.environ, "OPORA_PASSWORD": PASSWORDS["centre"], "OPORA_LANG": "en"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            probe,
            sys.executable,
            "-m",
            "app",
            "--db",
            str(net.db("centre")),
            "sync",
            "import",
            str(bundle),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    code, peak = done.stdout.split()
    return int(code), float(peak), done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["bomb", "line"])
def test_a_bomb_or_a_200_mb_line_is_rejected_in_bounded_memory(
    net: Net, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if kind == "bomb":  # 1 GB of zeros, about a megabyte compressed
        pieces = (bytes(1 << 20) for _ in range(1024))
    else:  # one 200 MB line: a change whose note is 200 MB
        head = b'{"o":"x","s":1,"h":"0","e":"family","r":"x","b":"{}","d":"'
        pieces = iter([head, *(b"a" * (1 << 20) for _ in range(200)), b'"}\n'])
    bundle = _raw_bundle(net, net.folder / f"{kind}.opora", pieces, monkeypatch)
    assert bundle.stat().st_size < 4 << 20
    before = net.export("centre")
    code, peak_mb, stderr = _peak_import_mb(net, bundle)
    assert code == 3 and "Traceback" not in stderr
    assert peak_mb <= 400, peak_mb
    assert net.export("centre") == before
