"""Roles in the GUI: a specialist's families list and search never show another's restricted
family; the administrator adds an account in the settings page; the head sees the audit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db.database import Database, open_database
from app.services.accounts import create_account, list_accounts
from app.services.permissions import actor_of
from app.services.records import RecordService
from app.services.setup import init_centre
from ui.context import AppContext
from ui.pages.families_page import FamiliesPage
from ui.pages.settings_page import SettingsPage
from ui.settings import UiSettings

ADMIN_PASSWORD = "пароль адміністратора"
PASSWORD = "пароль фахівця 1"
DISTRICT = "0190a000-0000-7000-8000-0000000000d1"
SETTLEMENT = "0190a000-0000-7000-8000-0000000000e1"
MINE = "0190a000-0000-7000-8000-00000000a001"
THEIRS = "0190a000-0000-7000-8000-00000000a002"
OPEN = "0190a000-0000-7000-8000-00000000a003"


def centre_with_two_specialists(path: Path) -> None:
    db = init_centre(path, name="ЦНСП", admin="admin", password=ADMIN_PASSWORD, encrypted=False)
    service = RecordService(db)
    service.save("district", DISTRICT, {"name": "Морозівський"})
    service.save("settlement", SETTLEMENT, {"name": "Морозівка", "district_id": DISTRICT})
    for login in ("petro", "olena"):
        create_account(db, login, "specialist", PASSWORD, districts=["Морозівський"])
    for family, responsible, surname, restricted in (
        (MINE, "petro", "Петренко", True),
        (THEIRS, "olena", "Оленчук", True),
        (OPEN, "olena", "Відкритий", False),
    ):
        service.save(
            "family",
            family,
            {"settlement_id": SETTLEMENT, "restricted": restricted, "responsible": responsible},
        )
        service.save("person", None, {"family_id": family, "surname": surname, "given_name": "А"})
    db.close()


def signed_in(path: Path, login: str, password: str, settings: UiSettings) -> AppContext:
    db: Database = open_database(path, login=login, password=password)
    return AppContext(db, settings, actor_of(db))


def test_specialist_never_sees_anothers_restricted_family(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings, typist
) -> None:
    path = tmp_path / "c.db"
    centre_with_two_specialists(path)
    context = signed_in(path, "petro", PASSWORD, isolated_settings)
    page = FamiliesPage(context, lambda _id: None)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.index is not None, timeout=10_000)
    assert sorted(r.id for r in page.model.rows()) == sorted([MINE, OPEN])
    for text in ("Оленчук", "олен", "Петренко"):
        page.search.clear()
        typist(page.search, text)
        qtbot.waitUntil(lambda: page.index is not None, timeout=5000)
        page.apply_filter()
        assert THEIRS not in [r.id for r in page.model.rows()], text
    assert [r.id for r in page.model.rows()] == [MINE]
    context.db.close()


def test_admin_adds_an_account_in_settings(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings, typist
) -> None:
    path = tmp_path / "c.db"
    centre_with_two_specialists(path)
    context = signed_in(path, "admin", ADMIN_PASSWORD, isolated_settings)
    page = SettingsPage(isolated_settings, None, context=context)
    qtbot.addWidget(page)
    page.show()
    box = page.accounts
    assert box is not None and page.audit is not None
    typist(box.login_edit, "iryna")
    box.role_box.setCurrentIndex(box.role_box.findData("viewer"))
    typist(box.name_edit, "Ірина Савчук")
    typist(box.password_edit, "1234567890")
    box.add_button.click()
    assert "надто легко вгадати" in box.message.text()  # the policy's reason, in Ukrainian
    assert "iryna" not in [a.login for a in list_accounts(context.db)]
    box.password_edit.clear()
    typist(box.password_edit, "Ґречана каша з молоком")
    box.add_button.click()
    added = {a.login: a for a in list_accounts(context.db)}["iryna"]
    assert (added.role, added.name) == ("viewer", "Ірина Савчук")
    shown = [box.table.item(row, 0).text() for row in range(box.table.rowCount())]
    assert "iryna" in shown
    context.db.close()
    # the new account signs in with its role
    again = open_database(path, login="iryna", password="Ґречана каша з молоком")
    assert actor_of(again).role == "viewer"
    again.close()


def test_a_new_account_is_a_specialist_of_the_districts_ticked(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings, typist
) -> None:
    """The form offered «administrator» first and had no districts: a specialist made there
    reached no family. It now starts at «фахівець» with the districts to tick, and the
    audit trail shows dates as every other date in Opora."""
    from PySide6.QtCore import Qt

    path = tmp_path / "c.db"
    centre_with_two_specialists(path)
    context = signed_in(path, "admin", ADMIN_PASSWORD, isolated_settings)
    page = SettingsPage(isolated_settings, None, context=context)
    qtbot.addWidget(page)
    page.show()
    box = page.accounts
    assert box is not None and page.audit is not None
    assert box.role_box.currentData() == "specialist"
    assert box.district_list.isVisibleTo(page) and box.district_list.count() == 1
    typist(box.login_edit, "iryna")
    typist(box.name_edit, "Ірина Савчук")
    box.district_list.item(0).setCheckState(Qt.CheckState.Checked)
    typist(box.password_edit, "Ґречана каша з молоком")
    box.add_button.click()
    added = {a.login: a for a in list_accounts(context.db)}["iryna"]
    assert (added.role, tuple(added.districts)) == ("specialist", ("Морозівський",))
    box.role_box.setCurrentIndex(box.role_box.findData("head"))
    assert not box.district_list.isVisibleTo(page)  # a head sees every district
    audit = page.audit
    assert audit.date_from.displayFormat() == "dd.MM.yyyy"
    audit.refresh()
    when = audit.table.item(0, 0).text()
    assert len(when) == len("01.12.2026 07:43") and when[2] == "." and when[5] == "."
    assert audit.table.verticalHeader().isHidden()
    context.db.close()


def test_specialist_settings_have_no_accounts_or_audit(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings
) -> None:
    path = tmp_path / "c.db"
    centre_with_two_specialists(path)
    context = signed_in(path, "petro", PASSWORD, isolated_settings)
    page = SettingsPage(isolated_settings, None, context=context)
    qtbot.addWidget(page)
    assert page.accounts is None and page.audit is None
    context.db.close()


def test_reports_page_counts_only_what_the_account_may_see(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings
) -> None:
    from ui.pages.reports_page import ReportsPage

    path = tmp_path / "c.db"
    centre_with_two_specialists(path)
    admin = open_database(path, login="admin", password=ADMIN_PASSWORD)
    since = dt.date.today().replace(month=1, day=1)  # inside the page's default period
    for family in (MINE, THEIRS, OPEN):
        RecordService(admin).save("family", family, {"on_record_from": since})
    admin.close()
    from app.reports.figures import FIGURES

    on_record_label = next(f.label for f in FIGURES if f.key == "families_on_record")
    shown = {}
    for login, password in (("petro", PASSWORD), ("admin", ADMIN_PASSWORD)):
        context = signed_in(path, login, password, isolated_settings)
        page = ReportsPage(context)
        qtbot.addWidget(page)
        page.compute()
        qtbot.waitUntil(lambda page=page: page.summary is not None, timeout=10_000)
        rows = {
            page.figures.item(i, 0).text(): page.figures.item(i, 1).text()
            for i in range(page.figures.rowCount())
        }
        shown[login] = rows[on_record_label]
        context.db.close()
    # petro sees his own restricted family and the open one, never olena's
    assert shown == {"petro": "2", "admin": "3"}
