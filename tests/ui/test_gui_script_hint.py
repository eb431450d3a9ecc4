"""Latin letters inside a Cyrillic name («Мaрія» with a Latin «a») are pointed out right under
the field while typing; saving is not stopped."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Family
from app.services.records import RecordService
from tests.ui.conftest import type_text
from ui.context import AppContext

LATIN_A = "Мaрія"  # the second letter is the Latin «a»


def test_member_dialog_points_out_a_mixed_name_and_still_saves(
    qtbot: QtBot, context: AppContext
) -> None:
    from ui.dialogs.member_dialog import MemberDialog

    dialog = MemberDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hints = {hint.field: hint for hint in dialog.script_hints}
    hint = hints[dialog.given_name]
    assert not hint.isVisible()
    type_text(dialog.surname, "Коваленко")
    type_text(dialog.given_name, LATIN_A)
    assert hint.isVisible() and not hints[dialog.surname].isVisible()
    assert "«Мaрія»" in hint.text() and "латинські літери (a)" in hint.text()
    # right under its field, as wide as the text needs
    field = dialog.given_name.geometry()
    assert hint.geometry().top() >= field.bottom() and hint.x() == field.x()
    assert hint.height() >= hint.heightForWidth(hint.width())
    dialog.given_name.setText("Марія")
    assert not hint.isVisible()
    dialog.given_name.setText(LATIN_A)
    dialog.accept()  # a doubt, not an error
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.member.given_name == LATIN_A


def test_family_card_points_out_a_mixed_address(qtbot: QtBot, context: AppContext) -> None:
    from ui.dialogs.family_card import FamilyCard

    with context.db.reading() as session:
        family = str(session.scalars(select(Family.id)).first())
    RecordService(context.db).save("family", family, {"address": "вул. Сaдова, 3"})
    card = FamilyCard(context, family)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    hint = next(h for h in card.script_hints if h.field is card.address)
    assert hint.isVisible() and "«Сaдова»" in hint.text()  # already stored that way
    card.address.setText("вул. Садова, 3")
    assert not hint.isVisible()
    card.dirty = False
    card.reject()
