"""The family card's status badge: на обліку / знято з обліку / не на обліку, by the one
on-record rule (app/db/on_record.py), in the colours of ui/style.py."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.db.on_record import RecordStatus
from ui import style


def show_status(label: QLabel, status: RecordStatus) -> None:
    """Show a family's record status on `label` (texts in the card's translation context)."""
    if status is RecordStatus.ON:
        label.setText(QCoreApplication.translate("FamilyCard", "on record"))
        style.badge(label, style.GOOD)
    elif status is RecordStatus.OFF:
        label.setText(QCoreApplication.translate("FamilyCard", "taken off record"))
        style.badge(label, style.NEUTRAL)
    else:
        label.setText(QCoreApplication.translate("FamilyCard", "not on record"))
        style.badge(label, style.WARNING)
