"""`opora --version`: the version, the schema revision and the reference-data version, fast."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import app
from app.db import reference
from app.db.migrate import MIGRATIONS, head_revision
from app.version import MIGRATIONS as VERSION_MIGRATIONS
from app.version import REFERENCE_FILE, schema_heads, version_info


def run(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    if lang:
        env["OPORA_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=60,
    )


def test_version_json_matches_alembic_and_the_shipped_reference_data() -> None:
    done = run("--version", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document == {
        "version": app.__version__,
        "schema": head_revision(),
        "reference": reference.shipped()["version"],
    }
    # Reading the files as text finds what Alembic and the reference loader use.
    assert VERSION_MIGRATIONS == MIGRATIONS / "versions"
    assert REFERENCE_FILE == reference.CLASSIFIERS


def test_version_text_in_ukrainian_and_english() -> None:
    info = version_info()
    uk = run("--version")
    assert uk.returncode == 0 and uk.stderr == ""
    assert uk.stdout.splitlines() == [
        f"Опора {info.version}",
        f"ревізія схеми бази: {info.schema}",
        f"довідники: {info.reference}",
    ]
    en = run("--version", lang="en")
    assert en.stdout.splitlines()[1] == f"schema revision: {info.schema}"
    # After --db it is still the version, not a command.
    later = run("--db", "nowhere.db", "--version", lang="en")
    assert later.returncode == 0 and later.stdout == en.stdout


def test_version_loads_no_database_or_gui_library() -> None:
    code = (
        "import sys; from app.cli import main; main(['--version']);"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'PySide6', 'sqlcipher3', 'reportlab')"
        " if m in sys.modules]; print(heavy, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stderr.strip() == "[]"


def write_revision(folder: Path, name: str, revision: str, down: object) -> None:
    (folder / f"{name}.py").write_text(
        f'"""{name}"""\nrevision = {revision!r}\ndown_revision = {down!r}\n', "utf-8"
    )


def test_schema_heads_with_branches_and_a_merge(tmp_path: Path) -> None:
    write_revision(tmp_path, "a", "0001", None)
    write_revision(tmp_path, "b", "0002", "0001")
    write_revision(tmp_path, "c", "0003", "0002")
    write_revision(tmp_path, "d", "0004", "0002")
    assert schema_heads(tmp_path) == ["0003", "0004"]
    write_revision(tmp_path, "e", "0005", ("0003", "0004"))
    assert schema_heads(tmp_path) == ["0005"]


def test_migration_scripts_are_parsed_once_however_many_threads_open_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight staff threads opening one centre at once each parsed every migration script, and
    CPython 3.11's parser, run in parallel, failed one of them («AST constructor recursion depth
    mismatch»): the scripts are parsed once, under a lock, until a file changes."""
    import ast
    import threading

    for number in range(1, 6):
        down = f"{number - 1:04}" if number > 1 else None
        write_revision(tmp_path, f"m{number}", f"{number:04}", down)
    parsed: list[str] = []
    real_parse = ast.parse

    def counting_parse(source: str, *args: object, **kwargs: object) -> ast.Module:
        parsed.append(threading.current_thread().name)
        return real_parse(source)

    monkeypatch.setattr(ast, "parse", counting_parse)
    start = threading.Barrier(8, timeout=30)
    heads: list[list[str]] = []

    def read() -> None:
        start.wait()
        for _ in range(5):
            heads.append(schema_heads(tmp_path))

    workers = [threading.Thread(target=read) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert heads == [["0005"]] * 40
    assert len(parsed) == 5  # one parse per script, not one per thread and call
    write_revision(tmp_path, "m6", "0006", "0005")
    assert schema_heads(tmp_path) == ["0006"]
