"""«Хто» in the family card's history names the account that made each change, also when
two accounts work on one database (the change log alone knows only the device)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.database import Database, open_database
from app.db.models import Family
from app.services.accounts import create_account
from app.services.records import RecordService
from ui.context import AppContext
from ui.settings import UiSettings

PASSWORD = "Ґречана каша з молоком"


def test_history_names_each_account_on_a_shared_database(qtbot: QtBot, context: AppContext) -> None:
    from ui.dialogs.family_card import FamilyCard

    db = context.db
    with db.reading() as session:
        family = str(session.scalars(select(Family.id)).first())
    create_account(db, "olena", "admin", PASSWORD, name="Олена Ткач")
    assert db.path is not None
    olena = open_database(db.path, login="olena", authenticate=False)
    try:
        RecordService(olena).save(
            "visit", None, {"family_id": family, "date": "2026-01-15", "purpose": "Від Олени"}
        )
    finally:
        olena.close()
    RecordService(db).save(
        "visit", None, {"family_id": family, "date": "2026-01-16", "purpose": "Від демо"}
    )
    card = FamilyCard(context, family)
    qtbot.addWidget(card)
    card.tabs.setCurrentIndex(card.tabs.count() - 1)  # the history is read when opened
    model = card.history_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    who = headers.index("Хто")
    newest = [str(model.index(row, who).data()) for row in range(2)]
    assert newest == ["Олена Коваленко", "Олена Ткач"]  # the demo account has a name
    card.reject()


def test_specialist_fields_start_with_a_persons_name_never_a_login(
    qtbot: QtBot, demo_db: Database, isolated_settings: UiSettings
) -> None:
    """«Фахівець» and «Ведучий» were filled with «admin» or «demo»: an account's login is not a
    person; its name is used when it has one, else the field starts empty."""
    from app.services.family_index import Viewer
    from ui.dialogs.group_dialog import GroupDialog

    named = AppContext(demo_db, isolated_settings, Viewer("olena", "Олена Коваленко", "admin"))
    bare = AppContext(demo_db, isolated_settings, Viewer("admin", "admin", "admin"))
    assert (named.person_name, bare.person_name) == ("Олена Коваленко", "")
    for context, expected in ((named, "Олена Коваленко"), (bare, "")):
        dialog = GroupDialog(context)
        qtbot.addWidget(dialog)
        assert dialog.facilitator.text() == expected
    with demo_db.reading() as session:  # the demo's account has a name of its own
        from app.db.models import Account

        account = session.get(Account, "demo")
        assert account is not None and account.display_name == "Олена Коваленко"
