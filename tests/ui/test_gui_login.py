"""The login dialog: a clear message on a wrong password, the value on success."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.errors import AuthError
from ui.login_dialog import LoginDialog


def opener(login: str, password: str) -> str:
    if password != "sekret":
        raise AuthError("wrong")
    return f"db-of-{login}"


def test_wrong_password_says_so_and_stays_open(qtbot: QtBot) -> None:
    dialog = LoginDialog("opora.db", opener, login="olena")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "wrong")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=5000)
    assert "Неправильний обліковий запис або пароль" in dialog.error_label.text()
    assert dialog.isVisible()
    assert dialog.result_value is None


def test_right_password_accepts(qtbot: QtBot) -> None:
    dialog = LoginDialog("opora.db", opener, login="olena")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "sekret")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result_value == "db-of-olena"


def test_real_encrypted_database(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.db.database import Database, open_database
    from app.services.setup import init_centre

    path = tmp_path / "centre.db"
    init_centre(path, name="ЦНСП", admin="olena", password="right-one", encrypted=True).close()
    dialog = LoginDialog(
        str(path),
        lambda login, password: open_database(path, login=login, password=password),
        login="olena",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "wrong-one")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=20_000)
    assert dialog.error_label.text().startswith("Неправильний обліковий запис або пароль")
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, "right-one")
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert isinstance(dialog.result_value, Database)
    assert dialog.result_value.encrypted
    dialog.result_value.close()
