"""The attendance journal PDF, read back with pypdf."""

from __future__ import annotations

import re

import pytest

from app.reports.pdf import journal as journal_module
from app.reports.pdf.journal import chunk_sessions, render_journal
from app.reports.pdf.page import pdf_bytes

from .helpers import journal, pdf_fonts, pdf_pages


@pytest.fixture(scope="module")
def forty() -> tuple:
    data = journal(sessions=40, participants=4)
    return data, pdf_pages(pdf_bytes(render_journal, data))


def test_ukrainian_text_is_extractable() -> None:
    pages = pdf_pages(pdf_bytes(render_journal, journal()))
    text = "\n".join(pages)
    for expected in (
        "ЖУРНАЛ ОБЛІКУ ВІДВІДУВАННЯ ГРУПИ",
        "Ґонтаренко Єлизавета Ївгенівна",
        "Мʼякота Ірина Іванівна",
        "Коваль Наталія Ґеоргіївна",
        "Морозівський",
        "01.01.2026 – 31.12.2026",
        "Центр надання соціальних послуг",
    ):
        assert expected in text
    assert "(підпис)" in text  # the facilitator's signature line


def test_every_font_is_embedded() -> None:
    fonts = pdf_fonts(pdf_bytes(render_journal, journal(sessions=20)))
    assert fonts
    for font in fonts:
        if font["/Subtype"] == "/Type0":
            continue  # embedding is on its descendant
        assert "DejaVuSans" in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"]


def test_forty_sessions_split_across_pages(forty) -> None:
    data, pages = forty
    assert len(pages) == 3  # 16 + 16 + 8 columns
    dates = [re.findall(r"\b\d\d\.\d\d\b(?!\.)", page) for page in pages]
    printed = [d for page in dates for d in page]
    expected = [s.date.strftime("%d.%m") for s in data.sessions]
    for day in expected:
        assert day in printed
    assert len(set(dates[0]) & set(expected)) == 16
    assert len(set(dates[2]) & set(expected)) == 8
    assert "Заняття 1–16 з 40" in pages[0]
    assert "Заняття 33–40 з 40" in pages[2]


def test_header_names_and_page_numbers_on_every_page(forty) -> None:
    data, pages = forty
    for number, page in enumerate(pages, start=1):
        assert "ЖУРНАЛ ОБЛІКУ ВІДВІДУВАННЯ ГРУПИ" in page
        assert "Група: Група «Разом»" in page
        assert "Ведучий (фасилітатор): Коваль Наталія Ґеоргіївна" in page
        assert f"сторінка {number} з {len(pages)}" in page
        for participant in data.participants:
            assert participant.name in page  # names repeated on each split page


def test_totals_per_participant_and_session() -> None:
    data = journal(sessions=5, participants=4)
    text = "\n".join(pdf_pages(pdf_bytes(render_journal, data)))
    # cycle present/absent/excused/present/present: each participant attends 3 of 5
    assert text.count("3 з 5") == 4
    per_session = [data.session_present_count(s.id) for s in data.sessions]
    assert per_session == [2, 2, 3, 3, 2]
    assert re.search(r"Присутніх на занятті\s+2\s+2\s+3\s+3\s+2\s+12", text)


def test_marks_use_font_glyphs() -> None:
    text = "\n".join(pdf_pages(pdf_bytes(render_journal, journal())))
    assert "✓" in text and "✗" in text and "П" in text


def test_marks_fall_back_without_glyphs(monkeypatch) -> None:
    monkeypatch.setattr(journal_module, "has_glyph", lambda char, font=None: False)
    text = "\n".join(pdf_pages(pdf_bytes(render_journal, journal())))
    assert "✓" not in text and "+" in text and "−" in text


def test_chunking() -> None:
    sessions = journal(sessions=33).sessions
    assert [len(c) for c in chunk_sessions(sessions)] == [16, 16, 1]
    assert chunk_sessions(()) == [()]


def test_many_participants_repeat_the_column_header() -> None:
    pages = pdf_pages(pdf_bytes(render_journal, journal(sessions=3, participants=60)))
    assert len(pages) >= 2
    for page in pages:
        assert "Прізвище, ім'я, по батькові" in page and "05.01" in page


def test_empty_journal_renders() -> None:
    text = "\n".join(pdf_pages(pdf_bytes(render_journal, journal(sessions=0))))
    assert "занять не було" in text
    assert "Ведучий (фасилітатор) групи" in text
    # no attendance grid without sessions: it printed «0 з 0» for everyone, and a legend
    for empty in ("0 з 0", "Присутніх на занятті", "Позначки:"):
        assert empty not in text


def test_sessions_on_one_day_are_told_apart_by_time_or_order() -> None:
    """Two sessions of a day had the same «dd.MM» column title in the printed journal; a
    day's sessions now carry their start time under the date, or «№ 1», «№ 2» without one."""
    import dataclasses
    import datetime as dt

    from app.services.rosters import SessionRow

    data = journal(sessions=1, participants=2)
    day, other = dt.date(2026, 2, 3), dt.date(2026, 2, 10)
    sessions = (
        SessionRow("a", day, "09:00"),
        SessionRow("b", day, "17:30"),
        SessionRow("c", other),
        SessionRow("d", other),
        SessionRow("e", dt.date(2026, 2, 17), "15:00"),
    )
    data = dataclasses.replace(data, sessions=sessions, marks={})
    text = "\n".join(pdf_pages(pdf_bytes(render_journal, data)))
    for title in ("03.02 09:00", "03.02 17:30", "10.02 № 1", "10.02 № 2"):
        assert re.search(title.replace(" ", r"\s+", 1), text), title
    assert "15:00" not in text and "17.02" in text  # a day's only session: its date
