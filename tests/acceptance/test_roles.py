"""Roles through the command line: every role × command of CONTRACT.md «Accounts and roles»,
restricted families absent for who may not see them, the password policy, the audit trail.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.conftest import (
    PASSWORD,
    by_id,
    copy_db,
    opora,
    opora_many,
    sample_records,
    uid,
    ukrainian,
    write_lines,
)

ROLE_PASSWORD = "рольовий-пароль-7"
ROLES = ("admin", "head", "specialist", "viewer")
LOGINS = {"admin": "admin", "head": "olena", "specialist": "petro", "viewer": "ivan"}
D1 = uid("district:Морозівський")
RESTRICTED = uid("family:2")  # in Любовицький (d2); the specialist works in Морозівський


def op(*args: Any, **kwargs: Any) -> Any:
    """`opora` as the admin unless another account is named (the centre has several)."""
    kwargs.setdefault("user", "admin")
    return opora(*args, **kwargs)


def user_args(role: str) -> dict[str, Any]:
    return {"user": LOGINS[role], "password": PASSWORD if role == "admin" else ROLE_PASSWORD}


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain centre with the sample records and one account of every role; the restricted
    family's responsible is the head."""
    folder = tmp_path_factory.mktemp("roles")
    db = folder / "centre.db"
    done = op("init", "centre", "--name", "ЦНСП", "--admin", "admin", "--no-encryption", db=db)
    assert done.code == 0, str(done)
    new = {"OPORA_NEW_PASSWORD": ROLE_PASSWORD}
    records = write_lines(folder / "s.jsonl", sample_records())
    assert op("records", "import", records, db=db).code == 0
    for role, district in (("head", None), ("specialist", "Морозівський"), ("viewer", None)):
        extra = ["--district", district] if district else []
        done = op(
            "accounts", "add", LOGINS[role], "--role", role, *extra, db=db, user="admin", env=new
        )
        assert done.code == 0, str(done)
    restrict = {"type": "family", "id": RESTRICTED, "responsible": "olena", "restricted": True}
    done = op("records", "import", write_lines(folder / "r.jsonl", [restrict]), db=db, user="admin")
    assert done.code == 0, str(done)
    return db


# (command, roles allowed). An allowed command must not exit 5 (it may still exit 2 for an
# unknown id); a refused one exits 5 whatever its arguments and changes nothing.
TABLE: list[tuple[list[str], set[str]]] = [
    (["accounts", "list"], {"admin"}),
    (["accounts", "add", "zzz", "--role", "nonsense"], {"admin"}),
    (["accounts", "disable", "nobody"], {"admin"}),
    (["devices", "list"], {"admin"}),
    (["devices", "revoke", "nothing"], {"admin"}),
    (["audit", "list"], {"admin", "head"}),
    (["records", "export"], set(ROLES)),
    (["records", "import", "{unchanged}"], {"admin", "head", "specialist"}),
    (["conflicts", "list"], set(ROLES)),
    (["conflicts", "resolve", "{missing}", "--take", "winner"], {"admin", "head"}),
    (["backup", "--out", "{out}"], {"admin", "head", "specialist"}),
    (["sync", "export", "--out", "{out}", "--for", "nobody"], {"admin", "head", "specialist"}),
    (["sync", "import", "{missing}"], {"admin", "head", "specialist"}),
    (["report", "family", "--family", uid("family:1"), "--out", "{out}"], set(ROLES)),
    # a specialist restores only its own laptop's database, never the centre's
    (["restore", "{missing}"], {"admin"}),
    (["records", "erase", "family", uid("family:none")], {"admin"}),
    (["devices", "districts", "nothing", "--district", "Морозівський"], {"admin"}),
    (["devices", "recovery", "nothing", "--out", "{out}"], {"admin"}),
]


@pytest.mark.slow
def test_every_role_and_command(centre: Path, tmp_path: Path) -> None:
    unchanged = write_lines(tmp_path / "same.jsonl", sample_records()[:1])
    calls = []
    cases = []
    for number, (args, allowed) in enumerate(TABLE):
        for role in ROLES:
            db = copy_db(centre, tmp_path / f"{number}-{role}.db")
            filled = [
                a.format(
                    unchanged=unchanged,
                    missing=tmp_path / "missing.opora",
                    out=tmp_path / f"out-{number}-{role}",
                )
                for a in args
            ]
            calls.append((filled, {"db": db, **user_args(role)}))
            cases.append((args, role, role in allowed, db))
    results = opora_many(calls)
    before = {
        r.out for r in opora_many([(["records", "export"], {"db": centre, **user_args("admin")})])
    }
    refusals = []
    for (_args, role, allowed, db), result in zip(cases, results, strict=True):
        if allowed:
            assert result.code != 5, f"{role}: {result}"
        else:
            assert result.code == 5, f"{role}: {result}"
            assert ukrainian(result.err), str(result)
            refusals.append(db)
    # nothing changed by a refusal: every copy still exports what the centre holds
    exports = opora_many(
        [(["records", "export"], {"db": db, **user_args("admin")}) for db in refusals]
    )
    assert {r.out for r in exports} == before


def test_restricted_family_absent_for_others(centre: Path, tmp_path: Path) -> None:
    out = {role: tmp_path / f"{role}.pdf" for role in ROLES}
    calls = [
        (["report", "family", "--family", RESTRICTED, "--out", out[role]], user_args(role))
        for role in ROLES
    ] + [(["records", "export"], user_args(role)) for role in ROLES]
    results = opora_many([(args, {"db": centre, **kw}) for args, kw in calls])
    reports = dict(zip(ROLES, results[:4], strict=True))
    exports = dict(zip(ROLES, results[4:], strict=True))
    # the responsible (head) and the admin print it; the others get «no such family», exit 2
    assert reports["admin"].code == 0 and reports["head"].code == 0
    for role in ("specialist", "viewer"):
        assert reports[role].code == 2, str(reports[role])
        assert not out[role].exists()
        assert RESTRICTED in reports[role].err  # the same message as for an unknown id
    for role in ROLES:
        assert exports[role].code == 0, str(exports[role])
        records = by_id(json.loads(line) for line in exports[role].out.splitlines())
        hidden = role in ("specialist", "viewer")
        assert (RESTRICTED in records) is not hidden
        if hidden:
            text = exports[role].out
            assert not any(r.get("family_id") == RESTRICTED for r in records.values())
            # no dangling reference: every *_id names an exported record
            for record in records.values():
                for key, value in record.items():
                    if key.endswith("_id") and value is not None:
                        assert value in records, (key, value)
            assert "military_family" not in text  # the family's own content is absent


def test_restricted_person_in_a_group_shows_as_restricted(centre: Path, tmp_path: Path) -> None:
    db = copy_db(centre, tmp_path / "c.db")
    person = uid("person:restricted")
    lines = [
        {
            "type": "person",
            "id": person,
            "family_id": RESTRICTED,
            "surname": "Таємна",
            "given_name": "Особа",
        },
        {
            "type": "participant",
            "id": uid("participant:r"),
            "group_id": uid("group:1"),
            "person_id": person,
        },
    ]
    assert op("records", "import", write_lines(tmp_path / "p.jsonl", lines), db=db).code == 0
    viewer = op("records", "export", db=db, **user_args("viewer"))
    records = by_id(json.loads(line) for line in viewer.out.splitlines())
    participant = records[uid("participant:r")]
    assert participant["person_id"] is None and participant["name"] == "обмежений запис"
    assert "Таємна" not in viewer.out and person not in viewer.out


def test_reimporting_ones_own_export_leaves_what_it_masks_alone(
    centre: Path, tmp_path: Path
) -> None:
    """A specialist's export shows a participant and a service that name another's restricted
    person as «обмежений запис» without the reference; importing that same file back wrote
    the mask into the records, for every account: the masked fields are left as stored."""
    db = copy_db(centre, tmp_path / "c.db")
    person = uid("person:restricted")
    lines = [
        {
            "type": "person",
            "id": person,
            "family_id": RESTRICTED,
            "surname": "Таємна",
            "given_name": "Ія",
        },
        {
            "type": "participant",
            "id": uid("participant:r"),
            "group_id": uid("group:1"),
            "person_id": person,
            "phone": "+380501112233",
        },
        {
            "type": "service",
            "id": uid("service:r"),
            "family_id": uid("family:1"),
            "person_id": person,
            "service_code": "002.0",
            "date": "2024-03-07",
        },
    ]
    assert op("records", "import", write_lines(tmp_path / "p.jsonl", lines), db=db).code == 0
    before = op("records", "export", db=db).out
    own = op("records", "export", db=db, **user_args("specialist"))
    assert own.code == 0 and person not in own.out
    again = op(
        "records",
        "import",
        write_lines(tmp_path / "own.jsonl", own.out.splitlines()),
        db=db,
        **user_args("specialist"),
    )
    assert again.code == 0, str(again)
    assert op("records", "export", db=db).out == before
    # what the specialist may change on such a record still changes
    note = {"type": "service", "id": uid("service:r"), "notes": "дзвінок"}
    edit = op(
        "records",
        "import",
        write_lines(tmp_path / "n.jsonl", [note]),
        db=db,
        **user_args("specialist"),
    )
    assert edit.code == 0, str(edit)
    after = by_id(json.loads(x) for x in op("records", "export", db=db).out.splitlines())
    assert after[uid("service:r")]["person_id"] == person
    assert after[uid("service:r")]["notes"] == "дзвінок"


def test_specialist_edits_only_its_districts(centre: Path, tmp_path: Path) -> None:
    db = copy_db(centre, tmp_path / "c.db")
    inside = {"type": "family", "id": uid("family:1"), "address": "вул. Нова, 2"}
    outside = {
        "type": "family",
        "id": uid("family:new"),
        "settlement_id": uid("settlement:Любовичі"),
    }
    ok = op(
        "records",
        "import",
        write_lines(tmp_path / "in.jsonl", [inside]),
        db=db,
        **user_args("specialist"),
    )
    assert ok.code == 0, str(ok)
    refused = op(
        "records",
        "import",
        write_lines(tmp_path / "out.jsonl", [inside, outside]),
        db=db,
        **user_args("specialist"),
    )
    assert refused.code == 5 and ukrainian(refused.err), str(refused)
    reference = {"type": "district", "id": uid("district:x"), "name": "Новий"}
    head = op(
        "records",
        "import",
        write_lines(tmp_path / "ref.jsonl", [reference]),
        db=db,
        **user_args("head"),
    )
    assert head.code == 5, str(head)
    records = by_id(json.loads(x) for x in op("records", "export", db=db).out.splitlines())
    assert uid("family:new") not in records and uid("district:x") not in records
    assert records[uid("family:1")]["responsible"] == "admin"


def test_password_policy_and_accounts(centre: Path, tmp_path: Path) -> None:
    db = copy_db(centre, tmp_path / "c.db")
    for weak in ("1", "короткий", "qwertyuiop", "newperson1"):
        done = op(
            "accounts",
            "add",
            "newperson1",
            "--role",
            "viewer",
            db=db,
            env={"OPORA_NEW_PASSWORD": weak},
        )
        assert done.code == 2 and ukrainian(done.err), str(done)
    good = op(
        "accounts",
        "add",
        "newperson1",
        "--role",
        "viewer",
        "--name",
        "Нова Особа",
        db=db,
        env={"OPORA_NEW_PASSWORD": "Ґрунтовний пароль"},
    )
    assert good.code == 0, str(good)
    listed = op("accounts", "list", "--json", db=db).json()["accounts"]
    row = next(a for a in listed if a["login"] == "newperson1")
    assert row == {
        "login": "newperson1",
        "role": "viewer",
        "name": "Нова Особа",
        "districts": [],
        "disabled": False,
    }
    assert next(a for a in listed if a["login"] == "petro")["districts"] == ["Морозівський"]
    # own password: every role; someone else's: admin only
    own = op(
        "accounts",
        "passwd",
        db=db,
        user="newperson1",
        password="Ґрунтовний пароль",
        env={"OPORA_NEW_PASSWORD": "Інший довгий пароль"},
    )
    assert own.code == 0, str(own)
    other = op(
        "accounts",
        "passwd",
        "petro",
        db=db,
        user="newperson1",
        password="Інший довгий пароль",
        env={"OPORA_NEW_PASSWORD": "ще один пароль"},
    )
    assert other.code == 5, str(other)
    assert op("accounts", "disable", "newperson1", db=db).code == 0
    gone = op("records", "export", db=db, user="newperson1", password="Інший довгий пароль")
    assert gone.code == 4, str(gone)


def test_audit_trail_names_who_did_what(centre: Path, tmp_path: Path) -> None:
    db = copy_db(centre, tmp_path / "c.db")
    op(
        "report",
        "family",
        "--family",
        uid("family:1"),
        "--out",
        tmp_path / "f.pdf",
        db=db,
        **user_args("head"),
    )
    op("records", "export", db=db, **user_args("viewer"))
    op("records", "export", db=db, user="olena", password="wrong password")
    edit = {"type": "visit", "id": uid("visit:1"), "result": "добре"}
    op(
        "records",
        "import",
        write_lines(tmp_path / "e.jsonl", [edit]),
        db=db,
        **user_args("specialist"),
    )
    refused = op("audit", "list", db=db, **user_args("specialist"))
    assert refused.code == 5
    events = op("audit", "list", "--user", "olena", "--json", db=db, **user_args("head")).json()[
        "events"
    ]
    actions = [(e["action"], e["type"], e["record_id"]) for e in events]
    assert ("print", "family", uid("family:1")) in actions
    assert ("login-failed", None, None) in actions
    assert all(e["user"] == "olena" and e["device"] == "ЦНСП" for e in events)
    every = op("audit", "list", "--json", db=db, **user_args("admin")).json()["events"]
    assert ("change", "visit", uid("visit:1")) in [
        (e["action"], e["type"], e["record_id"]) for e in every if e["user"] == "petro"
    ]
    assert any(e["action"] == "export" and e["user"] == "ivan" for e in every)
    assert "добре" not in json.dumps(every, ensure_ascii=False)  # never the content
