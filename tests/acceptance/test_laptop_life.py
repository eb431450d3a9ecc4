"""The life of a laptop and its accounts through the command line and real bundles: a
forgotten password (the centre issues a file sealed with the new password; the laptop takes
it without signing in, and no unsent work is lost), a second account on a shared laptop, a
change of the laptop's districts, and erasure of a family for good."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.conftest import (
    copy_db,
    opora,
    sample_records,
    uid,
    ukrainian,
    write_lines,
)

OLD = "старий-пароль-ноутбука"
NEW = "новий пароль від центру"
SECOND = "пароль другої фахівчині"
SETTLEMENT = uid("settlement:Морозівка")
UNSENT = "0190a000-0000-7000-8000-0000000000a1"


def centre_op(db: Path, *args: Any, new: str | None = None, **kwargs: Any) -> Any:
    env = {"OPORA_NEW_PASSWORD": new} if new else None
    return opora(*args, db=db, user="admin", env=env, **kwargs)


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A plain centre and an encrypted laptop «L1» (account petro) enrolled from it, holding
    one family it has not sent yet."""
    folder = tmp_path_factory.mktemp("recovery")
    centre = folder / "centre.db"
    done = opora(
        "init", "centre", "--name", "ЦНСП", "--admin", "admin", "--no-encryption", db=centre
    )
    assert done.code == 0, str(done)
    done = centre_op(centre, "records", "import", write_lines(folder / "s.jsonl", sample_records()))
    assert done.code == 0, str(done)
    for name, login in (("L1", "petro"), ("L2", "maria")):
        done = centre_op(
            centre,
            *("devices", "enroll", "--name", name, "--district", "Морозівський"),
            *("--login", login, "--out", folder / f"{name}.enroll"),
            new=OLD,
        )
        assert done.code == 0, str(done)
    laptop = folder / "L1.db"
    done = opora("init", "field", "--enroll", folder / "L1.enroll", db=laptop, password=OLD)
    assert done.code == 0, str(done)
    assert (folder / "L1.db.keys").exists()  # encrypted
    family = {"type": "family", "id": UNSENT, "settlement_id": SETTLEMENT, "address": "вул. Нова"}
    done = opora(
        "records", "import", write_lines(folder / "f.jsonl", [family]), db=laptop, password=OLD
    )
    assert done.code == 0, str(done)
    return centre, laptop


def test_a_recovery_file_sets_a_new_password_and_keeps_unsent_work(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    centre, source = enrolled
    laptop = Path(copy_db(source, tmp_path / "L1.db"))
    recovery = tmp_path / "petro.recovery"
    done = centre_op(centre, "devices", "recovery", "L1", "--out", recovery, new=NEW)
    assert done.code == 0, str(done)
    assert recovery.stat().st_mode & 0o077 == 0
    # the new password does not open the laptop until the file is taken
    assert opora("records", "export", db=laptop, password=NEW).code == 4
    done = opora("accounts", "recover", "--file", recovery, db=laptop, password=NEW)
    assert done.code == 0, str(done)
    assert ukrainian(done.err)
    assert opora("records", "export", db=laptop, password=OLD).code == 4
    lines = opora("records", "export", db=laptop, password=NEW)
    assert lines.code == 0, str(lines)
    assert UNSENT in lines.out  # nothing lost
    # the unsent work still reaches the centre
    bundle = tmp_path / "up.opora"
    assert opora("sync", "export", "--out", bundle, db=laptop, password=NEW).code == 0
    assert centre_op(Path(copy_db(centre, tmp_path / "c.db")), "sync", "import", bundle).code == 0
    assert UNSENT in centre_op(tmp_path / "c.db", "records", "export").out


@pytest.mark.slow
def test_a_wrong_or_foreign_recovery_file_changes_nothing(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    centre, source = enrolled
    laptop = Path(copy_db(source, tmp_path / "L1.db"))
    keys = (tmp_path / "L1.db.keys").read_bytes()
    foreign = tmp_path / "maria.recovery"
    done = centre_op(centre, "devices", "recovery", "L2", "--out", foreign, new=NEW)
    assert done.code == 0, str(done)
    wrong = opora("accounts", "recover", "--file", foreign, db=laptop, password=NEW)
    assert wrong.code == 2, str(wrong)
    assert ukrainian(wrong.err)
    mine = tmp_path / "petro.recovery"
    assert centre_op(centre, "devices", "recovery", "L1", "--out", mine, new=NEW).code == 0
    bad_password = opora("accounts", "recover", "--file", mine, db=laptop, password=OLD)
    assert bad_password.code == 4, str(bad_password)
    assert (tmp_path / "L1.db.keys").read_bytes() == keys
    assert opora("records", "export", db=laptop, password=OLD).code == 0
    # a weak new password is refused at the centre, and no file is written
    weak = tmp_path / "weak.recovery"
    done = centre_op(centre, "devices", "recovery", "L1", "--out", weak, new="1234567890")
    assert done.code == 2 and not weak.exists(), str(done)
    # only an admin issues one
    done = opora(
        *("devices", "recovery", "L1", "--out", weak),
        db=centre,
        user="petro",
        env={"OPORA_NEW_PASSWORD": NEW},
    )
    assert done.code in (4, 5) and not weak.exists(), str(done)


@pytest.mark.slow
def test_a_second_account_on_a_shared_laptop(enrolled: tuple[Path, Path], tmp_path: Path) -> None:
    centre_source, source = enrolled
    centre = Path(copy_db(centre_source, tmp_path / "centre.db"))
    laptop = Path(copy_db(source, tmp_path / "L1.db"))
    account = tmp_path / "olena.account"
    done = centre_op(
        centre,
        *("accounts", "add", "olena", "--role", "specialist", "--name", "Олена Коваль"),
        *("--device", "L1", "--out", account),
        new=SECOND,
    )
    assert done.code == 0, str(done)
    listed = centre_op(centre, "accounts", "list", "--json")
    accounts = {a["login"]: a for a in json.loads(listed.out)["accounts"]}
    # a laptop's specialists work in the laptop's districts, and are listed with them
    assert accounts["olena"]["districts"] == ["Морозівський"]
    assert accounts["petro"]["districts"] == ["Морозівський"]
    assert accounts["admin"]["districts"] == []
    # the account signs in on the laptop, never at the centre
    assert opora("records", "export", db=centre, user="olena", password=SECOND).code == 4
    done = opora("accounts", "join", "--file", account, db=laptop, password=SECOND)
    assert done.code == 0, str(done)
    for user, password in (("olena", SECOND), ("petro", OLD)):
        assert opora("records", "export", db=laptop, user=user, password=password).code == 0
    # a restricted family whose responsible is olena now travels to L1 and shows to her only
    restricted = {
        "type": "family",
        "id": "0190a000-0000-7000-8000-0000000000b2",
        "settlement_id": SETTLEMENT,
        "restricted": True,
        "responsible": "olena",
    }
    assert (
        centre_op(centre, "records", "import", write_lines(tmp_path / "r.jsonl", [restricted])).code
        == 0
    )
    down = tmp_path / "down.opora"
    assert centre_op(centre, "sync", "export", "--for", "L1", "--out", down).code == 0
    assert opora("sync", "import", down, db=laptop, user="petro", password=OLD).code == 0
    seen = opora("records", "export", db=laptop, user="olena", password=SECOND)
    assert restricted["id"] in seen.out
    unseen = opora("records", "export", db=laptop, user="petro", password=OLD)
    assert restricted["id"] not in unseen.out
    # the same file cannot make the account twice
    again = opora("accounts", "join", "--file", account, db=laptop, password=SECOND)
    assert again.code == 2, str(again)


@pytest.mark.slow
def test_a_laptops_districts_change_through_bundles(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    centre_source, source = enrolled
    centre = Path(copy_db(centre_source, tmp_path / "centre.db"))
    laptop = Path(copy_db(source, tmp_path / "L1.db"))
    family1 = uid("family:1")  # Морозівка: in L1's district until the change

    def laptop_op(*args: Any) -> Any:
        return opora(*args, db=laptop, password=OLD)

    def round_trip(name: str) -> None:
        up, down = tmp_path / f"{name}-up.opora", tmp_path / f"{name}-down.opora"
        assert laptop_op("sync", "export", "--out", up).code == 0
        assert centre_op(centre, "sync", "import", up).code == 0
        assert centre_op(centre, "sync", "export", "--for", "L1", "--out", down).code == 0
        done = laptop_op("sync", "import", down)
        assert done.code == 0, str(done)

    round_trip("first")
    assert family1 in laptop_op("records", "export").out
    edit = {"type": "family", "id": family1, "notes": "робота перед зміною округів"}
    assert laptop_op("records", "import", write_lines(tmp_path / "w.jsonl", [edit])).code == 0
    unknown = centre_op(centre, "devices", "districts", "L1", "--district", "Немає")
    assert unknown.code == 2 and ukrainian(unknown.err), str(unknown)
    done = centre_op(centre, "devices", "districts", "L1", "--district", "Любовицький")
    assert done.code == 0, str(done)
    down = tmp_path / "narrow.opora"
    assert centre_op(centre, "sync", "export", "--for", "L1", "--out", down).code == 0
    assert laptop_op("sync", "import", down).code == 0
    held = laptop_op("records", "export").out
    assert family1 in held, "the laptop's unsent work waits for the centre"
    assert UNSENT not in held  # sent already: erased at once
    # the laptop may no longer add a family in its old district
    new = {"type": "family", "id": uid("family:new"), "settlement_id": SETTLEMENT}
    refused = laptop_op("records", "import", write_lines(tmp_path / "n.jsonl", [new]))
    assert refused.code == 5, str(refused)
    round_trip("second")  # the unsent family goes up, then the laptop lets go
    held = laptop_op("records", "export").out
    assert UNSENT not in held and family1 not in held
    assert "робота перед зміною округів" in centre_op(centre, "records", "export").out
    listed = json.loads(centre_op(centre, "devices", "list", "--json").out)
    assert [d["districts"] for d in listed["devices"] if d["name"] == "L1"] == [["Любовицький"]]


FAMILY1 = uid("family:1")
ERASED = [
    FAMILY1,
    uid("person:mother"),
    uid("person:son"),
    uid("notification:1"),
    uid("assessment:1"),
    uid("visit:1"),
    uid("service:1"),
]


@pytest.mark.slow
def test_erasure_reaches_every_replica_and_later_backups(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    centre_source, source = enrolled
    centre = Path(copy_db(centre_source, tmp_path / "centre.db"))
    laptop = Path(copy_db(source, tmp_path / "L1.db"))

    def laptop_op(*args: Any) -> Any:
        return opora(*args, db=laptop, password=OLD)

    first = tmp_path / "first.opora"
    assert centre_op(centre, "sync", "export", "--for", "L1", "--out", first).code == 0
    assert laptop_op("sync", "import", first).code == 0
    assert "Коваленко" in laptop_op("records", "export").out
    # the laptop edits the family before it knows of the erasure
    edit = {"type": "family", "id": FAMILY1, "notes": "нотатка після стирання"}
    assert laptop_op("records", "import", write_lines(tmp_path / "e.jsonl", [edit])).code == 0

    refused = opora("records", "erase", "family", FAMILY1, db=centre, user="petro", password=OLD)
    assert refused.code in (4, 5), str(refused)
    bad = centre_op(centre, "records", "erase", "family", uid("family:none"))
    assert bad.code == 2 and ukrainian(bad.err), str(bad)
    done = centre_op(centre, "records", "erase", "family", FAMILY1)
    assert done.code == 0, str(done)

    def clean(db_export: str) -> None:
        for record_id in ERASED:
            assert record_id not in db_export
        assert "Коваленко" not in db_export and "Лапки" not in db_export
        participant = [json.loads(x) for x in db_export.splitlines() if uid("participant:1") in x]
        assert participant and participant[0]["person_id"] is None

    clean(centre_op(centre, "records", "export").out)
    events = json.loads(centre_op(centre, "audit", "list", "--json").out)["events"]
    assert not {e["record_id"] for e in events} & set(ERASED)
    backup = tmp_path / "after.db"
    assert centre_op(centre, "backup", "--out", backup).code == 0
    for raw in (backup.read_bytes(), centre.read_bytes()):
        for value in ("Коваленко", "Лапки", "+380671112233"):
            assert value.encode("utf-8") not in raw, value

    # the laptop's bundle made before it knew: applied, and the family stays erased
    up = tmp_path / "up.opora"
    assert laptop_op("sync", "export", "--out", up).code == 0
    imported = centre_op(centre, "sync", "import", up, "--json")
    assert json.loads(imported.out)["bundles"][0]["status"] == "applied", str(imported)
    clean(centre_op(centre, "records", "export").out)
    assert FAMILY1 not in centre_op(centre, "conflicts", "list").out
    # the centre's next bundle erases it on the laptop
    down = tmp_path / "down.opora"
    assert centre_op(centre, "sync", "export", "--for", "L1", "--out", down).code == 0
    assert laptop_op("sync", "import", down).code == 0
    clean(laptop_op("records", "export").out)
    assert "нотатка після стирання" not in laptop_op("conflicts", "list").out


@pytest.mark.slow
def test_a_laptops_new_record_under_an_erased_family_never_blocks_its_sync(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    """The laptop added a visit to a family the centre had just erased: the centre refused
    the whole bundle («refers to a record that does not exist»), the laptop's other work with
    it, and after the laptop learned of the erasure every later bundle was refused too (its
    erased changes left holes in the ranges it claims). The visit goes the way of the family;
    everything else arrives, now and later."""
    centre_source, source = enrolled
    centre = Path(copy_db(centre_source, tmp_path / "centre.db"))
    laptop = Path(copy_db(source, tmp_path / "L1.db"))

    def laptop_op(*args: Any) -> Any:
        return opora(*args, db=laptop, password=OLD)

    def exchange(name: str) -> None:
        up = tmp_path / f"{name}-up.opora"
        assert laptop_op("sync", "export", "--out", up).code == 0
        done = centre_op(centre, "sync", "import", up, "--json")
        assert done.code == 0, str(done)
        assert json.loads(done.out)["bundles"][0]["status"] == "applied", str(done)
        down = tmp_path / f"{name}-down.opora"
        assert centre_op(centre, "sync", "export", "--for", "L1", "--out", down).code == 0
        assert laptop_op("sync", "import", down).code == 0, name

    exchange("first")  # the laptop holds the family now
    assert centre_op(centre, "records", "erase", "family", FAMILY1).code == 0
    late_visit = uid("visit:late")
    work = [
        {
            "type": "visit",
            "id": late_visit,
            "family_id": FAMILY1,
            "date": "2024-08-01",
            "purpose": "пізній візит",
        },
        {"type": "family", "id": UNSENT, "notes": "законна правка"},
    ]
    assert laptop_op("records", "import", write_lines(tmp_path / "w.jsonl", work)).code == 0
    exchange("second")
    at_centre = centre_op(centre, "records", "export").out
    assert "законна правка" in at_centre and late_visit not in at_centre
    assert FAMILY1 not in at_centre and "пізній візит" not in at_centre
    on_laptop = laptop_op("records", "export").out
    assert late_visit not in on_laptop and FAMILY1 not in on_laptop
    later = {"type": "family", "id": UNSENT, "phone": "+380671234567"}
    assert laptop_op("records", "import", write_lines(tmp_path / "l.jsonl", [later])).code == 0
    exchange("third")
    assert "+380671234567" in centre_op(centre, "records", "export").out

    # The laptop hears of an erasure before it sends its own work on that family: the work
    # is erased with it, and its next bundles still cover every number they claim.
    assert centre_op(centre, "records", "erase", "family", UNSENT).code == 0
    other = uid("family:later")
    work = [
        {"type": "visit", "id": uid("visit:later"), "family_id": UNSENT, "date": "2024-09-01"},
        {"type": "family", "id": other, "settlement_id": SETTLEMENT, "address": "вул. Інша"},
    ]
    assert laptop_op("records", "import", write_lines(tmp_path / "w2.jsonl", work)).code == 0
    down = tmp_path / "fourth-down.opora"
    assert centre_op(centre, "sync", "export", "--for", "L1", "--out", down).code == 0
    assert laptop_op("sync", "import", down).code == 0
    assert UNSENT not in laptop_op("records", "export").out
    exchange("fifth")
    at_centre = centre_op(centre, "records", "export").out
    assert "вул. Інша" in at_centre and UNSENT not in at_centre
    assert uid("visit:later") not in at_centre


class TwoDistricts:
    """Copies of the centre and laptop L1 (Морозівський), and a laptop L3 enrolled for
    Любовицький; `exchange` runs a laptop's round with the centre through files."""

    def __init__(self, enrolled: tuple[Path, Path], folder: Path) -> None:
        centre_source, source = enrolled
        self.folder = folder
        self.centre = Path(copy_db(centre_source, folder / "centre.db"))
        self.laptop = Path(copy_db(source, folder / "L1.db"))
        self.other = folder / "L3.db"
        done = centre_op(
            self.centre,
            *("devices", "enroll", "--name", "L3", "--district", "Любовицький"),
            *("--login", "oksana", "--out", folder / "L3.enroll"),
            new=OLD,
        )
        assert done.code == 0, str(done)
        done = opora("init", "field", "--enroll", folder / "L3.enroll", db=self.other, password=OLD)
        assert done.code == 0, str(done)

    def exchange(self, db: Path, name: str, step: str) -> None:
        up = self.folder / f"{name}-{step}-up.opora"
        assert opora("sync", "export", "--out", up, db=db, password=OLD).code == 0
        assert centre_op(self.centre, "sync", "import", up).code == 0
        down = self.folder / f"{name}-{step}-down.opora"
        assert centre_op(self.centre, "sync", "export", "--for", name, "--out", down).code == 0
        assert opora("sync", "import", down, db=db, password=OLD).code == 0


def records_of(db: Path, **kwargs: Any) -> dict[str, dict[str, Any]]:
    """A replica's `records export`, by id."""
    out = opora("records", "export", db=db, **kwargs).out
    return {r["id"]: r for r in map(json.loads, out.splitlines())}


@pytest.mark.slow
def test_a_family_moved_to_another_district_moves_between_laptops(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    """The centre moved a family to a settlement of another district: the new district's
    laptop got a skeleton (its address and members null) and the old laptop kept its whole
    copy for ever. The new laptop now gets the family whole, the old one lets it go."""
    two = TwoDistricts(enrolled, tmp_path)
    centre, laptop, other, exchange = two.centre, two.laptop, two.other, two.exchange

    def held(db: Path) -> dict[str, dict[str, Any]]:
        return records_of(db, password=OLD)

    # the laptop's own family, with a member and a visit (no group of the district names
    # them: a participant's family stays in the scope of the group's district)
    member, visit = uid("person:moving"), uid("visit:moving")
    work = [
        {"type": "person", "id": member, "family_id": UNSENT, "surname": "Рух", "given_name": "Ян"},
        {"type": "visit", "id": visit, "family_id": UNSENT, "date": "2024-05-05"},
    ]
    done = opora(
        "records", "import", write_lines(tmp_path / "w.jsonl", work), db=laptop, password=OLD
    )
    assert done.code == 0, str(done)
    exchange(laptop, "L1", "1")
    exchange(other, "L3", "1")
    assert UNSENT in held(laptop) and UNSENT not in held(other)
    move = {"type": "family", "id": UNSENT, "settlement_id": uid("settlement:Любовичі")}
    assert (
        centre_op(centre, "records", "import", write_lines(tmp_path / "m.jsonl", [move])).code == 0
    )
    exchange(other, "L3", "2")
    there = held(other)
    centre_records = {
        r["id"]: r for r in map(json.loads, centre_op(centre, "records", "export").out.splitlines())
    }
    for record_id in (UNSENT, member, visit):
        assert there.get(record_id) == centre_records[record_id], record_id
    exchange(laptop, "L1", "2")
    exchange(laptop, "L1", "3")
    gone = held(laptop)
    assert UNSENT not in gone and member not in gone and visit not in gone
    assert FAMILY1 in gone  # the rest of its districts stays


@pytest.mark.slow
def test_a_family_moved_by_a_laptop_of_both_districts_moves_between_laptops(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    """A laptop serving both districts moved a family to a settlement of the other one: the
    centre merged the move as it came, so the new district's laptop got the family without
    its address and members, and the old district's laptop kept it for ever. The merge now
    treats a move like one made at the centre."""
    two = TwoDistricts(enrolled, tmp_path)
    centre, laptop, other, exchange = two.centre, two.laptop, two.other, two.exchange
    both = tmp_path / "L4.db"
    done = centre_op(
        centre,
        *("devices", "enroll", "--name", "L4", "--district", "Морозівський", "Любовицький"),
        *("--login", "ivan", "--out", tmp_path / "L4.enroll"),
        new=OLD,
    )
    assert done.code == 0, str(done)
    done = opora("init", "field", "--enroll", tmp_path / "L4.enroll", db=both, password=OLD)
    assert done.code == 0, str(done)

    member, visit = uid("person:carried"), uid("visit:carried")
    work = [
        {"type": "person", "id": member, "family_id": UNSENT, "surname": "Рух", "given_name": "Ян"},
        {"type": "visit", "id": visit, "family_id": UNSENT, "date": "2024-05-05"},
    ]
    done = opora(
        "records", "import", write_lines(tmp_path / "w.jsonl", work), db=laptop, password=OLD
    )
    assert done.code == 0, str(done)
    exchange(laptop, "L1", "1")
    exchange(other, "L3", "1")
    exchange(other, "L3", "1b")  # L3 has acknowledged the family's changes it was not sent
    exchange(both, "L4", "1")
    assert member in records_of(both, password=OLD)
    move = {"type": "family", "id": UNSENT, "settlement_id": uid("settlement:Любовичі")}
    done = opora(
        "records", "import", write_lines(tmp_path / "m.jsonl", [move]), db=both, password=OLD
    )
    assert done.code == 0, str(done)
    exchange(both, "L4", "2")
    exchange(other, "L3", "2")
    there = records_of(other, password=OLD)
    centre_records = {
        r["id"]: r for r in map(json.loads, centre_op(centre, "records", "export").out.splitlines())
    }
    assert centre_records[UNSENT]["settlement_id"] == move["settlement_id"]
    for record_id in (UNSENT, member, visit):
        assert there.get(record_id) == centre_records[record_id], record_id
    exchange(laptop, "L1", "2")
    exchange(laptop, "L1", "3")
    gone = records_of(laptop, password=OLD)
    assert UNSENT not in gone and member not in gone and visit not in gone
    assert FAMILY1 in gone  # the rest of its districts stays


@pytest.mark.slow
def test_duplicates_merged_across_districts_land_on_the_right_laptops(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    """`duplicates merge KEEP DROP` of a family of another district into the laptop's: the
    laptop of DROP's district was left holding a family KEEP with DROP's values, outside its
    districts, and KEEP's district's laptop never got DROP's members. Now the laptops of
    KEEP's district get the merged family whole and the other laptops let it go."""
    two = TwoDistricts(enrolled, tmp_path)
    centre, laptop, other, exchange = two.centre, two.laptop, two.other, two.exchange
    held = records_of

    # the laptop's own family (Морозівський), with a member: the duplicate to drop
    member = uid("person:dup")
    work = [
        {
            "type": "person",
            "id": member,
            "family_id": UNSENT,
            "surname": "Дубль",
            "given_name": "Ян",
        }
    ]
    done = opora(
        "records", "import", write_lines(tmp_path / "w.jsonl", work), db=laptop, password=OLD
    )
    assert done.code == 0, str(done)
    exchange(laptop, "L1", "1")
    keep = uid("family:keep")  # the same family, registered in Любовичі
    kept = [
        {
            "type": "family",
            "id": keep,
            "settlement_id": uid("settlement:Любовичі"),
            "address": "вул. Південна, 9",
        },
        {
            "type": "person",
            "id": uid("person:keep"),
            "family_id": keep,
            "surname": "Дубль",
            "given_name": "Яна",
        },
    ]
    done = centre_op(centre, "records", "import", write_lines(tmp_path / "k.jsonl", kept))
    assert done.code == 0, str(done)
    exchange(other, "L3", "1")
    assert keep in held(other, password=OLD) and keep not in held(laptop, password=OLD)
    done = centre_op(centre, "duplicates", "merge", keep, UNSENT)
    assert done.code == 0, str(done)
    at_centre = held(centre, user="admin")
    assert at_centre[member]["family_id"] == keep
    exchange(laptop, "L1", "2")
    exchange(laptop, "L1", "3")
    exchange(other, "L3", "2")
    mine = held(laptop, password=OLD)
    assert keep not in mine and member not in mine and UNSENT not in mine
    theirs = held(other, password=OLD)
    for record_id in (keep, member, uid("person:keep")):
        assert theirs.get(record_id) == at_centre[record_id], record_id


@pytest.mark.slow
def test_a_refused_edit_of_a_family_moved_away_never_blocks_the_laptop(
    enrolled: tuple[Path, Path], tmp_path: Path
) -> None:
    """The centre moved the laptop's family (with a visit) to another district while the
    laptop edited it. The centre refused the edit and told the laptop to drop the family:
    the laptop deleted the family alone, its visit still named it, and every later import of
    a centre bundle failed at commit (exit 1, «IntegrityError»), for good."""
    two = TwoDistricts(enrolled, tmp_path)
    centre, laptop, exchange = two.centre, two.laptop, two.exchange
    visit = uid("visit:refused-move")
    work = [{"type": "visit", "id": visit, "family_id": UNSENT, "date": "2024-05-02"}]
    done = opora(
        "records", "import", write_lines(tmp_path / "w.jsonl", work), db=laptop, password=OLD
    )
    assert done.code == 0, str(done)
    exchange(laptop, "L1", "1")
    move = {"type": "family", "id": UNSENT, "settlement_id": uid("settlement:Любовичі")}
    done = centre_op(centre, "records", "import", write_lines(tmp_path / "m.jsonl", [move]))
    assert done.code == 0, str(done)
    edit = {"type": "family", "id": UNSENT, "notes": "записано на ноутбуці"}
    done = opora(
        "records", "import", write_lines(tmp_path / "e.jsonl", [edit]), db=laptop, password=OLD
    )
    assert done.code == 0, str(done)
    exchange(laptop, "L1", "2")  # the edit is refused; the centre's answer names the drop
    new = {"type": "family", "id": uid("family:after"), "settlement_id": SETTLEMENT}
    done = centre_op(centre, "records", "import", write_lines(tmp_path / "n.jsonl", [new]))
    assert done.code == 0, str(done)
    exchange(laptop, "L1", "3")
    held = records_of(laptop, password=OLD)
    assert uid("family:after") in held
    assert UNSENT not in held and visit not in held  # out of its districts, whole
