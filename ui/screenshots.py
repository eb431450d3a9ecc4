"""Screenshots of every main screen on demo data (docs/screenshots).

    xvfb-run -s "-screen 0 1366x768x24" python -m ui.screenshots docs/screenshots
    QT_SCALE_FACTOR=1.5 xvfb-run -s "-screen 0 1920x1080x24" \
        python -m ui.screenshots docs/screenshots --suffix -150

The window is sized to the whole logical screen, the way a maximised window is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from ui.runner import wait_for_all


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        wait_for_all()
        app.processEvents()


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path, widget.width(), widget.height())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--suffix", default="")
    parser.add_argument("--text-size", type=int, default=100)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from app.demo import create_demo_database, open_demo
    from ui.app import apply_text_size, create_application
    from ui.launch import show_window
    from ui.login_dialog import LoginDialog
    from ui.settings import UiSettings

    app = create_application(["opora"])
    app.setApplicationName("opora-screenshots")
    settings = UiSettings()
    settings.language = "uk"
    apply_text_size(app, args.text_size)
    folder = Path(tempfile.mkdtemp(prefix="opora-shots-"))
    for _step in create_demo_database(folder / "demo.db", 300, today=dt.date.today()):
        pass
    db = open_demo(folder / "demo.db")
    name = args.suffix

    login = LoginDialog(str(folder / "opora.db"), lambda _l, _p: None, "olena")
    login.show()
    login.show_error(
        login.tr(
            "Wrong account or password. Check the keyboard layout and Caps Lock, then try again."
        )
    )
    settle(app, 5)
    save(login, args.out / f"login{name}.png")
    login.close()

    shell = show_window(db, settings, demo=True)
    window = shell.window
    screen = QGuiApplication.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    settle(app)
    page = shell.families_page()
    save(window, args.out / f"families{name}.png")
    page.search.setText("мар'ян")
    settle(app, 5)
    save(window, args.out / f"families-search{name}.png")
    page.search.clear()
    settle(app, 5)

    card = shell.open_family(page.model.row_at(3).id)
    settle(app, 5)
    save(card, args.out / f"family-card{name}.png")
    card.tabs.setCurrentIndex(1)
    settle(app, 5)
    save(card, args.out / f"family-members{name}.png")
    card.tabs.setCurrentIndex(2)
    settle(app, 5)
    save(card, args.out / f"family-services{name}.png")
    card.add_event("assessment")
    settle(app, 5)
    if card.event_dialog is not None:
        save(card.event_dialog, args.out / f"assessment-act{name}.png")
        card.event_dialog.reject()
    card.tabs.setCurrentIndex(0)
    card.on_record_from.edit.setText("01.01.2099")
    card.save()
    settle(app, 5)
    save(card, args.out / f"family-error{name}.png")
    card.dirty = False
    card.reject()

    window.show_page("groups")
    settle(app)
    save(window, args.out / f"groups{name}.png")
    groups = window.page("groups")
    groups.open_group(groups.model.row_at(0).id)  # type: ignore[attr-defined]
    settle(app)
    save(window, args.out / f"group-attendance{name}.png")

    window.show_page("services")
    settle(app)
    save(window, args.out / f"services{name}.png")
    dialog = shell.open_service(None, None)
    dialog.recipient.setText("Бондар")
    settle(app, 5)
    save(dialog, args.out / f"service-entry{name}.png")
    dialog.close()

    window.show_page("reports")
    reports = window.page("reports")
    reports.compute()  # type: ignore[attr-defined]
    settle(app, 60)
    save(window, args.out / f"reports{name}.png")

    window.show_page("sync")
    settle(app)
    save(window, args.out / f"sync{name}.png")
    window.show_page("settings")
    settle(app)
    save(window, args.out / f"settings{name}.png")
    QTimer.singleShot(0, app.quit)
    app.exec()
    db.close()


if __name__ == "__main__":
    main()
