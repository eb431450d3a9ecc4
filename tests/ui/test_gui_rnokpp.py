"""A member's РНОКПП is checked as soon as the field is left, next to the field; the family
card's message names the field with its capitals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services.family_form import Member
from ui.context import AppContext
from ui.dialogs.family_card import FamilyCard
from ui.dialogs.member_dialog import MemberDialog

Typist = Callable[[QWidget, str], None]
VALID = "3012345670"  # the check digit of 301234567 is 0
WRONG_CHECK = "3012345671"


def open_member(qtbot: QtBot, context: AppContext, typist: Typist) -> MemberDialog:
    dialog = MemberDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    typist(dialog.surname, "Ткач")
    typist(dialog.given_name, "Марія")
    return dialog


def leave(qtbot: QtBot, dialog: MemberDialog) -> None:
    dialog.rnokpp.setFocus()
    qtbot.waitUntil(dialog.rnokpp.hasFocus, timeout=5000)
    qtbot.keyClick(dialog.rnokpp, Qt.Key.Key_Tab)


def test_a_wrong_rnokpp_is_said_next_to_the_field_when_it_is_left(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    """An invalid РНОКПП was reported only when the whole family card was saved. Leaving
    the field now says what is wrong under it, and lets the user go on (no focus trap)."""
    dialog = open_member(qtbot, context, typist)
    typist(dialog.rnokpp, WRONG_CHECK)
    leave(qtbot, dialog)
    assert dialog.errors.text("rnokpp").startswith("Контрольна цифра РНОКПП не збігається")
    assert not dialog.rnokpp.hasFocus()  # the user may fill the other fields first

    dialog.rnokpp.clear()
    typist(dialog.rnokpp, "12345")
    leave(qtbot, dialog)
    assert dialog.errors.text("rnokpp").startswith("РНОКПП має складатися з 10 цифр")

    dialog.rnokpp.clear()
    typist(dialog.rnokpp, VALID)
    leave(qtbot, dialog)
    assert dialog.errors.text("rnokpp") == ""

    dialog.rnokpp.clear()
    leave(qtbot, dialog)  # optional: an empty field is fine
    assert dialog.errors.text("rnokpp") == ""


def test_the_member_is_not_taken_with_a_wrong_rnokpp(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    dialog = open_member(qtbot, context, typist)
    typist(dialog.rnokpp, WRONG_CHECK)
    dialog.accept()
    assert dialog.isVisible()
    assert "РНОКПП" in dialog.errors.text("rnokpp")
    assert dialog.rnokpp.hasFocus()
    dialog.rnokpp.clear()
    typist(dialog.rnokpp, VALID)
    dialog.accept()
    assert not dialog.isVisible() and dialog.member.rnokpp == VALID


def test_the_family_card_spells_rnokpp_in_capitals(qtbot: QtBot, context: AppContext) -> None:
    """A member with a wrong РНОКПП (kept from before this check) stopped the card's save
    with «… — податковий номер (рнокпп): …»: the field's name was lower-cased whole."""
    card = FamilyCard(context, None)
    qtbot.addWidget(card)
    card.show()
    card.settlement.setCurrentIndex(1)
    card.members_model.add(Member(surname="Ткач", given_name="Марія", rnokpp=WRONG_CHECK))
    saved = card.save()
    card.dirty = False  # closing asks nothing, whatever is asserted below
    card.reject()
    assert not saved
    message = card.members_error.text()
    assert "— РНОКПП: " in message, message
    assert "рнокпп" not in message
