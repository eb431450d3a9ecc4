"""Smaller first-day findings: a picked child gets the service, the login is per database,
empty tabs say what they are for."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import Family, Person, Visit
from app.services.records import RecordService
from ui.context import AppContext
from ui.settings import UiSettings


def test_picking_one_child_gives_the_service_to_that_child(
    qtbot: QtBot, context: AppContext
) -> None:
    from ui.dialogs.service_dialog import ServiceDialog

    with context.db.session() as session:
        child = session.scalars(select(Person).where(Person.relation == "child")).first()
        assert child is not None
        child_id, family_id = child.id, child.family_id
    dialog = ServiceDialog(context, family_id, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.to_family.isChecked()
    dialog.recipient.choose_id(child_id)
    assert dialog.to_person.isChecked() and not dialog.to_family.isChecked()
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    assert dialog.save()
    stored = RecordService(context.db).get("service", saved[0])
    assert stored is not None
    assert stored["person_id"] == child_id and stored["family_id"] == family_id


def test_the_login_offered_is_the_one_used_with_that_database(
    isolated_settings: UiSettings,
) -> None:
    isolated_settings.set_login_for("/data/centre.db", "olena")
    isolated_settings.set_login_for("/media/usb/laptop.db", "iryna")
    again = UiSettings()
    assert again.login_for("/data/centre.db") == "olena"
    assert again.login_for("/media/usb/laptop.db") == "iryna"
    assert again.login_for("/data/other.db") == ""


def test_an_empty_tab_says_how_to_start(qtbot: QtBot, context: AppContext) -> None:
    from ui.dialogs.family_card import FamilyCard

    with context.db.session() as session:
        family_id = str(session.scalars(select(Family.id)).first())
        visits = list(session.scalars(select(Visit.id).where(Visit.family_id == family_id)))
    for visit in visits:
        RecordService(context.db).delete("visit", visit)
    card = FamilyCard(context, family_id)
    qtbot.addWidget(card)
    card.show()
    card.tabs.setCurrentIndex(3)
    hint = card.empty_hints["visit"]
    assert hint.isVisible() and "«Записати візит…»" in hint.text()
    assert not card.empty_hints["history"].isVisible()
    card.reject()


def test_start_up_after_a_crash_says_so_and_reopens_the_draft(
    qtbot: QtBot, context: AppContext, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.services.drafts import save_draft
    from app.services.family_form import load_family
    from ui.shell import Shell

    with context.db.session() as session:
        family_id = str(session.scalars(select(Family.id)).first())
    card_before = Shell(context).open_family(family_id)
    qtbot.addWidget(card_before)
    draft = card_before.draft()
    draft["texts"]["address"] = "вул. Після збою, 7"
    card_before.dirty = False
    card_before.done(0)
    QApplication_process()  # that card's own start-up check has run (no draft yet)
    save_draft(context.db, f"family:{family_id}", draft)

    asked: list[str] = []

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)  # type: ignore[attr-defined]
    shell = Shell(context)
    qtbot.addWidget(shell.window)
    shell.window.show()
    opened = shell.offer_drafts()
    assert len(asked) == 1 and "неочікувано" in asked[0]
    data = load_family(context.db, family_id)
    assert data is not None
    assert len(opened) == 1 and opened[0].address.text() == "вул. Після збою, 7"
    assert opened[0].windowTitle().startswith("•")
    QApplication_process()
    assert len(asked) == 1  # the card does not ask a second time
    opened[0].dirty = False
    opened[0].reject()


def QApplication_process() -> None:  # noqa: N802
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
