"""Where the printouts break their pages: a section's heading never ends a page alone."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.reports.data import ActMember, ActPerson, FamilyMember, ServiceEntry, SummaryLabels
from app.reports.pdf.assessment_act import render_assessment_act
from app.reports.pdf.family_card import render_family_card
from app.reports.pdf.page import MARGIN, pdf_bytes
from app.reports.pdf.styles import KEEP_ROOM
from app.reports.pdf.summary_pdf import render_summary

from .helpers import CENTRE, family_card, pdf_runs, summary
from .test_act import act

CARD_HEADINGS = (
    "Члени сім'ї",
    "Адреси, дієздатність, зайнятість членів сім'ї",
    "Журнал наданих послуг",
)
ACT_HEADINGS = (
    "1. Загальна інформація",
    "Члени сім'ї",
    "2. Стан і потреби дитини",
    "3. Дорослі члени сім'ї",
    "4. Сім'я та середовище",
    "5. Висновок",
    "6. Ознайомлення та підписи",
)


def lone_headings(data: bytes, headings: tuple[str, ...]) -> list[tuple[int, str]]:
    """(page, heading) of each heading printed with nothing under it on its page."""
    runs = pdf_runs(data)
    lone = []
    for page, _, y, text in runs:
        if text in headings and not any(
            p == page and MARGIN < below < y - 1 for p, _, below, _ in runs
        ):
            lone.append((page, text))
    return lone


def test_family_card_headings_stay_with_their_tables() -> None:
    """With nine members the heading of the members' addresses ended page 1 and its table
    began page 2; every count of members is tried."""
    base = family_card()
    member = FamilyMember(
        "Ґонтаренко-Вишнеградська Єлизавета-Марʼяна Ївгенівна",
        "F",
        dt.date(1990, 4, 2),
        "мати",
        "+38 (067) 123-45-67",
        registered_address="Донецька обл., м. Краматорськ, вул. Олекси Тихого, буд. 112, кв. 45",
        actual_address="с. Великі Цвіля, вул. Незалежності, буд. 1-А",
        legal_capacity="full",
        work_study="Комунальний заклад «Новоград-Волинський ліцей № 7», 9-Б клас",
    )
    service = ServiceEntry(dt.date(2026, 1, 5), "002.0 Консультування", "сімʼя", 30, "individual")
    found = []
    for n in range(1, 16):
        data = dataclasses.replace(base, members=(member,) * n, services=(service,) * 12)
        found += [
            (n, *lone) for lone in lone_headings(pdf_bytes(render_family_card, data), CARD_HEADINGS)
        ]
    assert found == []


def test_act_headings_stay_with_their_sections() -> None:
    """With nine members «2. Стан і потреби дитини» ended page 1 and its first child began
    page 2; every count of members and adults is tried."""
    member = ActMember(
        "Стародубцева-Шевченко Олександра Костянтинівна",
        dt.date(1980, 2, 28),
        "мати",
        "Житомирська обл., с. Великі Цвіля, вул. Незалежності, буд. 1-А",
        "Комунальний заклад «Новоград-Волинський ліцей № 7 імені Лесі Українки», 9-Б клас",
    )
    adult = ActPerson(member.name, {"health": "Хронічні хвороби " * 20})
    found = []
    for n in range(1, 14):
        data = act(members=(member,) * n, adults=(adult,) * (1 + n % 3))
        found += [
            (n, *lone)
            for lone in lone_headings(pdf_bytes(render_assessment_act, data), ACT_HEADINGS)
        ]
    assert found == []


def test_summary_sections_start_where_the_last_one_ended() -> None:
    """A section too long for the rest of a page (services by recipients' categories, with
    fifteen services and six categories) was moved whole to the next page, which left half
    a page empty; a section moves only when little room is left."""
    categories = {
        f"c{k}": f"Категорія отримувачів номер {k} (ВПО, УБД, сімʼї загиблих)" for k in range(6)
    }
    services = {f"{k:03}.0": f"Послуга номер {k}" for k in range(1, 16)}
    base = summary(40)
    data = dataclasses.replace(
        base,
        services=dict.fromkeys(services, 40),
        service_events=dict.fromkeys(services, 90),
        services_by_category={code: dict.fromkeys(categories, 3) for code in services},
    )
    runs = pdf_runs(
        pdf_bytes(render_summary, data, centre=CENTRE, labels=SummaryLabels(services, categories))
    )
    body = [(page, y) for page, _, y, _ in runs if y > MARGIN]
    pages = max(page for page, _ in body)
    for page in range(1, pages):
        lowest = min(y for p, y in body if p == page)
        assert lowest - MARGIN < KEEP_ROOM + 30, page  # no more than room and a line's worth empty
