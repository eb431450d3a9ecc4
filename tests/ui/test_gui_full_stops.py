"""A message the core gives, shown in a form, ends with a full stop like the form's own
messages beside it («Введіть дату заняття.» / «Час має бути у форматі ГГ:ХХ» had one and
not the other)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.family_form import Member
from ui.context import AppContext
from ui.dialogs.family_card import FamilyCard
from ui.labels import sentence
from ui.pages.groups_page import GroupsPage

Typist = Callable[[QWidget, str], None]


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("час має бути у форматі ГГ:ХХ", "Час має бути у форматі ГГ:ХХ."),
        ("РНОКПП має складатися з 10 цифр", "РНОКПП має складатися з 10 цифр."),
        ("Already a sentence.", "Already a sentence."),
        ("чи так?", "Чи так?"),
        ("не вдалося!", "Не вдалося!"),
        ("зачекайте…", "Зачекайте…"),
        ("", ""),
    ],
)
def test_a_core_message_is_shown_as_a_whole_sentence(message: str, shown: str) -> None:
    assert sentence(message) == shown


def test_the_session_time_error_ends_like_the_date_error_beside_it(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    page = GroupsPage(context)
    qtbot.addWidget(page)
    page.show()
    page.open_group(page.model.row_at(0).id)
    page.edit_session()
    dialog = page.session_dialog
    assert dialog is not None
    dialog.time.clear()
    typist(dialog.time, "25:70")
    qtbot.keyClick(dialog.time, Qt.Key.Key_Return)
    assert dialog.errors.text("time") == "Час має бути у форматі ГГ:ХХ."
    dialog.date.edit.clear()
    qtbot.keyClick(dialog.time, Qt.Key.Key_Return)
    assert dialog.errors.text("date") == "Введіть дату заняття."
    dialog.reject()


def test_the_family_cards_member_error_is_a_sentence(qtbot: QtBot, context: AppContext) -> None:
    card = FamilyCard(context, None)
    qtbot.addWidget(card)
    card.show()
    card.settlement.setCurrentIndex(1)
    card.members_model.add(Member(surname="Ткач", given_name="Марія", rnokpp="12345"))
    saved = card.save()
    card.dirty = False  # closing asks nothing, whatever is asserted below
    card.reject()
    assert not saved
    assert card.members_error.text() == "Ткач Марія — РНОКПП: РНОКПП має складатися з 10 цифр."
