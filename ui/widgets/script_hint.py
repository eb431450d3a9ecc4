"""A note right under a text field while one of its words mixes Latin letters into Cyrillic
(«Мaрія» typed with a Latin «a»): such a name looks right but is another word to search,
printouts and the registers. It never stops saving (the command line warns the same way,
app/services/records.text_warnings); it asks the user to look."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.i18n.text import latin_letters, mixed_words
from ui.widgets.field_errors import grow_to_fit

TextField = QLineEdit | QPlainTextEdit


class ScriptHint(QLabel):
    """Hidden while the field's words are each in one alphabet."""

    def __init__(self, field: TextField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setWordWrap(True)
        self.setStyleSheet("color: #8a5a00;")
        self.hide()
        field.textChanged.connect(self.check)
        self.check()

    def _text(self) -> str:
        field = self.field
        return field.text() if isinstance(field, QLineEdit) else field.toPlainText()

    def check(self) -> None:
        words = mixed_words(self._text())
        if not words:
            self.hide()
            return
        text = self.tr(
            "«{word}» mixes Latin letters ({letters}) into Cyrillic: check the spelling and "
            "the keyboard layout. You can still save."
        ).format(word=words[0], letters=", ".join(latin_letters(words[0])))
        self.setText(text)
        self.setAccessibleName(text)
        if self.isHidden():
            self.show()
            grow_to_fit(self)


def add_script_hints(container: QWidget) -> list[ScriptHint]:
    """A ScriptHint under every one-line and multi-line text field of the container's form
    layouts (call once, after the forms are built)."""
    hints: list[ScriptHint] = []
    for form in container.findChildren(QFormLayout):
        for row in reversed(range(form.rowCount())):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if not isinstance(field, QLineEdit | QPlainTextEdit):
                continue  # a date, a list, a choice: nothing typed in words
            if isinstance(field, QLineEdit) and field.echoMode() != QLineEdit.EchoMode.Normal:
                continue  # a password
            hint = ScriptHint(field)
            form.insertRow(row + 1, "", hint)
            hints.append(hint)
    return hints
