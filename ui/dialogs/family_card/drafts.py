"""A reusable draft keeper: what was typed survives a crash until it is saved or discarded
(the draft is stored through app/services/drafts.py; the dialog gives `draft()` and
`restore_draft()`).

A mixin of FamilyCard (dialog.py); its texts keep the dialog's translation context."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QMessageBox,
)

from app.services.drafts import drop_draft, load_draft, save_draft
from app.services.family_form import (
    Member,
)


class DraftKeeper:
    """What was typed survives a crash until it is saved or discarded."""

    # drafts: what was typed survives a crash until it is saved or discarded
    def draft(self) -> dict[str, Any]:
        return {
            "texts": {
                "address": self.address.text(),
                "phone": self.phone.text(),
                "specialist": self.specialist.text(),
                "on_record_from": self.on_record_from.edit.text(),
                "on_record_to": self.on_record_to.edit.text(),
                "close_reason": self.close_reason.text(),
                "card_number": self.card_number.text(),
                "take_reason": self.take_reason.text(),
                "organisations": self.organisations.text(),
                "notes": self.notes.toPlainText(),
            },
            "settlement_id": self.settlement.currentData(),
            "restricted": self.restricted.isChecked(),
            "categories": self.categories.codes(),
            "factors": self.factors.codes(),
            "members": [
                {**asdict(m), "birth_date": m.birth_date.isoformat() if m.birth_date else None}
                for m in self.members_model.rows()
            ],
            "removed": list(self.removed),
        }

    def save_draft(self) -> None:
        if self.dirty:
            save_draft(self.context.db, self.draft_key, self.draft())

    def restore_draft(self, content: dict[str, Any]) -> None:
        texts = content.get("texts", {})
        for name, widget in (
            ("address", self.address),
            ("phone", self.phone),
            ("specialist", self.specialist),
            ("close_reason", self.close_reason),
            ("card_number", self.card_number),
            ("take_reason", self.take_reason),
            ("organisations", self.organisations),
        ):
            widget.setText(texts.get(name, ""))
        self.on_record_from.edit.setText(texts.get("on_record_from", ""))
        self.on_record_to.edit.setText(texts.get("on_record_to", ""))
        self.notes.setPlainText(texts.get("notes", ""))
        self.settlement.setCurrentIndex(self._settlement_index(content.get("settlement_id")))
        self.restricted.setChecked(bool(content.get("restricted")))
        self.categories.set_codes(content.get("categories", []))
        self.factors.set_codes(content.get("factors", []))
        members = []
        for raw in content.get("members", []):
            born = raw.get("birth_date")
            members.append(
                Member(**{**raw, "birth_date": dt.date.fromisoformat(born) if born else None})
            )
        self.members_model.set_rows(members)
        self.removed = list(content.get("removed", []))
        self._update_header()
        self._set_dirty(True)

    def offer_draft(self) -> None:
        """Opened after a crash: offer back what was typed and not saved."""
        if self.dirty:  # already restored (the start-up notice did it)
            return
        found = load_draft(self.context.db, self.draft_key)
        if found is None:
            return
        saved_at, content = found
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("FamilyCard", "Unsaved draft"),
            QCoreApplication.translate(
                "FamilyCard",
                "This card has changes from {when} that were not saved (the program "
                "closed unexpectedly). Restore them?",
            ).format(when=saved_at.strftime("%d.%m.%Y %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_draft(content)
        else:
            drop_draft(self.context.db, self.draft_key)
