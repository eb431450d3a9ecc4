"""The families list: family, settlement, address, categories, on record since,
specialist, last contact."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt

from app.i18n.text import sort_key
from app.services.family_index import FamilyRow
from ui.icons import icon
from ui.models.table import Column, RowTableModel
from ui.text import date_text

COL_NAME, COL_SETTLEMENT, COL_ADDRESS, COL_CATEGORIES, COL_SINCE, COL_SPECIALIST, COL_LAST = range(
    7
)


def short_tag(label: str) -> str:
    """A category's short tag: its abbreviation in brackets («ВПО»), else its first words."""
    if "(" in label and label.endswith(")"):
        return label[label.rindex("(") + 1 : -1]
    return label if len(label) <= 18 else label[:16].rstrip() + "…"


class FamiliesModel(RowTableModel[FamilyRow]):
    """Rows come from app.services.family_index; category codes show as short tags."""

    def __init__(self, category_labels: Mapping[str, str] | None = None, parent: Any = None):
        super().__init__([], parent)
        self._tags = {code: short_tag(label) for code, label in (category_labels or {}).items()}
        lock = icon("lock")
        self.natural_order = (COL_NAME, Qt.SortOrder.AscendingOrder)
        self.columns = [
            Column(
                self.tr("Family"),
                self._family_text,
                lambda r: r.name_key,
                icon=lambda r: lock if r.restricted else None,
            ),
            Column(self.tr("Settlement"), lambda r: r.settlement, lambda r: sort_key(r.settlement)),
            Column(self.tr("Address"), lambda r: r.address, lambda r: sort_key(r.address)),
            Column(self.tr("Categories"), self._categories, self._categories),
            Column(
                self.tr("On record since"),
                lambda r: date_text(r.on_record_from),
                lambda r: r.on_record_from,
            ),
            Column(self.tr("Specialist"), lambda r: r.specialist, lambda r: sort_key(r.specialist)),
            Column(
                self.tr("Last contact"),
                lambda r: date_text(r.last_contact),
                lambda r: r.last_contact,
            ),
        ]

    def _categories(self, row: FamilyRow) -> str:
        return ", ".join(self._tags.get(code, code) for code in row.categories)

    def _family_text(self, row: FamilyRow) -> str:
        """The family's name; when a search matched another member, that member first (whom
        the user typed, and what a narrow column still shows), then the family's name."""
        name = row.name or self.tr("(no members)")
        member = row.found_member
        if member is None:
            return name
        if not member:
            return name + self.tr(" · found by another member")
        return self.tr("{member} · in the family of {name}").format(member=member, name=name)
