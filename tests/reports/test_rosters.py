"""A group's participants and sessions are loaded once (app/services/rosters.py): the group
card's grid, the attendance journal and the registration sheet list the same people, named
the same way, in the same order, over the same sessions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from app.db.database import Database
from app.db.models import GroupSession, Person
from app.reports.loaders import load_journal, load_registration
from app.services.group_queries import group_sheet
from app.services.records import RecordService


def test_grid_journal_and_sheet_agree(plain_centre: Database) -> None:
    db = plain_centre
    service = RecordService(db)
    district = service.save("district", None, {"name": "Морозівський"})
    settlement = service.save("settlement", None, {"name": "с. Морозівка", "district_id": district})
    family = service.save("family", None, {"settlement_id": settlement})

    def person(surname: str, given: str) -> str:
        fields = {"family_id": family, "surname": surname, "given_name": given}
        return service.save("person", None, fields)

    kept, gone = person("Ткач", "Олег"), person("Яремчук", "Ліна")
    group = service.save("group", None, {"name": "Батьківство", "district_id": district})

    def participant(**fields: object) -> str:
        return service.save("participant", None, {"group_id": group, **fields})

    p_kept = participant(person_id=kept)
    p_gone = participant(person_id=gone, name="Аліна (записана вручну)")
    twins = sorted([participant(name="Бойко Ганна"), participant(name="Бойко Ганна")])
    days = [dt.date(2026, 2, 3), dt.date(2026, 2, 1)]
    sessions = [service.save("session", None, {"group_id": group, "date": d}) for d in days]
    undated = service.save("session", None, {"group_id": group, "date": dt.date(2026, 2, 9)})
    with db.session() as session:  # as a bundle from an old replica or a merge can leave them
        session.execute(update(Person).where(Person.id == gone).values(deleted=True))
        session.execute(update(GroupSession).where(GroupSession.id == undated).values(date=None))

    sheet = group_sheet(db, group)
    journal = load_journal(db, group)
    registration = load_registration(db, sessions[0])
    assert sheet is not None
    expected = [
        (p_gone, "Аліна (записана вручну)"),  # the deleted person: the participant's own name
        (twins[0], "Бойко Ганна"),  # the same name: ordered by id
        (twins[1], "Бойко Ганна"),
        (p_kept, "Ткач Олег"),
    ]
    assert [(p.id, p.name) for p in sheet.participants] == expected
    assert [(p.id, p.name) for p in journal.participants] == expected
    assert [(p.id, p.name) for p in registration.rows] == expected
    order = [sessions[1], sessions[0]]  # by date; the undated one nowhere
    assert [s.id for s in sheet.sessions] == order
    assert [s.id for s in journal.sessions] == order
