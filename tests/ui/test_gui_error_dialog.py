"""The GUI's error boundary: an uncaught exception becomes a dialog that says what to do and
where the log is; neither the dialog nor the log shows a record's values."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ui import error_dialog


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_error_is_a_dialog_and_a_log_entry(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    error_dialog.install()
    seen: list[tuple[str, str]] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.text(), box.informativeText()))
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    def slot_that_fails() -> None:
        raise KeyError("Коваленко Марія Іванівна")

    try:
        QTimer.singleShot(0, slot_that_fails)
        QTimer.singleShot(30, close_box)
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    finally:
        error_dialog.uninstall()
    text, advice = seen[0]
    log = tmp_path / "opora" / "log" / "opora.log"
    assert "KeyError" in text and "неочікувана помилка" in text, text
    assert str(log) in advice
    entry = log.read_text("utf-8")
    assert "KeyError" in entry and "slot_that_fails" in entry
    for shown in (text, advice, entry):
        assert "Коваленко" not in shown and "Марія" not in shown
