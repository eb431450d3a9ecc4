"""A member's relation is named for their sex where the classifier names both: the family
card printed «Дружина / чоловік» for a husband."""

from __future__ import annotations

from pathlib import Path

from app.db.reference import relation_label
from app.reports.loaders import load_family_card
from app.services.records import RecordService
from tests.reports.helpers import centre_with_a_village

FAMILY = "0190a000-0000-7000-8000-000000000011"


def test_relation_by_sex_in_the_card_data(tmp_path: Path) -> None:
    db, settlement = centre_with_a_village(tmp_path / "c.db")
    try:
        records = RecordService(db)
        records.save("family", FAMILY, {"settlement_id": settlement})
        people = [
            ("Петро", "M", "spouse"),
            ("Ганна", "F", "spouse"),
            ("Іван", "M", "sibling"),
            ("Марко", None, "spouse"),
            ("Ольга", "F", "mother"),
        ]
        for given, sex, relation in people:
            records.save(
                "person",
                None,
                {
                    "family_id": FAMILY,
                    "surname": "Мельник",
                    "given_name": given,
                    "sex": sex,
                    "relation": relation,
                },
            )
        card = load_family_card(db, FAMILY)
    finally:
        db.close()
    named = {m.name.split()[1]: m.relation for m in card.members}
    assert named == {
        "Петро": "Чоловік",
        "Ганна": "Дружина",
        "Іван": "Брат",
        "Марко": "Дружина / чоловік",  # sex unknown: the classifier's own words
        "Ольга": "Мати",
    }
    assert relation_label("spouse", "F", "Spouse", "en") == "Wife"
