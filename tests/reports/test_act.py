"""The needs-assessment act PDF, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import re

from app.reports.data import ActData, ActMember, ActPerson
from app.reports.pdf.assessment_act import render_assessment_act
from app.reports.pdf.page import pdf_bytes

from .helpers import CENTRE, pdf_pages, pdf_runs

LONG_NAME = "Ґалаґан-Пʼятничук Єлизавета-Марʼяна Ївгенівна"


def act(**changes) -> ActData:
    """An act of a family of a mother and two children, its sign-off filled in."""
    data = ActData(
        centre=CENTRE,
        family_title="Дʼяченко Марʼяна Олегівна",
        address="с. Морозівка, вул. Шевченка, 12",
        notification_number="14",
        notification_date=dt.date(2026, 2, 2),
        started=dt.date(2026, 2, 3),
        finished=dt.date(2026, 2, 9),
        members=(
            ActMember("Дʼяченко Марʼяна Олегівна", dt.date(1990, 4, 2), "мати"),
            ActMember("Дʼяченко Іван Ігорович", dt.date(2015, 6, 30), "син"),
            ActMember("Дʼяченко Їва Ігорівна", dt.date(2018, 1, 5), "донька"),
        ),
        children=(ActPerson("Дʼяченко Іван Ігорович", {"health": "здоровий"}, "minor"),),
        adults=(ActPerson("Дʼяченко Марʼяна Олегівна", {"employment": "не працює"}),),
        sjo_present=True,
        parental_capacity="medium",
        family_agrees=True,
        participants="Шевчук Олена Петрівна, психолог",
        specialist="Коваль Наталія Ґеоргіївна",
        approved_by="Бондар Ольга Петрівна",
    )
    return ActData(**{**data.__dict__, **changes})


def test_long_specialist_name_stays_in_its_signature_row() -> None:
    """A specialist written with the position wrapped to three lines in the signature block,
    whose rows had a fixed height: the name grew upwards over the table above it."""
    specialist = f"{LONG_NAME}, фахівець із соціальної роботи І категорії"
    data = pdf_bytes(render_assessment_act, act(specialist=specialist))
    runs = pdf_runs(data)
    above = [y for _, _, y, text in runs if text == "Хто ще брав участь в оцінці"]
    role = [(page, y) for page, _, y, text in runs if text == "Фахівець, який провів оцінку"]
    name = [(page, y) for page, _, y, text in runs if text and text in specialist and len(text) > 3]
    assert above and role and name
    assert all(y < above[0] - 10 for _, y in name)  # below the table, not over it
    assert all(y >= role[0][1] - 0.5 for _, y in name)  # ends on the line of its label
    page = role[0][0]
    sign_offs = sorted(
        (y for p, _, y, text in runs if p == page and re.fullmatch(r"_{10,}", text)),
        reverse=True,
    )
    approve = next(y for p, _, y, text in runs if p == page and text == "ЗАТВЕРДЖУЮ: керівник")
    assert len(sign_offs) == 3 and approve < min(y for _, y in name)
    assert "Дата:" in pdf_pages(data)[-1]


def test_members_table_head_words_are_whole() -> None:
    """The members' table printed its head «Дата народження» as «Дата народ» over «ження»:
    the column was narrower than the word."""
    runs = pdf_runs(pdf_bytes(render_assessment_act, act()))
    head = [text for page, _, _, text in runs if page == 1 and "народ" in text]
    assert "народження" in " ".join(head).split()


def test_lines_typed_in_a_text_area_stay_lines() -> None:
    """A conclusion or an area typed as lines (a numbered list) printed as one run-on
    paragraph: «Потреби сімʼї: 1. Житло. 2. Робота…»."""
    conclusion = "Потреби сімʼї:\n1. Житло.\r\n2. Робота для матері.\n\n3. Гурток для Івана.\n"
    runs = pdf_runs(pdf_bytes(render_assessment_act, act(conclusion=conclusion)))
    texts = [text for *_, text in runs]
    for line in ("Потреби сімʼї:", "1. Житло.", "2. Робота для матері.", "3. Гурток для Івана."):
        assert line in texts, line
