"""app/ is the core: it never imports Qt, directly or through a dependency."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import app

APP = Path(app.__file__).parent


# The entry point sits above the core and the GUI: it imports `ui` inside its functions.
LAUNCHER = APP / "__main__.py"


def test_no_module_of_app_names_qt() -> None:
    for path in APP.rglob("*.py"):
        if path == LAUNCHER:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide", "PyQt", "shiboken", "ui")), (path, name)


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        m.name for m in pkgutil.walk_packages([str(APP)], "app.") if "migrations" not in m.name
    ]
    modules = [m for m in modules if m != "app.__main__"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
