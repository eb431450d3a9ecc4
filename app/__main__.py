"""The program's entry point (`opora`, `python -m app`, the packaged executable).

It sits above both the core and the GUI: the command line (app/cli.py) gets a GUI opener
from here and never imports `ui` itself; Qt is imported only when a window opens."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class QtGui:
    """The GUI of ui/ as the command line's `GuiOpener`."""

    def open(self, db_target: str, login: str | None, password: str | None) -> int:
        from ui.launch import launch

        return int(launch(db_target, login, password))

    def demo(self, path: Path, families: int) -> int:
        from ui.launch import launch_demo

        return int(launch_demo(path, families))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with the GUI available to it."""
    from app.cli import main as cli_main

    return cli_main(argv, gui=QtGui())


if __name__ == "__main__":
    raise SystemExit(main())
