"""`opora` with no command opens the GUI; `opora demo` opens it on fresh demo data.

Qt is imported only inside these functions, so the command line never needs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from app.i18n import tr

DEMO_FAMILIES = 300


def register(subparsers: Any) -> None:
    """Add `demo`."""
    demo = subparsers.add_parser("demo", help=tr("open the GUI on a fresh demo database"))
    demo.add_argument("--families", type=int, default=DEMO_FAMILIES, help=argparse.SUPPRESS)
    demo.add_argument(
        "--out", help=tr("where to create the demo database (default: a temp folder)")
    )
    demo.set_defaults(handler=lambda args, _context: run_demo(args.out, args.families))


def run_gui(target: Any, login: str | None = None, password: str | None = None) -> int:
    """Open the GUI on a database: `target` is a path/URL or the CLI's CommandContext.

    The password comes from the argument, else OPORA_PASSWORD, else the login dialog."""
    from ui.launch import launch

    if not isinstance(target, (str, Path)):
        login = login or getattr(target, "user", None)
        target = target.db_target
    return launch(str(target), login, password or os.environ.get("OPORA_PASSWORD"))


def run_demo(out: str | None = None, families: int = DEMO_FAMILIES) -> int:
    """Create a demo database (no password, not encrypted) and open the GUI on it."""
    from ui.launch import launch_demo

    if out:
        return launch_demo(Path(out), families)
    folder = Path(tempfile.mkdtemp(prefix="opora-demo-"))
    try:
        return launch_demo(folder / "opora-demo.db", families)
    finally:  # demo data is thrown away with the window: no 6 MB left in a temp folder
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(run_demo())
