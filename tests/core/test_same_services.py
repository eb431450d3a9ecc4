"""The quick entry's question before a second identical service: what counts as the same."""

from __future__ import annotations

import datetime as dt

from app.db.database import Database
from app.services.queries import same_services
from app.services.records import RecordService

DAY = dt.date(2026, 11, 20)


def test_same_recipient_type_and_day_only(plain_centre: Database) -> None:
    records = RecordService(plain_centre)
    district = records.save("district", None, {"name": "Округ"})
    settlement = records.save("settlement", None, {"name": "с. Ворсівка", "district_id": district})
    family = records.save("family", None, {"settlement_id": settlement})
    person = records.save(
        "person", None, {"family_id": family, "surname": "Білик", "given_name": "Марія"}
    )
    to_person = {"family_id": family, "person_id": person, "service_code": "002.0", "date": DAY}
    first = records.save("service", None, to_person)

    assert same_services(plain_centre, family, person, "002.0", DAY) == 1
    assert same_services(plain_centre, family, person, "002.0", DAY, other_than=first) == 0
    assert same_services(plain_centre, family, None, "002.0", DAY) == 0  # the whole family
    assert same_services(plain_centre, family, person, "002.0", DAY.replace(day=21)) == 0

    records.save("service", None, {**to_person, "person_id": None})
    assert same_services(plain_centre, family, None, "002.0", DAY) == 1
    records.save("service", first, {"deleted": True})
    assert same_services(plain_centre, family, person, "002.0", DAY) == 0  # deleted: gone
