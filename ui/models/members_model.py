"""Members of a family in the card: ПІБ, date of birth, age, relation, phone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.i18n.text import sort_key
from app.services.family_form import Member
from ui.models.table import Column, RowTableModel
from ui.text import date_text


class MembersModel(RowTableModel[Member]):
    """Edited in memory; the card saves all members with the family."""

    def __init__(
        self, relation_label: Callable[[str | None, str | None], str], parent: Any = None
    ) -> None:
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("Full name"), lambda m: m.name, lambda m: sort_key(m.name)),
            Column(
                self.tr("Date of birth"), lambda m: date_text(m.birth_date), lambda m: m.birth_date
            ),
            Column(
                self.tr("Age"),
                lambda m: "" if m.age() is None else str(m.age()),
                lambda m: m.age(),
                align_right=True,
            ),
            Column(
                self.tr("Relation"),
                lambda m: relation_label(m.relation, m.sex),
                lambda m: sort_key(relation_label(m.relation, m.sex)),
            ),
            Column(self.tr("Phone"), lambda m: m.phone, lambda m: m.phone),
        ]

    def add(self, member: Member) -> None:
        self.beginInsertRows(self.index(0, 0).parent(), len(self._rows), len(self._rows))
        self._rows.append(member)
        self._loaded += 1
        self.endInsertRows()

    def replace(self, row: int, member: Member) -> None:
        self._rows[row] = member
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove(self, row: int) -> Member:
        self.beginRemoveRows(self.index(0, 0).parent(), row, row)
        member = self._rows.pop(row)
        self._loaded -= 1
        self.endRemoveRows()
        return member
