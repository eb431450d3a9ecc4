"""Screenshots of every main screen on demo data (docs/screenshots).

    xvfb-run -s "-screen 0 1366x768x24" python -m ui.screenshots docs/screenshots
    QT_SCALE_FACTOR=1.5 xvfb-run -s "-screen 0 1366x768x24" \
        python -m ui.screenshots docs/screenshots --suffix -150

The main window fills the (logical) screen, the way a maximised window does; the walk
through the screens is ui.tour, which the size check (tests/ui/test_gui_sizes.py) shares.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path, widget.width(), widget.height())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--suffix", default="")
    parser.add_argument("--text-size", type=int, default=100)
    parser.add_argument("--language", default="uk")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from app.demo import create_demo_database, open_demo
    from ui.app import apply_text_size, create_application
    from ui.launch import close_window
    from ui.settings import UiSettings
    from ui.tour import tour
    from ui.translations import install_translators

    app = create_application(["opora"])
    app.setApplicationName("opora-screenshots")
    settings = UiSettings()
    settings.language = args.language
    install_translators(app, args.language)
    apply_text_size(app, args.text_size)
    folder = Path(tempfile.mkdtemp(prefix="opora-shots-"))
    for _step in create_demo_database(folder / "demo.db", 300, today=dt.date.today()):
        pass
    db = open_demo(folder / "demo.db")
    for name, widget in tour(app, db, settings):
        save(widget, args.out / f"{name}{args.suffix}.png")
    close_window(db)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
