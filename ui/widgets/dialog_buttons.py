"""The Save / Cancel (or Save / Close) row every editing dialog ends with."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox

_Button = QDialogButtonBox.StandardButton


def save_buttons(dialog: QDialog, *, close: bool = False) -> QDialogButtonBox:
    """Save (Enter) and Cancel — or Close, for dialogs that stay open between saves —
    labelled in the user's language and wired to the dialog's accept and reject."""
    other = _Button.Close if close else _Button.Cancel
    # No parent yet: the layout adopts the row after the fields, so Tab reaches it last and
    # a dialog does not open with the focus on «Зберегти».
    buttons = QDialogButtonBox(_Button.Save | other)
    translate = QCoreApplication.translate
    buttons.button(_Button.Save).setText(translate("DialogButtons", "Save"))
    if close:
        buttons.button(other).setText(translate("DialogButtons", "Close"))
    else:
        buttons.button(other).setText(translate("DialogButtons", "Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
