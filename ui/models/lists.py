"""Small list models: services, events (visits, assessments, notifications), history,
groups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.i18n.text import sort_key
from app.services.family_form import EventRow, HistoryRow
from app.services.group_queries import GroupRow
from app.services.queries import ServiceRow
from ui.models.table import Column, RowTableModel
from ui.text import date_text

Label = Callable[[str | None], str]


class ServicesModel(RowTableModel[ServiceRow]):
    """Date, service type, recipient, minutes, form."""

    def __init__(self, service_label: Label, form_label: Label, parent: Any = None) -> None:
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("Date"), lambda r: date_text(r.date), lambda r: r.date),
            Column(
                self.tr("Service"), lambda r: f"{r.code} {service_label(r.code)}", lambda r: r.code
            ),
            Column(self.tr("Recipient"), lambda r: r.recipient, lambda r: sort_key(r.recipient)),
            Column(
                self.tr("Minutes"),
                lambda r: "" if r.minutes is None else str(r.minutes),
                lambda r: r.minutes,
                align_right=True,
            ),
            Column(self.tr("Form"), lambda r: form_label(r.form), lambda r: r.form),
            Column(self.tr("Notes"), lambda r: r.notes, lambda r: sort_key(r.notes)),
        ]


class EventsModel(RowTableModel[EventRow]):
    """Date, what (purpose / source / parental capacity), and the text."""

    def __init__(
        self,
        title: str,
        text: str,
        title_label: Label | None = None,
        parent: Any = None,
        text_label: Label | None = None,
        number: str | None = None,
    ) -> None:
        super().__init__([], parent)
        show = title_label or (lambda value: value or "")
        words = text_label or (lambda value: value or "")
        self.columns = [
            Column(self.tr("Date"), lambda r: date_text(r.date), lambda r: r.date),
            Column(title, lambda r: show(r.title), lambda r: sort_key(show(r.title))),
            Column(text, lambda r: words(r.text), lambda r: sort_key(words(r.text))),
        ]
        if number is not None:  # a notification's number, after its date
            self.columns.insert(1, Column(number, lambda r: r.number, lambda r: r.number))


class HistoryModel(RowTableModel[HistoryRow]):
    """When, who, device, what record, which fields (in the user's words)."""

    def __init__(self, entity_label: Label, field_label: Label, parent: Any = None) -> None:
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("When"), lambda r: r.when.strftime("%d.%m.%Y %H:%M"), lambda r: r.when),
            Column(self.tr("Who"), lambda r: r.who or "—", lambda r: sort_key(r.who)),
            Column(self.tr("Device"), lambda r: r.device, lambda r: sort_key(r.device)),
            Column(
                self.tr("Record"),
                lambda r: " ".join(p for p in (entity_label(r.entity), r.record) if p),
                lambda r: r.entity,
            ),
            Column(
                self.tr("Changed"),
                lambda r: ", ".join(field_label(f) for f in r.fields),
                lambda r: len(r.fields),
            ),
        ]


class GroupsModel(RowTableModel[GroupRow]):
    """Name, target category, district, facilitator, sessions held, participants."""

    def __init__(self, category_label: Label, parent: Any = None) -> None:
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("Group"), lambda r: r.name, lambda r: sort_key(r.name)),
            Column(
                self.tr("For whom"),
                lambda r: category_label(r.target_category),
                lambda r: sort_key(category_label(r.target_category)),
            ),
            Column(self.tr("District"), lambda r: r.district, lambda r: sort_key(r.district)),
            Column(
                self.tr("Facilitator"),
                lambda r: r.facilitator,
                lambda r: sort_key(r.facilitator),
            ),
            Column(
                self.tr("Sessions held"),
                lambda r: str(r.sessions_held),
                lambda r: r.sessions_held,
                align_right=True,
            ),
            Column(
                self.tr("Participants"),
                lambda r: str(r.participants),
                lambda r: r.participants,
                align_right=True,
            ),
        ]
