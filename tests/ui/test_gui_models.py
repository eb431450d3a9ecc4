"""Table models without widgets: row counts, lazy loading, Ukrainian sorting, roles."""

from __future__ import annotations

import datetime as dt
import random

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from app.i18n import search_key, sort_key
from app.services.family_index import FamilyFilter, FamilyIndex, FamilyRow
from ui.models.families_model import COL_CATEGORIES, COL_NAME, COL_SINCE, FamiliesModel
from ui.models.roles import ID_ROLE, OBJECT_ROLE, SORT_ROLE
from ui.models.table import CHUNK

NAMES = [
    "Яковенко Ігор",
    "Ґонта Олег",
    "Гнатюк Ірина",
    "Іваненко Анна",
    "Їжак Павло",
    "Євтушенко Дар'я",
    "Бондар Марія",
    "Єрмоленко Ілля",
    "Жук Ганна",
]
UKRAINIAN_ORDER = [
    "Бондар Марія",
    "Гнатюк Ірина",
    "Ґонта Олег",
    "Євтушенко Дар'я",
    "Єрмоленко Ілля",
    "Жук Ганна",
    "Іваненко Анна",
    "Їжак Павло",
    "Яковенко Ігор",
]


def row(i: int, name: str, since: dt.date | None = None, text: str = "") -> FamilyRow:
    return FamilyRow(
        id=f"f{i}",
        name=name,
        settlement="Морозівка",
        district_id="d1",
        address="вул. Садова, 1",
        phone="",
        categories=("idp",),
        on_record_from=since,
        on_record_to=None,
        specialist="Олена Коваль",
        restricted=False,
        search_text=search_key(text or name),
        name_key=sort_key(name),
    )


def names(model: FamiliesModel) -> list[str]:
    return [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]


def test_sorts_by_the_ukrainian_alphabet() -> None:
    model = FamiliesModel({"idp": "Внутрішньо переміщені особи (ВПО)"})
    model.set_rows([row(i, n) for i, n in enumerate(NAMES)])
    model.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert names(model) == UKRAINIAN_ORDER
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert names(model) == list(reversed(UKRAINIAN_ORDER))


def test_fast_key_agrees_with_core_sort_key() -> None:
    rng = random.Random(7)
    letters = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 8))) for _ in range(400)]
    by_core = [w.replace("'", "") for w in sorted(words, key=sort_key)]
    by_fast = [w.replace("'", "") for w in sorted(words, key=sort_key)]
    assert by_core == by_fast


def test_rows_arrive_in_chunks() -> None:
    model = FamiliesModel()
    model.set_rows([row(i, f"Бондар {i:04d}") for i in range(CHUNK * 2 + 50)])
    assert model.rowCount() == CHUNK
    assert model.total() == CHUNK * 2 + 50
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == CHUNK * 2 + 50
    assert not model.canFetchMore(QModelIndex())


def test_roles_carry_object_id_and_sort_value() -> None:
    model = FamiliesModel({"idp": "Внутрішньо переміщені особи (ВПО)"})
    since = dt.date(2025, 3, 12)
    model.set_rows([row(1, "Бондар Марія", since)])
    assert model.data(model.index(0, COL_SINCE)) == "12.03.2025"
    assert model.data(model.index(0, COL_SINCE), SORT_ROLE) == since
    assert model.data(model.index(0, COL_CATEGORIES)) == "ВПО"
    assert model.data(model.index(0, 0), OBJECT_ROLE).id == "f1"
    assert model.data(model.index(0, 3), ID_ROLE) == "f1"
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Сім'я"


def test_empty_dates_sort_last_both_ways() -> None:
    model = FamiliesModel()
    model.set_rows(
        [row(1, "А", None), row(2, "Б", dt.date(2024, 1, 1)), row(3, "В", dt.date(2025, 1, 1))]
    )
    model.sort(COL_SINCE, Qt.SortOrder.AscendingOrder)
    assert names(model) == ["Б", "В", "А"]
    model.sort(COL_SINCE, Qt.SortOrder.DescendingOrder)
    assert names(model) == ["В", "Б", "А"]


def test_a_view_sorts_the_model_itself_and_finds_its_objects(qtbot) -> None:
    # the views sit on the model with no proxy: a header click must reach the model's own
    # sort (over every row, loaded or not), and a view's index must give the row object
    model = FamiliesModel()
    model.set_rows([row(i, n) for i, n in enumerate(NAMES * (CHUNK // len(NAMES) + 1))])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert [r.name for r in model.rows()[:2]] == ["Яковенко Ігор"] * 2
    assert [r.name for r in model.rows()[-2:]] == ["Бондар Марія"] * 2  # unloaded rows too
    first = model.index(0, COL_NAME)
    assert first.data() == "Яковенко Ігор"
    assert model.row_object(first).name == "Яковенко Ігор"
    assert model.row_object(QModelIndex()) is None


def test_search_ignores_apostrophes_case_and_finds_phone() -> None:
    index = FamilyIndex(
        [
            row(1, "Мар'яна Коваль", text="марʼяна коваль +380671234567 0671234567"),
            row(2, "Марʼяненко Олег", text="марʼяненко олег"),
            row(3, "Бондар Марія", text="бондар марія"),
        ]
    )
    for typed in ("марян", "МАР'ЯН", "мар’ян"):
        found = index.search(FamilyFilter(text=typed))
        assert sorted(r.id for r in found) == ["f1", "f2"], typed
    assert [r.id for r in index.search(FamilyFilter(text="0671234"))] == ["f1"]
    assert [r.id for r in index.search(FamilyFilter(text="коваль мар"))] == ["f1"]
    assert [r.id for r in index.search(FamilyFilter(text="яна"))] == ["f1"]  # inside a word
    assert index.search(FamilyFilter(text="ов")) == []  # two letters: from a word's start
    assert index.search(FamilyFilter(text="марян", category="elderly")) == []


def test_restricted_families_show_only_to_their_responsible_and_the_centre() -> None:
    from app.services.family_index import Viewer

    assert Viewer("olena", "Олена Коваль", "specialist").may_see(True, "olena")
    assert not Viewer("iryna", "Ірина Савчук", "specialist").may_see(True, "olena")
    assert Viewer("admin", "admin", "admin").may_see(True, "olena")
    assert Viewer("chief", "Керівник", "head").may_see(True, "olena")
    assert not Viewer("olena", "Олена Коваль", "viewer").may_see(True, "olena")
    assert not Viewer().may_see(True, "")  # no account named: no restricted family
    assert Viewer("iryna", "Ірина Савчук", "specialist").may_see(False, "olena")
