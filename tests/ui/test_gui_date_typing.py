"""A date typed on the number pad: its decimal key gives «,» under the Ukrainian layout, so
12,03,2024 is the same date as 12.03.2024 (and 12/03/2024 too)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.date_field import DateField

Typist = Callable[[QWidget, str], None]


@pytest.mark.parametrize("typed", ["12.03.2024", "12,03,2024", "12/03/2024", "12,3,24"])
def test_a_date_typed_with_the_number_pad_is_a_date(
    qtbot: QtBot, typist: Typist, typed: str
) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    typist(field.edit, typed)
    assert field.is_valid()
    assert field.value() == dt.date(2024, 3, 12)


@pytest.mark.parametrize("typed", ["12,03", "12..2024", "ab,cd,efgh", "31,02,2024"])
def test_what_is_not_a_date_stays_refused(qtbot: QtBot, typist: Typist, typed: str) -> None:
    field = DateField()
    qtbot.addWidget(field)
    typist(field.edit, typed)
    assert not field.is_valid()
