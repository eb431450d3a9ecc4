"""The program's entry point (`opora`, `python -m app`, the packaged executable).

It sits above both the core and the GUI: the command line (app/cli.py) gets a GUI opener
from here and never imports `ui` itself; Qt is imported only when a window opens."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path


def _no_display() -> bool:
    """On Linux with neither X11 nor Wayland to draw on (an SSH session, a service), Qt would
    abort the process with its own English text; the window's absence is said instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _say_no_display() -> int:
    from app.i18n import tr

    print(
        tr(
            "error: there is no display to show the window on (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set); start Opora in a desktop session, or use its commands "
            "(opora --help)"
        ),
        file=sys.stderr,
    )
    return 1


class QtGui:
    """The GUI of ui/ as the command line's `GuiOpener`."""

    def open(self, db_target: str, login: str | None, password: str | None) -> int:
        if _no_display():
            return _say_no_display()
        from ui.launch import launch

        return int(launch(db_target, login, password))

    def demo(self, path: Path, families: int) -> int:
        if _no_display():
            return _say_no_display()
        from ui.launch import launch_demo

        return int(launch_demo(path, families))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with the GUI available to it."""
    from app.cli import main as cli_main

    return cli_main(argv, gui=QtGui())


if __name__ == "__main__":
    raise SystemExit(main())
