"""Family card (картка сім'ї): the family, its members, categories, factors and work log."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.db.on_record import RecordStatus, record_status
from app.reports import words
from app.reports.data import FamilyCardData
from app.reports.pdf import styles
from app.reports.pdf.page import HeaderLine, build_pdf, frame_width

TITLE = "Соціальна картка сім'ї"
CAPACITY = {"full": "дієздатна", "limited": "обмежено дієздатна", "none": "недієздатна"}
SEX = {"F": "ж", "M": "ч"}
FORMS = {"individual": "індивідуальна", "group": "групова"}


def age_on(birth: date, day: date) -> int:
    """Full years of a person born on ``birth`` on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def status_text(data: FamilyCardData) -> str:
    """The case status on the day printed (app/db/on_record.py): on record since, or off
    record with the reason."""
    day = data.printed_on or date.today()
    status = record_status(data.on_record_from, data.on_record_to, day)
    if status is RecordStatus.OFF and data.on_record_to:
        text = f"знята з обліку {words.full_date(data.on_record_to)}"
        if data.on_record_from:
            text += f" (на обліку з {words.full_date(data.on_record_from)})"
        if data.close_reason:
            text += f"; причина: {data.close_reason}"
        return text
    if status is RecordStatus.ON and data.on_record_from:
        text = f"перебуває на обліку з {words.full_date(data.on_record_from)}"
        if data.on_record_to:
            text += f"; знімається з обліку {words.full_date(data.on_record_to)}"
        return text
    if data.on_record_from:  # taken on record from a later day
        return f"не перебуває на обліку (береться на облік {words.full_date(data.on_record_from)})"
    return "не перебуває на обліку"


def header_lines(data: FamilyCardData) -> list[HeaderLine]:
    """The running header: the centre, the title, the family."""
    lines = [HeaderLine(data.centre.name, bold=True, size=10)]
    if data.centre.address:
        lines.append(HeaderLine(data.centre.address, size=8))
    lines.append(HeaderLine(f"{TITLE.upper()}: {data.title}", bold=True, size=12))
    if data.restricted:
        lines.append(HeaderLine("ОБМЕЖЕНИЙ ДОСТУП — конфіденційна інформація", bold=True))
    return lines


def _details(data: FamilyCardData) -> Table:
    pairs = [
        ("Номер картки", data.card_number),
        ("Причина взяття на облік", data.take_reason),
        ("Населений пункт", data.settlement),
        ("Старостинський округ", data.district),
        ("Адреса", data.address),
        ("Телефон", data.phone),
        ("Стан справи", status_text(data)),
        ("Відповідальний фахівець", data.specialist),
        ("Категорії", "; ".join(data.categories) or "—"),
        ("Чинники СЖО", "; ".join(data.factors) or "—"),
        ("Примітки", data.notes),
    ]
    rows = [
        [styles.para(label, styles.CELL_BOLD), styles.para(value)]
        for label, value in pairs
        if value
    ]
    table = Table(rows, colWidths=[52 * mm, frame_width() - 52 * mm])
    table.setStyle(styles.grid_style(header_rows=0, extra=[("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _table(head: list[str], rows: list[list], widths: list[float]) -> Table:
    table = Table(
        [[styles.para(h, styles.CELL_HEAD) for h in head]] + rows,
        colWidths=widths,
        repeatRows=1,
    )
    table.setStyle(styles.grid_style(extra=[("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _members(data: FamilyCardData, day: date) -> Flowable:
    if not data.members:
        return Paragraph("Членів сім'ї не внесено.", styles.BODY)
    rows = []
    for number, m in enumerate(data.members, start=1):
        rows.append(
            [
                styles.para(number, styles.CELL_CENTER),
                styles.para(m.name),
                styles.para(SEX.get(m.sex, m.sex), styles.CELL_CENTER),
                styles.para(words.full_date(m.birth_date), styles.CELL_CENTER),
                styles.para(age_on(m.birth_date, day) if m.birth_date else "", styles.CELL_CENTER),
                styles.para(m.relation),
                styles.para(m.phone),
                styles.para("так" if m.disability else "", styles.CELL_CENTER),
            ]
        )
    head = [
        "№",
        "Прізвище, ім'я, по батькові",
        "Стать",
        "Дата народження",
        "Вік",
        "Родинний зв'язок",
        "Телефон",
        "Інвалід­ність",
    ]
    widths = [7, 44, 13, 25, 9, 24, 31, 19]
    return _table(head, rows, _scaled(widths))


def _member_details(data: FamilyCardData) -> Flowable | None:
    """Per member: registered and actual address, legal capacity, work or study."""
    rows = [
        [
            styles.para(n, styles.CELL_CENTER),
            styles.para(m.name),
            styles.para(m.registered_address),
            styles.para(m.actual_address),
            styles.para(CAPACITY.get(m.legal_capacity, m.legal_capacity)),
            styles.para(m.work_study),
        ]
        for n, m in enumerate(data.members, start=1)
        if m.registered_address or m.actual_address or m.legal_capacity or m.work_study
    ]
    if not rows:
        return None
    head = ["№", "Прізвище, ім'я, по батькові", "Адреса реєстрації", "Фактична адреса",
            "Дієздат­ність", "Місце роботи / навчання"]  # fmt: skip
    return _table(head, rows, _scaled([7, 40, 34, 34, 22, 35]))


def _specialists(data: FamilyCardData) -> Flowable:
    rows = [
        [styles.para(words.full_date(day), styles.CELL_CENTER), styles.para(name)]
        for day, name in data.specialists
    ]
    return _table(["З якого дня", "Відповідальний фахівець"], rows, _scaled([30, 146]))


KINDS = {"category": "категорія", "factor": "чинник СЖО"}


def _code_history(data: FamilyCardData) -> Flowable:
    """Categories and СЖО factors with the days they applied («—»: they still apply)."""
    rows = [
        [
            styles.para(KINDS.get(span.kind, span.kind)),
            styles.para(span.label),
            styles.para(words.full_date(span.since), styles.CELL_CENTER),
            styles.para(words.full_date(span.until) or "—", styles.CELL_CENTER),
        ]
        for span in data.code_history
    ]
    head = ["Вид", "Категорія / чинник", "З якого дня", "По який день"]
    return _table(head, rows, _scaled([26, 100, 25, 25]))


def _services(data: FamilyCardData) -> Flowable:
    if not data.services:
        return Paragraph("Послуг не надавалося.", styles.BODY)
    rows = [
        [
            styles.para(words.full_date(s.date), styles.CELL_CENTER),
            styles.para(s.service),
            styles.para(s.recipient),
            styles.para("" if s.minutes is None else s.minutes, styles.CELL_CENTER),
            styles.para(FORMS.get(s.form, s.form)),
            styles.para(s.notes),
        ]
        for s in sorted(data.services, key=lambda s: s.date)
    ]
    head = ["Дата", "Послуга", "Кому надано", "Хв", "Форма", "Примітки"]
    return _table(head, rows, _scaled([19, 50, 34, 9, 26, 38]))


def _events(data: FamilyCardData) -> Flowable:
    rows = [
        [
            styles.para(words.full_date(e.date), styles.CELL_CENTER),
            styles.para(e.kind),
            styles.para(e.text),
        ]
        for e in sorted(data.events, key=lambda e: e.date)
    ]
    return _table(["Дата", "Що", "Зміст"], rows, _scaled([20, 40, 116]))


def _scaled(parts: list[float]) -> list[float]:
    width = frame_width()
    total = sum(parts)
    return [width * p / total for p in parts]


def family_card_story(data: FamilyCardData) -> list[Flowable]:
    """The flowables of the family card."""
    day = data.printed_on or date.today()
    story: list[Flowable] = [
        Paragraph(
            f"Дата друку: {words.full_date(day)}. Вік указано на дату друку.", styles.SMALL_RIGHT
        ),
        Spacer(1, 1.5 * mm),
        _details(data),
        styles.section("Члени сім'ї", _members(data, day)),
    ]
    details = _member_details(data)
    if details is not None:
        story.append(styles.section("Адреси, дієздатність, зайнятість членів сім'ї", details))
    if data.specialists:
        story.append(styles.section("Історія відповідальних фахівців", _specialists(data)))
    if data.code_history:
        story.append(styles.section("Історія категорій і чинників СЖО", _code_history(data)))
    if data.organisations:
        story.append(
            styles.section(
                "Інші організації, що працюють із сім'єю",
                Paragraph(styles.markup(data.organisations), styles.BODY),
            )
        )
    story.append(styles.section("Журнал наданих послуг", _services(data)))
    if data.events:
        story.append(
            styles.section("Повідомлення, оцінки потреб, відвідування, скерування", _events(data))
        )
    return story


def render_family_card(data: FamilyCardData, out: str | Path | BinaryIO) -> None:
    """Write the family card as a PDF to ``out`` (a path or a binary stream)."""
    build_pdf(
        out, family_card_story(data), header=header_lines(data), title=f"{TITLE}: {data.title}"
    )
