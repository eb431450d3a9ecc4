"""What `opora --version` prints: the program's version, the schema revision its migrations
lead to, and the version of the reference data it ships.

Fast on purpose (no SQLAlchemy, Alembic or Qt): the migration files are read as text and the
head is the revision that no other revision names as its parent. Works from a checkout and
from a PyInstaller bundle (where app/ and resources/ sit side by side in the bundle's folder).
"""

from __future__ import annotations

import ast
import json
import threading
from dataclasses import dataclass
from pathlib import Path

import app

ROOT = Path(app.__file__).resolve().parent.parent
MIGRATIONS = ROOT / "app" / "db" / "migrations" / "versions"
REFERENCE_FILE = ROOT / "resources" / "reference" / "classifiers.json"


@dataclass(frozen=True)
class VersionInfo:
    version: str
    schema: str
    reference: str

    def as_dict(self) -> dict[str, str]:
        return {"version": self.version, "schema": self.schema, "reference": self.reference}


def _assigned(tree: ast.Module, name: str) -> object:
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return ast.literal_eval(node.value)  # type: ignore[arg-type]
    return None


_Listing = tuple[tuple[str, int, int], ...]
_parsed: dict[tuple[Path, _Listing], dict[str, tuple[str, ...]]] = {}
_parsing = threading.Lock()


def schema_revisions(folder: Path = MIGRATIONS) -> dict[str, tuple[str, ...]]:
    """Every revision of the migration scripts in `folder`, with the revisions it follows.

    Parsed once per process for the same files (name, size, time), under a lock: CPython
    3.11's `ast.parse` run from several threads at once can fail with «AST constructor
    recursion depth mismatch» (staff opening one centre database side by side did that)."""
    scripts = sorted(folder.glob("*.py"))
    listing = tuple((s.name, s.stat().st_mtime_ns, s.stat().st_size) for s in scripts)
    with _parsing:
        if (folder, listing) not in _parsed:
            _parsed[(folder, listing)] = _read_revisions(scripts)
        return dict(_parsed[(folder, listing)])


def _read_revisions(scripts: list[Path]) -> dict[str, tuple[str, ...]]:
    graph: dict[str, tuple[str, ...]] = {}
    for script in scripts:
        tree = ast.parse(script.read_text("utf-8"))
        revision = _assigned(tree, "revision")
        if not isinstance(revision, str):
            continue
        down = _assigned(tree, "down_revision")
        if isinstance(down, str):
            graph[revision] = (down,)
        elif isinstance(down, (tuple, list)):
            graph[revision] = tuple(str(d) for d in down)
        else:
            graph[revision] = ()
    return graph


def schema_heads(folder: Path = MIGRATIONS) -> list[str]:
    """The head revision(s) of the migration scripts in `folder`, sorted."""
    graph = schema_revisions(folder)
    parents = {parent for down in graph.values() for parent in down}
    return sorted(set(graph) - parents)


def reference_version(path: Path = REFERENCE_FILE) -> str:
    """The version of the shipped reference data (categories, factors, services)."""
    return str(json.loads(path.read_text("utf-8"))["version"])


def version_info() -> VersionInfo:
    return VersionInfo(app.__version__, "+".join(schema_heads()), reference_version())
