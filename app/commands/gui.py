"""`opora` with no command opens the GUI; `opora demo` opens it on fresh demo data.

The core never imports the GUI (tests/core/test_layers.py): the program's entry point,
app/__main__.py, hands the command line a `GuiOpener` that imports `ui` only when a window
is wanted, so the command line never needs Qt.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Protocol

from app.errors import OporaError
from app.i18n import tr

DEMO_FAMILIES = 300


class GuiOpener(Protocol):
    """What the command line needs of the GUI: a window on a database, or on demo data."""

    def open(self, db_target: str, login: str | None, password: str | None) -> int: ...

    def demo(self, path: Path, families: int) -> int: ...


def register(subparsers: Any) -> None:
    """Add `demo`."""
    demo = subparsers.add_parser("demo", help=tr("open the GUI on a fresh demo database"))
    demo.add_argument("--families", type=int, default=DEMO_FAMILIES, help=argparse.SUPPRESS)
    demo.add_argument(
        "--out", help=tr("where to create the demo database (default: a temp folder)")
    )
    demo.set_defaults(
        handler=lambda args, context: run_demo(_opener(context), args.out, args.families)
    )


def _opener(context: Any) -> GuiOpener:
    gui = getattr(context, "gui", None)
    if gui is None:
        raise OporaError(tr("this program was started without its GUI"))
    return gui  # type: ignore[no-any-return]


def run_gui(context: Any) -> int:
    """Open the GUI on the command's database and account. The password comes from
    OPORA_PASSWORD, else the login dialog."""
    gui = _opener(context)
    return gui.open(str(context.db_target), context.user, os.environ.get("OPORA_PASSWORD"))


def run_demo(gui: GuiOpener, out: str | None = None, families: int = DEMO_FAMILIES) -> int:
    """Create a demo database (no password, not encrypted) and open the GUI on it."""
    if out:
        return gui.demo(Path(out), families)
    folder = Path(tempfile.mkdtemp(prefix="opora-demo-"))
    try:
        return gui.demo(folder / "opora-demo.db", families)
    finally:  # demo data is thrown away with the window: no 6 MB left in a temp folder
        shutil.rmtree(folder, ignore_errors=True)
