"""The needs-assessment act (акт оцінки потреб сім'ї/особи) as an A4 printout for signatures.

Laid out in the order of the form under Порядок № 587: general information, each child's
condition and needs, the adults, family and environment, the conclusion with its scales, the
sign-off (DOMAIN.md «Needs assessment (the act)»). Empty answers print as blank lines to be
filled in by hand, so a printed blank act is usable on a home visit too.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.reports import words
from app.reports.data import ActData, ActPerson
from app.reports.pdf import styles
from app.reports.pdf.page import HeaderLine, build_pdf, frame_width

TITLE = "Акт оцінки потреб сім'ї/особи"
CHILD_AREAS = {
    "health": "Стан здоров'я",
    "development": "Розвиток",
    "education": "Навчання",
    "emotions": "Емоційний стан і поведінка",
    "identity": "Самоусвідомлення, стосунки в сім'ї та з однолітками",
    "self_care": "Навички самообслуговування",
    "safety": "Безпека",
}
ADULT_AREAS = {
    "health": "Стан здоров'я",
    "emotions": "Емоційний стан",
    "habits": "Шкідливі звички",
    "contacts": "Соціальні контакти",
    "history": "Життєва історія",
    "employment": "Зайнятість",
    "self_care": "Навички самообслуговування",
    "parenting": "Виконання батьківських обов'язків",
}
FAMILY_AREAS = {
    "support": "Мережа підтримки (родичі, друзі, громада)",
    "relations": "Стосунки в сім'ї",
    "income": "Доходи і борги",
    "household": "Інші особи, які проживають разом",
    "housing": "Житло та його стан",
}
IMPACT = {"minor": "незначний", "moderate": "помірний", "severe": "значний"}
ENVIRONMENT = {"positive": "позитивний", "neutral": "нейтральний", "negative": "негативний"}
DURATION = {
    "under_1m": "до 1 міс.",
    "1_3m": "1–3 міс.",
    "3_6m": "3–6 міс.",
    "6_12m": "6–12 міс.",
    "over_1y": "понад рік",
}
DECISION = {
    "provide": "надавати соціальні послуги",
    "close": "закрити випадок",
    "transfer": "передати іншому надавачу соціальних послуг",
}
CASE_LEVEL = {
    "complex": "складний",
    "medium": "середньої складності",
    "simple": "простий",
    "emergency": "екстрений",
}
BLANK = "_" * 40
SIGN_ROOM = 6 * mm  # above a signature line, for the hand


def _yes_no(value: bool | None, yes: str = "так", no: str = "ні") -> str:
    return "" if value is None else (yes if value else no)


def _choice(options: dict[str, str], chosen: str) -> str:
    """Every option with the chosen one marked: «☒ середній ☐ низький»."""
    return "   ".join(f"{'☒' if code == chosen else '☐'} {text}" for code, text in options.items())


def header_lines(data: ActData) -> list[HeaderLine]:
    lines = [HeaderLine(data.centre.name, bold=True, size=10)]
    if data.centre.address:
        lines.append(HeaderLine(data.centre.address, size=8))
    lines.append(HeaderLine(TITLE.upper(), bold=True, size=12))
    return lines


def _pairs(rows: list[tuple[str, str]], label_width: float = 62 * mm) -> Table:
    table = Table(
        [
            [styles.para(label, styles.CELL_BOLD), styles.para(value or " ")]
            for label, value in rows
        ],
        colWidths=[label_width, frame_width() - label_width],
    )
    table.setStyle(styles.grid_style(header_rows=0, extra=[("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _members(data: ActData) -> Flowable:
    head = ["№", "Прізвище, ім'я, по батькові", "Дата народження", "Родинний зв'язок",
            "Де проживає", "Місце роботи / навчання"]  # fmt: skip
    rows = [
        [
            styles.para(n, styles.CELL_CENTER),
            styles.para(m.name),
            styles.para(words.full_date(m.birth_date), styles.CELL_CENTER),
            styles.para(m.relation),
            styles.para(m.lives),
            styles.para(m.work_study),
        ]
        for n, m in enumerate(data.members, start=1)
    ] or [[styles.para(" ")] * 6 for _ in range(3)]
    widths = [7, 44, 24, 24, 38, 39]  # «народження» fits its column
    total = sum(widths)
    table = Table(
        [[styles.para(h, styles.CELL_HEAD) for h in head], *rows],
        colWidths=[frame_width() * w / total for w in widths],
        repeatRows=1,
    )
    table.setStyle(styles.grid_style(extra=[("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _person_section(person: ActPerson, areas: dict[str, str], child: bool) -> list[Flowable]:
    rows = [(label, person.areas.get(key, "")) for key, label in areas.items()]
    if child:
        rows.append(("Вплив обставин на задоволення потреб дитини", _choice(IMPACT, person.impact)))
    return [Paragraph(person.name or BLANK, styles.BODY_BOLD), _pairs(rows), Spacer(1, 2 * mm)]


def _people(
    heading: str, people: tuple[ActPerson, ...], areas: dict[str, str], child: bool
) -> list[Flowable]:
    """A section of one block per person (one blank block for none), each kept on one page,
    the heading with the first."""
    blocks = [_person_section(p, areas, child) for p in people or (ActPerson(""),)]
    blocks[0].insert(0, Paragraph(heading, styles.HEADING))
    return [KeepTogether(block) for block in blocks]


def act_story(data: ActData) -> list[Flowable]:
    """The flowables of the act."""
    notification = " від ".join(
        part
        for part in (
            f"№ {data.notification_number}" if data.notification_number else "",
            words.full_date(data.notification_date),
        )
        if part
    )
    story: list[Flowable] = [
        Paragraph("1. Загальна інформація", styles.HEADING),
        _pairs(
            [
                ("Сім'я / особа", data.family_title),
                ("Адреса", data.address),
                ("Повідомлення (звернення)", notification),
                ("Оцінку розпочато", words.full_date(data.started)),
                ("Оцінку завершено", words.full_date(data.finished)),
            ]
        ),
        Spacer(1, 2 * mm),
        styles.section("Члени сім'ї", _members(data), style=styles.BODY_BOLD),
    ]
    story += _people("2. Стан і потреби дитини", data.children, CHILD_AREAS, True)
    story += _people("3. Дорослі члени сім'ї", data.adults, ADULT_AREAS, False)
    story += [
        KeepTogether(
            [
                Paragraph("4. Сім'я та середовище", styles.HEADING),
                _pairs([(label, data.family.get(key, "")) for key, label in FAMILY_AREAS.items()]),
            ]
        ),
        KeepTogether(
            [
                Paragraph("5. Висновок", styles.HEADING),
                _pairs(
                    [
                        (
                            "Складні життєві обставини",
                            _choice(
                                {"yes": "наявні", "no": "відсутні"},
                                ""
                                if data.sjo_present is None
                                else ("yes" if data.sjo_present else "no"),
                            ),
                        ),
                        ("Причини СЖО", data.sjo_causes),
                        (
                            "Ознаки психологічної травми в дитини",
                            _yes_no(data.child_trauma, "наявні", "відсутні"),
                        ),
                        ("Батьківський потенціал", _choice(words.CAPACITY, data.parental_capacity)),
                        (
                            "Вплив чинників сім'ї та середовища",
                            _choice(ENVIRONMENT, data.environment_impact),
                        ),
                        ("Тривалість проблем", _choice(DURATION, data.problem_duration)),
                        ("Сім'я усвідомлює проблеми", _yes_no(data.family_aware)),
                        ("Сім'я готова до співпраці", _yes_no(data.family_ready)),
                        ("Потрібні соціальні послуги", "; ".join(data.needed_services)),
                        ("Рішення", _choice(DECISION, data.decision)),
                        ("Складність випадку", _choice(CASE_LEVEL, data.case_level)),
                        ("Висновок", data.conclusion),
                    ]
                ),  # fmt: skip
            ]
        ),
        KeepTogether(
            [
                Paragraph("6. Ознайомлення та підписи", styles.HEADING),
                _pairs(
                    [
                        (
                            "З висновком сім'я / особа",
                            _choice(
                                {"yes": "згодна", "no": "не згодна"},
                                ""
                                if data.family_agrees is None
                                else ("yes" if data.family_agrees else "no"),
                            ),
                        ),
                        ("Зауваження сім'ї / особи", data.family_remarks),
                        ("Хто ще брав участь в оцінці", data.participants),
                    ]
                ),  # fmt: skip
                Spacer(1, 6 * mm),
                _signatures(data),
            ]
        ),
    ]
    return story


def _signatures(data: ActData) -> Table:
    line = "_" * 22
    rows = [
        ["Фахівець, який провів оцінку", data.specialist or "", line],
        ["Сім'я / особа (ознайомлена)", "", line],
        ["ЗАТВЕРДЖУЮ: керівник", data.approved_by or "", line],
    ]
    width = frame_width()
    table = Table(
        [[styles.para(a, styles.BODY), styles.para(b, styles.BODY), styles.para(c)]
         for a, b, c in rows]
        + [[styles.para("Дата: «___» ____________ 20___ р.", styles.BODY), "", ""]],
        colWidths=[width * 0.38, width * 0.32, width * 0.30],
    )  # fmt: skip
    # room above each line to sign in; a row grows downwards with a name that wraps
    table.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), SIGN_ROOM)]
        )
    )
    return table


def render_assessment_act(data: ActData, out: str | Path | BinaryIO) -> None:
    """Write the act as a PDF to ``out`` (a path or a binary stream)."""
    build_pdf(
        out, act_story(data), header=header_lines(data), title=f"{TITLE}: {data.family_title}"
    )
