"""A restricted family's needs-assessment act prints only for who may see the family (UX.md:
restricted cases never appear in printouts for someone who may not see them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.database import open_database
from app.errors import UsageError
from app.reports.loaders import load_assessment_act, load_family_card
from app.services.accounts import create_account
from app.services.records import RecordService
from tests.reports.helpers import centre_with_a_village

FAMILY = "0190a000-0000-7000-8000-000000000021"
ASSESSMENT = "0190a000-0000-7000-8000-000000000022"


def test_restricted_familys_act_is_absent_for_a_viewer(tmp_path: Path) -> None:
    """The act of a restricted family (domestic violence) printed for a viewer, with the
    family's members and the assessment's findings, though its family card was refused."""
    db, place = centre_with_a_village(tmp_path / "c.db")
    try:
        records = RecordService(db)
        records.save(
            "family", FAMILY, {"settlement_id": place, "restricted": True, "responsible": "admin"}
        )
        records.save(
            "person", None, {"family_id": FAMILY, "surname": "Дʼяченко", "given_name": "Їва"}
        )
        records.save(
            "assessment", ASSESSMENT, {"family_id": FAMILY, "conclusion": "насильство в сімʼї"}
        )
        create_account(db, "ivan", "viewer", "рольовий-пароль-7")
        assert load_assessment_act(db, ASSESSMENT).members  # the admin sees it
    finally:
        db.close()
    viewer = open_database(tmp_path / "c.db", login="ivan", authenticate=False)
    try:
        with pytest.raises(UsageError, match=FAMILY):
            load_family_card(viewer, FAMILY)
        with pytest.raises(UsageError, match=ASSESSMENT):
            load_assessment_act(viewer, ASSESSMENT)
    finally:
        viewer.close()
