"""The sync commands of CONTRACT.md end to end, through `python -m app`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = {
    "type": "district",
    "id": "0190a000-0000-7000-8000-0000000000a1",
    "name": "Любовицький",
    "community": "Малинська",
}
SETTLEMENT = {
    "type": "settlement",
    "id": "0190a000-0000-7000-8000-0000000000a2",
    "name": "с. Любовичі",
    "district_id": DISTRICT["id"],
}
FAMILY = {
    "type": "family",
    "id": "0190a000-0000-7000-8000-0000000000a3",
    "settlement_id": SETTLEMENT["id"],
    "address": "вул. Лісова, 3",
}


def run(
    db: Path, *args: str, password: str = "admin-pass", **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "OPORA_PASSWORD": password, "OPORA_LANG": "en", **env}
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )


def ok(done: subprocess.CompletedProcess[str]) -> dict:
    assert done.returncode == 0, done.stderr
    text = done.stdout.strip()
    return json.loads(text) if text.startswith("{") else {}  # listings print plain lines


def test_enroll_init_field_sync_and_resolve(tmp_path: Path) -> None:
    centre, laptop = tmp_path / "centre.db", tmp_path / "laptop.db"
    ok(run(centre, "init", "centre", "--name", "ЦНСП", "--admin", "admin", "--no-encryption"))
    data = tmp_path / "data.jsonl"
    data.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (DISTRICT, SETTLEMENT, FAMILY)),
        "utf-8",
    )
    ok(run(centre, "records", "import", str(data)))

    enrollment = tmp_path / "laptop.enroll"
    done = run(
        centre,
        "devices",
        "enroll",
        "--name",
        "Ноутбук-1",
        "--district",
        "Любовицький",
        "--login",
        "olena",
        "--out",
        str(enrollment),
        "--json",
        OPORA_NEW_PASSWORD="olena-pass",
    )
    assert ok(done)["device"] == "Ноутбук-1"
    # The file opens only with the new account's password; a wrong one is exit 4.
    assert (
        run(laptop, "init", "field", "--enroll", str(enrollment), password="wrong").returncode == 4
    )
    assert not laptop.exists()
    ok(run(laptop, "init", "field", "--enroll", str(enrollment), password="olena-pass"))
    assert (tmp_path / "laptop.db.keys").exists()  # encrypted by default
    exported = run(laptop, "records", "export", password="olena-pass")
    assert "вул. Лісова, 3" in exported.stdout

    devices = ok(run(centre, "devices", "list", "--json"))["devices"]
    assert {d["name"]: d["status"] for d in devices} == {"ЦНСП": "active", "Ноутбук-1": "active"}
    assert [d["districts"] for d in devices if d["name"] == "Ноутбук-1"] == [["Любовицький"]]

    # Concurrent edits of one field on the laptop and at the centre.
    edit = tmp_path / "edit.jsonl"
    edit.write_text(
        json.dumps(
            {"type": "family", "id": FAMILY["id"], "address": "з ноутбука"}, ensure_ascii=False
        )
        + "\n",
        "utf-8",
    )
    ok(run(laptop, "records", "import", str(edit), password="olena-pass"))
    edit.write_text(
        json.dumps(
            {"type": "family", "id": FAMILY["id"], "address": "з центру"}, ensure_ascii=False
        )
        + "\n",
        "utf-8",
    )
    ok(run(centre, "records", "import", str(edit)))

    up = tmp_path / "up.opora"
    ok(run(laptop, "sync", "export", "--out", str(up), "--json", password="olena-pass"))
    report = ok(run(centre, "sync", "import", str(up), "--json"))
    assert report == {
        "bundles": [
            {"file": str(up), "status": "applied", "changes": 1, "conflicts": 1, "error": None}
        ]
    }
    again = ok(run(centre, "sync", "import", str(up), "--json"))
    assert again["bundles"][0]["status"] == "already-applied"

    [conflict] = ok(run(centre, "conflicts", "list", "--json"))["conflicts"]
    assert set(conflict) == {
        "id",
        "type",
        "record_id",
        "field",
        "winner",
        "loser",
        "winner_device",
        "loser_device",
        "status",
    }
    assert conflict["status"] == "open" and conflict["field"] == "address"
    assert {conflict["winner"], conflict["loser"]} == {"з ноутбука", "з центру"}
    ok(run(centre, "conflicts", "resolve", conflict["id"], "--take", "loser"))
    listed = ok(run(centre, "conflicts", "list", "--json"))["conflicts"]
    assert listed[0]["status"] == "resolved"
    assert conflict["loser"] in run(centre, "records", "export").stdout

    down = tmp_path / "down.opora"
    ok(run(centre, "sync", "export", "--for", "Ноутбук-1", "--out", str(down)))
    ok(run(laptop, "sync", "import", str(down), password="olena-pass"))
    assert (
        run(laptop, "records", "export", password="olena-pass").stdout
        == run(centre, "records", "export").stdout
    )

    ok(run(centre, "devices", "revoke", "Ноутбук-1"))
    ok(run(laptop, "sync", "export", "--out", str(up), password="olena-pass"))
    refused = run(centre, "sync", "import", str(up))
    assert refused.returncode == 3 and "revoked" in refused.stderr
    assert run(centre, "conflicts", "resolve", "nope", "--take", "winner").returncode == 2
