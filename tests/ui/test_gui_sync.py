"""Exchange through the sync page: a laptop's bundle is created and the centre accepts it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db.database import Database, open_database
from app.services.family_index import Viewer
from app.services.records import RecordService
from app.services.setup import init_centre
from app.sync.enrollment import enroll_device, init_field
from ui.context import AppContext
from ui.pages.sync_page import SyncPage
from ui.settings import UiSettings


def test_export_from_laptop_and_import_at_centre(
    qtbot: QtBot, tmp_path: Path, isolated_settings: UiSettings
) -> None:
    centre = init_centre(
        tmp_path / "centre.db", name="ЦНСП", admin="admin", password="pw", encrypted=False
    )
    district = RecordService(centre).save("district", None, {"name": "Морозівський"})
    RecordService(centre).save("settlement", None, {"name": "Морозівка", "district_id": district})
    enroll_device(
        centre,
        name="Ноутбук-1",
        districts=["Морозівський"],
        login="olena",
        password="pw2",
        out=tmp_path / "enroll.opora",
    )
    laptop: Database = init_field(
        tmp_path / "laptop.db", tmp_path / "enroll.opora", "pw2", encrypted=False
    )
    laptop.close()
    laptop = open_database(tmp_path / "laptop.db", login="olena", password="pw2")
    try:
        settlement = RecordService(centre).get(
            "settlement",
            RecordService(centre).save(
                "settlement", None, {"name": "Українка", "district_id": district}
            ),
        )
        assert settlement is not None
        # a family the laptop records in the field
        laptop_page = SyncPage(
            AppContext(laptop, isolated_settings, Viewer("olena", "olena", "specialist"))
        )
        qtbot.addWidget(laptop_page)
        assert not laptop_page.is_centre
        laptop_page.show()  # discrepancies are the centre's to review: none on a laptop
        assert not laptop_page.conflicts_box.isVisible() and not laptop_page.keep_a.isVisible()
        bundle = tmp_path / laptop_page.default_bundle_name()
        laptop_page.export_to(bundle)
        qtbot.waitUntil(
            lambda: "Передайте цей файл до центру" in laptop_page.export_result.text(),
            timeout=10_000,
        )
        assert bundle.exists()

        centre_page = SyncPage(
            AppContext(centre, isolated_settings, Viewer("admin", "admin", "admin"))
        )
        qtbot.addWidget(centre_page)
        assert centre_page.is_centre
        centre_page.show()
        assert centre_page.conflicts_box.isVisible()
        centre_page.import_files([bundle])
        qtbot.waitUntil(lambda: centre_page.results_table.rowCount() == 1, timeout=10_000)
        assert centre_page.results_table.item(0, 1).text() == "прийнято"
        centre_page.import_files([bundle])
        qtbot.waitUntil(
            lambda: centre_page.results_table.item(0, 1).text() == "вже було прийнято",
            timeout=10_000,
        )
    finally:
        laptop.close()
        centre.close()


def test_discrepancy_shown_side_by_side_and_resolved(qtbot: QtBot, context: AppContext) -> None:
    import json

    from sqlalchemy import select

    from app.db.models import Conflict, Device, Family

    with context.db.session() as session:
        family_id = session.scalars(select(Family.id)).first()
        me = session.scalars(select(Device.id)).first()
        session.add(
            Conflict(
                id="6b0c3c56-6a55-4a3a-9d2b-6d8f3c0e2a11",
                entity="family",
                record_id=family_id,
                field="address",
                winner=json.dumps("вул. Садова, 5"),
                loser=json.dumps("вул. Садова, 7"),
                winner_version=f"0190a0b0c0d00000/{me}",
                loser_version=f"0190a0b0c0c00000/{me}",
                winner_device=me,
                loser_device=me,
                status="open",
                detected_at="2026-11-20T10:00:00+00:00",
            )
        )
    page = SyncPage(context)
    qtbot.addWidget(page)
    assert page.conflicts_box.title() == "Розбіжності даних (1)"
    from app.services.queries import family_names_of

    name = family_names_of(context.db, [family_id])[family_id]
    assert name and page.conflict_table.item(0, 0).text() == f"Картка сім'ї: {name}"
    assert page.conflict_table.item(0, 1).text() == "Адреса"
    assert page.value_a.text().startswith("вул. Садова, 5")
    assert page.value_b.text().startswith("вул. Садова, 7")
    page.keep_a.click()
    assert page.conflicts_box.title() == "Розбіжності даних (0)"
    with context.db.session() as session:
        assert session.scalars(select(Conflict.status)).one() == "resolved"


def test_bundles_are_named_as_the_contract_says(qtbot: QtBot, context: AppContext) -> None:
    from app.sync.bundle import SUFFIX

    page = SyncPage(context)
    qtbot.addWidget(page)
    assert SUFFIX == ".opora"
    assert page.default_bundle_name().endswith(".opora")  # CONTRACT.md: `*.opora` bundles
