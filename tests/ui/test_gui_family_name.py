"""One family, one name: the families list, the family card, the printout and the exchange's
lists all name a family by the same rule (app/services/family_names.py). The family below
once got three names: the spouse in the list, the oldest member in the card, the members'
surnames on the printout."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.database import Database
from app.db.models import Settlement
from app.reports.loaders import load_family_card
from app.reports.pdf.family_card import render_family_card
from app.services.family_index import Viewer, load_family_rows
from app.services.family_names import display_name
from app.services.queries import family_names_of
from app.services.records import RecordService
from ui.context import AppContext


def _family(db: Database, members: list[tuple[str, str, str | None, dt.date | None]]) -> str:
    service = RecordService(db)
    with db.reading() as session:
        settlement = session.scalars(select(Settlement.id)).first()
    family = service.save(
        "family", None, {"address": "вул. Липова, 3", "settlement_id": settlement}
    )
    for surname, given, relation, born in members:
        fields = {"family_id": family, "surname": surname, "given_name": given}
        if relation:
            fields["relation"] = relation
        if born:
            fields["birth_date"] = born
        service.save("person", None, fields)
    return family


def _names(qtbot: QtBot, context: AppContext, family: str) -> dict[str, str]:
    from ui.dialogs.family_card import FamilyCard

    card = FamilyCard(context, family)
    qtbot.addWidget(card)
    card_name = card.name_label.text()
    card.reject()
    data = load_family_card(context.db, family)
    pdf = io.BytesIO()
    render_family_card(data, pdf)
    first_page = PdfReader(pdf).pages[0].extract_text()
    listed = {r.id: r.name for r in load_family_rows(context.db, Viewer(role="admin"))}
    return {
        "list": listed[family],
        "card": card_name,
        "printout": data.title,
        "exchange": family_names_of(context.db, [family])[family],
        "pdf": first_page,
    }


def test_a_family_of_three_possible_names_gets_one(qtbot: QtBot, context: AppContext) -> None:
    family = _family(
        context.db,
        [
            ("Ярошенко", "Марія", "grandmother", dt.date(1950, 5, 1)),
            ("Бондар", "Андрій", "child", dt.date(2012, 1, 9)),
            ("Бондар", "Ірина", "spouse", dt.date(1985, 3, 2)),
        ],
    )
    names = _names(qtbot, context, family)
    pdf = names.pop("pdf")
    assert set(names.values()) == {"Бондар Ірина"}, names
    assert "Бондар Ірина" in pdf


def test_a_tie_is_broken_by_the_alphabet_whatever_the_order_of_entry(
    qtbot: QtBot, context: AppContext
) -> None:
    # two mothers, neither dated: the name earlier in the alphabet, entered last
    family = _family(
        context.db, [("Шевчук", "Ольга", "mother", None), ("Антонюк", "Ольга", "mother", None)]
    )
    names = _names(qtbot, context, family)
    names.pop("pdf")
    assert set(names.values()) == {"Антонюк Ольга"}, names


def test_the_rule_ranks_relation_then_age_then_name() -> None:
    old, young = dt.date(1960, 1, 1), dt.date(1990, 1, 1)
    assert display_name([("child", young, "Б", "1"), ("father", None, "В", "2")]) == "В"
    assert display_name([("mother", young, "А", "1"), ("mother", old, "Я", "2")]) == "Я"
    assert display_name([("mother", None, "А", "1"), ("mother", old, "Я", "2")]) == "Я"
    assert display_name([(None, None, "Ґ", "2"), (None, None, "Г", "1")]) == "Г"
    assert display_name([(None, None, "Г", "2"), (None, None, "Г", "1")]) == "Г"
    assert display_name([]) == ""
