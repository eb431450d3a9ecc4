"""A group's participants: a registered person joins a group once."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.database import Database
from app.errors import ValidationError
from app.services.group_queries import add_participant
from app.services.records import import_records
from tests.core.sample import IDS, records, write_lines


def test_a_person_already_in_the_group_is_not_added_again(centre: Database, tmp_path: Path) -> None:
    """The GUI added the same person twice: two rows in the grid, the journal and the
    registration sheet, and twice the participants in the reports."""
    import_records(centre, write_lines(tmp_path / "s.jsonl", records()))
    with pytest.raises(ValidationError) as refused:
        add_participant(centre, IDS["group"], person_id=IDS["mother"])
    assert refused.value.field == "person_id"
    # another person, and an outside person by name, still join
    add_participant(centre, IDS["group"], person_id=IDS["child"])
    add_participant(centre, IDS["group"], name="Ковальчук Ніна")
