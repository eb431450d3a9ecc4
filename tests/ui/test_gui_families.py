"""Families through real windows on a real database file: create with two members and find
by search; a bad date shown next to its field; the unsaved-changes prompt."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import Family, Person
from app.services.family_form import Member
from ui.context import AppContext
from ui.dialogs.family_card import FamilyCard
from ui.runner import wait_for_all
from ui.shell import Shell

Typist = Callable[[QWidget, str], None]


def open_shell(qtbot: QtBot, context: AppContext) -> Shell:
    shell = Shell(context)
    qtbot.addWidget(shell.window)
    shell.window.show()
    page = shell.families_page()
    qtbot.waitUntil(lambda: page.index is not None, timeout=10_000)
    return shell


def families_count(context: AppContext) -> int:
    with context.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Family)) or 0)


def add_member(
    qtbot: QtBot,
    card: FamilyCard,
    typist: Typist,
    surname: str,
    given: str,
    born: str,
    relation: str,
) -> None:
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=5000)
    card.members_view.setFocus()
    qtbot.keyClick(card.members_view, Qt.Key.Key_Insert)
    dialog = card.member_dialog
    assert dialog is not None and dialog.isVisible()
    typist(dialog.surname, surname)
    typist(dialog.given_name, given)
    typist(dialog.birth_date.edit, born)
    dialog.relation.setCurrentIndex(dialog.relation.findData(relation))
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_create_family_with_two_members_and_find_it(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    shell = open_shell(qtbot, context)
    before = families_count(context)
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell.window, timeout=5000)
    qtbot.keyClick(shell.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = shell.cards[-1]
    assert card.isVisible()
    card.settlement.setCurrentIndex(1)
    typist(card.address, "вул. Вишнева, 7")
    typist(card.phone, "067 555 12 34")
    typist(card.on_record_from.edit, "03.02.2025")
    assert card.windowTitle().startswith("•")
    card.tabs.setCurrentIndex(1)
    add_member(qtbot, card, typist, "Мар'яненко", "Зоряна", "12.03.1990", "mother")
    add_member(qtbot, card, typist, "Мар'яненко", "Остап", "05.06.2015", "child")
    assert card.members_model.total() == 2

    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=5000)
    with qtbot.waitSignal(card.saved, timeout=5000):
        qtbot.keyClick(card, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not card.windowTitle().startswith("•")
    assert families_count(context) == before + 1
    with context.db.session() as session:
        members = session.scalars(select(Person).where(Person.family_id == card.data.id)).all()
    assert sorted(p.given_name for p in members) == ["Зоряна", "Остап"]
    card.reject()

    page = shell.families_page()
    qtbot.waitUntil(
        lambda: page.index is not None and len(page.index) == before + 1, timeout=10_000
    )
    page.focus_search()
    typist(page.search, "марʼяненко зор")  # a typographic apostrophe, lower case
    assert page.model.total() == 1
    assert page.model.row_at(0).name == "Мар'яненко Зоряна"
    assert page.count_label.text() == "1 сім'я"
    page.search.clear()
    typist(page.search, "мар'яненко ост")  # the family is Зоряна's; the search found Остап
    shown = page.model.index(0, 0).data()
    assert shown == "Мар'яненко Остап · у сім'ї: Мар'яненко Зоряна"
    page.search.clear()
    typist(page.search, "0675551234")
    assert [r.id for r in page.model.rows()] == [card.data.id]
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell.window, timeout=5000)
    page.focus_search()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # to the list, then Enter opens the card
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert shell.cards[-1].data.id == card.data.id
    assert shell.cards[-1].address.text() == "вул. Вишнева, 7"
    shell.cards[-1].reject()


def test_bad_date_is_shown_next_to_the_field(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    shell = open_shell(qtbot, context)
    before = families_count(context)
    card = shell.open_family(None)
    # no village is chosen for a new family: saving asks for it, next to the field
    assert card.settlement.currentIndex() == -1 and card.settlement.count() > 1
    assert not card.save()
    assert card.errors.text("settlement_id")
    assert families_count(context) == before
    card.settlement.setCurrentIndex(0)
    typist(card.address, "вул. Лісова, 2")
    typist(card.on_record_from.edit, "31.02.2025")
    assert not card.save()
    assert card.errors.text("on_record_from") == "Неправильна дата. Введіть її як 12.03.2024."

    card.on_record_from.edit.clear()
    typist(card.on_record_from.edit, "01.01.2099")
    assert not card.save()
    assert card.errors.text("on_record_from") == "Не може бути пізніше сьогоднішньої дати."
    assert card.on_record_from.edit.hasFocus() or not card.isActiveWindow()
    assert families_count(context) == before
    card.dirty = False
    card.reject()


def test_unsaved_changes_are_not_lost_silently(
    qtbot: QtBot, context: AppContext, typist: Typist, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = open_shell(qtbot, context)
    first = shell.families_page().model.row_at(0)
    card = shell.open_family(first.id)
    assert card.members_model.total() == first.members
    typist(card.address, " (двір)")
    assert card.windowTitle().startswith("•")
    asked: list[str] = []

    def cancel(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    card.reject()
    assert card.isVisible()
    assert asked == ["У картці сім'ї є незбережені зміни. Зберегти їх?"]
    card.dirty = False
    card.reject()
    wait_for_all()


def test_visit_recorded_from_the_card(qtbot: QtBot, context: AppContext, typist: Typist) -> None:
    shell = open_shell(qtbot, context)
    first = shell.families_page().model.row_at(0)
    card = shell.open_family(first.id)
    visits_before = card.visits_model.total()
    card.add_event("visit")
    dialog = card.event_dialog
    assert dialog is not None and dialog.isVisible()
    typist(dialog.fields["purpose"], "Оцінка умов проживання")
    dialog.accept()
    assert not dialog.isVisible()
    assert card.visits_model.total() == visits_before + 1
    assert "Оцінка умов проживання" in [r.title for r in card.visits_model.rows()]
    card.tabs.setCurrentIndex(card.tabs.count() - 1)  # the history is read when opened
    assert card.history_model.rows()[0].entity == "visit"
    card.reject()


def test_draft_is_offered_back_after_a_crash(
    qtbot: QtBot, context: AppContext, typist: Typist, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.drafts import load_draft

    shell = open_shell(qtbot, context)
    card = shell.open_family(None)
    typist(card.address, "вул. Нова, 3")
    card.settlement.setCurrentIndex(1)
    village = card.settlement.currentData()
    card.members_model.add(Member(surname="Ґудзь", given_name="Ірина"))
    card.save_draft()
    card.dirty = False
    card.done(0)  # the window vanishes without a word, as after a power cut

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again = shell.open_family(None)
    qtbot.waitUntil(lambda: again.address.text() == "вул. Нова, 3", timeout=5000)
    assert [m.name for m in again.members_model.rows()] == ["Ґудзь Ірина"]
    assert again.settlement.currentData() == village
    assert again.windowTitle().startswith("•")
    assert again.save()
    assert load_draft(context.db, "family:new") is None
    again.reject()


def test_insert_adds_a_member_right_after_switching_to_the_members_tab(
    qtbot: QtBot, context: AppContext
) -> None:
    """The empty members tab says «(Insert)», but after Ctrl+Tab the focus stayed on the tab
    bar and Insert did nothing until the table was clicked: the tab's table takes the focus."""
    shell = open_shell(qtbot, context)
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell.window, timeout=5000)
    qtbot.keyClick(shell.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = shell.cards[-1]
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card, timeout=5000)
    qtbot.keyClick(card.tabs.tabBar(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: card.tabs.currentIndex() == 1, timeout=5000)
    assert QApplication.focusWidget() is card.members_view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Insert)
    dialog = card.member_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    card.dirty = False
    card.reject()


def test_a_family_saved_without_members_keeps_a_name_in_its_card(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    """Saved with an address only, the card's header went blank and its title read
    «Картка сім'ї —  — Опора»: it says «(немає членів)», as the families list does."""
    shell = open_shell(qtbot, context)
    shell.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell.window, timeout=5000)
    qtbot.keyClick(shell.window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = shell.cards[-1]
    card.settlement.setCurrentIndex(1)
    typist(card.address, "вул. Порожня, 1")
    assert card.save()
    assert card.name_label.text() == "(немає членів)"
    assert card.windowTitle() == "Картка сім'ї — (немає членів)"
    card.reject()


def test_members_keep_the_cards_order_until_a_column_is_chosen(
    qtbot: QtBot, context: AppContext, typist: Typist
) -> None:
    """The card lists members by age (the eldest first); the list must not sort them by name,
    backwards, with an arrow on «ПІБ» that the user never chose."""
    shell = open_shell(qtbot, context)
    card = shell.open_family(None)
    card.settlement.setCurrentIndex(1)
    typist(card.address, "вул. Лугова, 2")
    card.tabs.setCurrentIndex(1)
    add_member(qtbot, card, typist, "Бойко", "Марія", "01.02.1950", "grandmother")
    add_member(qtbot, card, typist, "Андрієнко", "Олена", "12.03.1980", "mother")
    add_member(qtbot, card, typist, "Яковенко", "Ігор", "05.06.2015", "child")
    assert card.save()
    family = card.data.id
    card.reject()

    again = shell.open_family(family)
    qtbot.waitUntil(lambda: again.members_model.total() == 3, timeout=5000)
    eldest_first = ["Бойко Марія", "Андрієнко Олена", "Яковенко Ігор"]
    assert [m.name for m in again.members_model.rows()] == eldest_first
    header = again.members_view.horizontalHeader()
    assert header.sortIndicatorSection() == -1  # no arrow the user did not choose
    again.members_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # when the user asks
    assert [m.name for m in again.members_model.rows()] == sorted(eldest_first)
    again.reject()
