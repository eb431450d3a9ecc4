"""The duplicates review screen: pairs listed, a pair side by side, «not a duplicate», merge."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.db.database import Database
from app.db.models import Family
from app.services.records import RecordService
from ui.pages.duplicates_page import DuplicatesPage


def _twin_family(db: Database, surname: str, given: str, born: str) -> tuple[str, str]:
    with db.session() as session:
        settlement = session.scalar(select(Family.settlement_id).limit(1))
    service = RecordService(db)
    first = service.save("family", None, {"settlement_id": settlement, "address": "вул. Нова, 1"})
    second = service.save("family", None, {"settlement_id": settlement, "address": "Нова вул., 1"})
    for family, name in ((first, given), (second, given.replace("'", "ʼ"))):
        service.save(
            "person",
            None,
            {"family_id": family, "surname": surname, "given_name": name, "birth_date": born},
        )
    return first, second


def test_review_mark_distinct_and_merge(qtbot, demo_db: Database, monkeypatch) -> None:  # noqa: ANN001
    one = _twin_family(demo_db, "Дубльованенко", "Мар'яна", "1991-04-05")
    two = _twin_family(demo_db, "Повторенко", "Ярема", "1980-01-02")
    page = DuplicatesPage(demo_db)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.refresh_button.isEnabled(), timeout=20000)
    families = [p for p in page.pairs if p.type == "family"]
    assert {frozenset((p.a, p.b)) for p in families} >= {frozenset(one), frozenset(two)}

    index = next(i for i, p in enumerate(page.pairs) if {p.a, p.b} == set(one))
    page.pair_list.setCurrentRow(index)
    texts = {
        page.table.item(r, 0).text(): (page.table.item(r, 1).text(), page.table.item(r, 2).text())
        for r in range(page.table.rowCount())
    }
    assert texts["Адреса"] == ("вул. Нова, 1", "Нова вул., 1") or texts["Адреса"] == (
        "Нова вул., 1",
        "вул. Нова, 1",
    )
    page.distinct.click()
    qtbot.waitUntil(lambda: page.refresh_button.isEnabled(), timeout=20000)
    assert not [p for p in page.pairs if {p.a, p.b} == set(one)]

    index = next(i for i, p in enumerate(page.pairs) if {p.a, p.b} == set(two))
    page.pair_list.setCurrentRow(index)
    kept = page.pairs[index].a
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    page.keep_left.click()
    qtbot.waitUntil(lambda: page.refresh_button.isEnabled(), timeout=20000)
    assert not [p for p in page.pairs if {p.a, p.b} == set(two)]
    dropped = (set(two) - {kept}).pop()
    assert RecordService(demo_db).get("family", dropped) is None
    assert RecordService(demo_db).get("family", kept) is not None
