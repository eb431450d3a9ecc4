"""First run without the command line: demo, a new centre, or a laptop from its enrollment
file, each on real database files; the opened database is remembered for the next start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import open_database
from app.errors import AuthError
from app.files import default_database
from app.services.setup import init_centre
from app.sync.enrollment import enroll_device
from ui.first_run import FirstRunDialog
from ui.remembered import remembered, settings_file, start_target
from ui.settings import UiSettings

Typist = Callable[[object, str], None]


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs' config and data folders of this test only."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def dialog_for(qtbot: QtBot, tmp_path: Path) -> FirstRunDialog:
    dialog = FirstRunDialog(tmp_path / "opora.db", tmp_path / "demo" / "demo.db", demo_families=8)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_three_ways_to_start_in_ukrainian(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, tmp_path)
    assert dialog.demo_button.text() == "Відкрити демо"
    assert dialog.centre_button.text() == "Створити базу центру"
    assert dialog.enroll_button.text() == "Підключити ноутбук за файлом підключення"
    assert dialog.focusWidget() is dialog.demo_button
    assert start_target(str(default_database())) == str(default_database())


def test_create_the_centre_database(qtbot: QtBot, tmp_path: Path, typist: Typist) -> None:
    dialog = dialog_for(qtbot, tmp_path)
    qtbot.mouseClick(dialog.centre_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1 and dialog.focusWidget() is dialog.centre_name
    typist(dialog.centre_name, "ЦНСП Малинської громади")
    dialog.centre_admin.setText("olena")
    dialog.centre_password.setText("secret-one")
    dialog.centre_repeat.setText("secret-two")
    qtbot.mouseClick(dialog.centre_go, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Паролі різні. Введіть їх ще раз."
    assert not (tmp_path / "opora.db").exists()

    dialog.centre_repeat.setText("secret-one")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.keyClick(dialog.centre_repeat, Qt.Key.Key_Return)
    database = dialog.database
    assert database is not None and database.encrypted and database.login == "olena"
    assert not dialog.demo
    database.close()
    with pytest.raises(AuthError):
        open_database(tmp_path / "opora.db", login="olena", password="secret-two")
    open_database(tmp_path / "opora.db", login="olena", password="secret-one").close()
    # Remembered in the platform's config folder: the next `opora` opens it.
    assert settings_file().is_relative_to(tmp_path / "config")
    last = remembered()
    assert last is not None and Path(last.database) == tmp_path / "opora.db" and not last.demo
    assert start_target(str(default_database())) == str(tmp_path / "opora.db")
    # the next start's sign-in offers the administrator just made
    assert UiSettings().login_for(str(tmp_path / "opora.db")) == "olena"
    assert start_target(str(tmp_path / "other.db")) == str(tmp_path / "other.db")


def test_an_existing_file_is_never_overwritten(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "opora.db").write_bytes(b"someone's data")
    dialog = dialog_for(qtbot, tmp_path)
    qtbot.mouseClick(dialog.centre_button, Qt.MouseButton.LeftButton)
    dialog.centre_name.setText("ЦНСП")
    dialog.centre_password.setText("довгий пароль центру")
    dialog.centre_repeat.setText("довгий пароль центру")
    qtbot.mouseClick(dialog.centre_go, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text().startswith("За адресою")
    assert (tmp_path / "opora.db").read_bytes() == b"someone's data"
    assert remembered() is None


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("abc", "Пароль має містити щонайменше 10 символів."),
        ("olena", "Пароль має містити щонайменше 10 символів."),
        ("qwerty1234", "Пароль надто легко вгадати: оберіть менш поширений."),
    ],
)
def test_a_weak_password_is_refused_with_its_reason(
    qtbot: QtBot, tmp_path: Path, password: str, reason: str
) -> None:
    """The centre's file holds survivors' records: the first-run form keeps the same password
    policy as `init centre` (a 3-character password made an encrypted centre)."""
    dialog = dialog_for(qtbot, tmp_path)
    qtbot.mouseClick(dialog.centre_button, Qt.MouseButton.LeftButton)
    dialog.centre_name.setText("ЦНСП")
    dialog.centre_admin.setText("olena")
    dialog.centre_password.setText(password)
    dialog.centre_repeat.setText(password)
    qtbot.mouseClick(dialog.centre_go, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == reason
    assert dialog.focusWidget() is dialog.centre_password
    assert not (tmp_path / "opora.db").exists()
    assert remembered() is None


def test_open_the_demo_and_come_back_to_the_choice(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, tmp_path)
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        qtbot.keyClick(dialog.demo_button, Qt.Key.Key_Space)
    database = dialog.database
    assert database is not None and dialog.demo and database.login == "demo"
    database.close()
    assert (tmp_path / "demo" / "demo.db").exists()
    last = remembered()
    assert last is not None and last.demo
    # The demo is remembered but does not lock the user in: the choice is offered again.
    assert start_target(str(default_database())) == str(default_database())


def test_connect_a_laptop_with_its_enrollment_file(qtbot: QtBot, tmp_path: Path) -> None:
    centre = init_centre(
        tmp_path / "centre.db", name="ЦНСП", admin="admin", password="pw", encrypted=False
    )
    from app.services.records import RecordService

    RecordService(centre).save("district", None, {"name": "Морозівський"})
    enroll_device(
        centre,
        name="Ноутбук-1",
        districts=["Морозівський"],
        login="olena",
        password="laptop-secret",
        out=tmp_path / "enroll.opora",
    )
    centre.close()
    dialog = dialog_for(qtbot, tmp_path)
    qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 2
    dialog.enroll_file.setText(str(tmp_path / "enroll.opora"))
    dialog.enroll_password.setText("wrong")
    qtbot.mouseClick(dialog.enroll_go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=30_000)
    assert "Traceback" not in dialog.error_label.text()
    assert not (tmp_path / "opora.db").exists() and dialog.isVisible()

    dialog.enroll_password.setText("laptop-secret")
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        qtbot.mouseClick(dialog.enroll_go, Qt.MouseButton.LeftButton)
    database = dialog.database
    assert database is not None and database.encrypted and database.login == "olena"
    database.close()
    open_database(tmp_path / "opora.db", login="olena", password="laptop-secret").close()
    last = remembered()
    assert last is not None and Path(last.database) == tmp_path / "opora.db"
