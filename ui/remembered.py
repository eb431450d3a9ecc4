"""The database the GUI opens at start: remembered in gui.json in the platform's config
folder (a path or URL, and whether it is the demo), and where the demo database lives."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from app.files import atomic_text_writer, default_database


def settings_file() -> Path:
    """Where the GUI remembers its database: `gui.json` in the platform's config folder."""
    return Path(user_config_dir("opora", appauthor=False)) / "gui.json"


def demo_database() -> Path:
    """The demo opened from the first-run dialog: kept, so it opens again as it was left."""
    return Path(user_data_dir("opora", appauthor=False)) / "demo" / "opora-demo.db"


@dataclass(frozen=True)
class Remembered:
    database: str
    demo: bool


def remembered() -> Remembered | None:
    """The database the GUI opened last, when it still exists."""
    try:
        data = json.loads(settings_file().read_text("utf-8"))
        database, demo = str(data["database"]), bool(data.get("demo", False))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if "://" not in database and not Path(database).exists():
        return None
    return Remembered(database, demo)


def remember(database: str | Path, demo: bool = False) -> None:
    """Remember the database the GUI opened (written atomically; failure is not fatal)."""
    path = settings_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_text_writer(path) as handle:
            json.dump({"database": str(database), "demo": demo}, handle, ensure_ascii=False)
    except OSError:
        pass  # a read-only profile: the app still works, it only asks again next time


def start_target(target: str) -> str:
    """What `opora` with no --db opens: the remembered database (not the demo, which
    leads back to the first-run choice), else the default one."""
    if target != str(default_database()):
        return target  # given with --db
    last = remembered()
    if last is not None and not last.demo:
        return last.database
    return target
