"""Error messages shown right under the field they concern."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui import style


def grow_to_fit(widget: QWidget) -> None:
    """Make the window tall enough for wrapped text just shown in it (a dialog's layout
    does not count the height a word-wrapped label needs at its width)."""
    window = widget.window()
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    parent = widget.parentWidget()
    while parent is not None and parent is not window:  # a scroll area asks anew too
        parent.updateGeometry()
        parent = parent.parentWidget()
    layout.activate()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
    else:
        needed = layout.totalSizeHint().height()
    screen = window.screen().availableGeometry().height() if window.screen() else needed
    needed = min(needed, screen - 40)
    if window.height() < needed:
        window.resize(window.width(), needed)


class FieldErrors:
    """One hidden red label per field name; `show(field, text)` reveals and focuses."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def label_for(self, field: str, widget: QWidget) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        style.error_text(label)
        label.hide()
        self._labels[field] = label
        self._widgets[field] = widget
        return label

    def show(self, field: str, text: str, *, focus: bool = True) -> bool:
        """Show an error (and put the cursor in the field unless `focus` is False, as when
        the field is just being left); False when the form has no such field."""
        label = self._labels.get(field)
        if label is None:
            return False
        label.setText(text)
        label.setAccessibleName(text)
        label.show()
        if focus:
            self._widgets[field].setFocus()
        grow_to_fit(label)
        return True

    def hide(self, field: str) -> None:
        """The field is right now: its error goes."""
        label = self._labels.get(field)
        if label is not None:
            label.clear()
            label.hide()

    def text(self, field: str) -> str:
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()


def read_fields(fields: dict[str, QWidget], errors: FieldErrors, not_a_date: str) -> dict | None:
    """The values a form's widgets hold, by field name (empty text is None); None after
    showing `not_a_date` next to the first date field that does not hold a date."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

    from ui.widgets.code_list import CodeList
    from ui.widgets.date_field import DateField

    result: dict = {}
    for name, widget in fields.items():
        if isinstance(widget, DateField):
            if not widget.is_valid():
                errors.show(name, not_a_date)
                return None
            result[name] = widget.value()
        elif isinstance(widget, QLineEdit):
            result[name] = widget.text().strip() or None
        elif isinstance(widget, QPlainTextEdit):
            result[name] = widget.toPlainText().strip() or None
        elif isinstance(widget, QCheckBox):
            result[name] = widget.isChecked()
        elif isinstance(widget, CodeList):
            result[name] = widget.codes()
        elif isinstance(widget, QComboBox):
            result[name] = widget.currentData()
    return result
