"""What is typed in a dialog is not lost to one Esc (UX «Nothing is lost»): the first change
puts a dot in the title, and closing it then asks — «Зберегти» (Enter) runs the dialog's
own Save, «Не зберігати» closes, «Повернутися» (Esc) stays."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from ui.widgets.code_list import CodeList
from ui.widgets.date_field import DateField


class UnsavedGuard(QObject):
    """Made after the dialog's fields are filled in; the dialog's reject() closes only when
    `may_close()` says so."""

    def __init__(self, dialog: QDialog, save: Callable[[], object] | None = None) -> None:
        """`save`: what «Зберегти» runs — the dialog's accept() unless given (a dialog whose
        Save keeps it open for the next entry gives one that saves and closes)."""
        super().__init__(dialog)
        self.dialog = dialog
        self.save = save or dialog.accept
        self.dirty = False
        self.question: QMessageBox | None = None
        self.save_button: QPushButton | None = None
        self.discard_button: QPushButton | None = None
        self.back_button: QPushButton | None = None
        for edit in dialog.findChildren(QLineEdit):
            edit.textEdited.connect(self.changed)
        for area in dialog.findChildren(QPlainTextEdit):
            area.textChanged.connect(self.changed)
        for combo in dialog.findChildren(QComboBox):
            combo.activated.connect(self.changed)
        for spin in dialog.findChildren(QSpinBox):
            spin.valueChanged.connect(self.changed)
        for button in dialog.findChildren(QAbstractButton):
            if button.isCheckable():
                button.clicked.connect(self.changed)
        for field in dialog.findChildren(DateField):
            field.changed.connect(self.changed)
        for codes in dialog.findChildren(CodeList):
            codes.changed.connect(self.changed)

    def changed(self, *_args: object) -> None:
        if not self.dirty:
            self.dirty = True
            self.dialog.setWindowTitle("• " + self.dialog.windowTitle())

    def saved(self) -> None:
        """The dialog saved and stays open: what it shows now is stored."""
        if self.dirty:
            self.dirty = False
            self.dialog.setWindowTitle(self.dialog.windowTitle().removeprefix("• "))

    def may_close(self) -> bool:
        """True when nothing typed would be lost; otherwise asks (once) and says False."""
        if not self.dirty:
            return True
        if self.question is not None and self.question.isVisible():
            return False
        translate = QCoreApplication.translate
        box = QMessageBox(self.dialog)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Unsaved", "Unsaved changes"))
        box.setText(translate("Unsaved", "What is typed here is not saved yet."))
        box.setInformativeText(translate("Unsaved", "Save it before closing?"))
        save = box.addButton(translate("Unsaved", "&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            translate("Unsaved", "Do &not save"), QMessageBox.ButtonRole.DestructiveRole
        )
        back = box.addButton(translate("Unsaved", "&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(back)
        self.question = box
        self.save_button, self.discard_button, self.back_button = save, discard, back

        def answered() -> None:
            if box.clickedButton() is save:
                self.save()  # its own checks: an error keeps it open
            elif box.clickedButton() is discard:
                self.dirty = False
                self.dialog.reject()

        box.finished.connect(lambda _result: answered())
        box.open()
        return False
