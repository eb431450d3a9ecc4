"""Registration sheet of one group session (реєстраційний лист учасників), A4 portrait."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.reports import words
from app.reports.data import RegistrationData
from app.reports.pdf import styles
from app.reports.pdf.fonts import REGULAR
from app.reports.pdf.page import FOOTER_CHARS, HeaderLine, build_pdf, frame_width, shorten

TITLE = "Реєстраційний лист учасників"
ROW_HEIGHT = 9 * mm
CONSENT = (
    "Підписуючи цей лист, я надаю згоду на обробку моїх персональних даних (прізвище, ім'я, "
    "по батькові, контактний телефон) з метою обліку участі в заходах центру відповідно до "
    "Закону України «Про захист персональних даних»."
)


def header_lines(data: RegistrationData) -> list[HeaderLine]:
    """The running header: the centre and the document's title."""
    lines = [HeaderLine(data.centre.name, bold=True, size=10)]
    if data.centre.address:
        lines.append(HeaderLine(data.centre.address, size=8))
    lines.append(HeaderLine(TITLE.upper(), bold=True, size=12))
    return lines


def _details(data: RegistrationData) -> Table:
    when = words.full_date(data.session_date)
    if data.session_time:
        when += f", {data.session_time}"
    pairs = [
        ("Група", data.group_name),
        ("Старостинський округ", data.district),
        ("Дата заняття", when),
        ("Тема", data.topic),
        ("Форма проведення", data.session_format),
        ("Місце проведення", data.place),
        ("Ведучий (фасилітатор)", data.facilitator),
    ]
    rows = [
        [styles.para(label + ":", styles.BODY_BOLD), styles.para(value, styles.BODY)]
        for label, value in pairs
        if value
    ]
    table = Table(rows, colWidths=[52 * mm, frame_width() - 52 * mm], hAlign="LEFT")
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    return table


def registration_story(data: RegistrationData) -> list[Flowable]:
    """The flowables of the registration sheet."""
    width = frame_width()
    head = [
        styles.para(text, styles.CELL_HEAD)
        for text in ("№", "Прізвище, ім'я, по батькові", "Контактний телефон", "Підпис")
    ]
    rows: list[list] = [head]
    for row in data.rows:
        rows.append(
            [
                styles.para(len(rows), styles.CELL_CENTER),
                styles.para(row.name),
                styles.para(row.phone),
                "",
            ]
        )
    for _ in range(max(0, data.blank_rows)):
        rows.append([styles.para(len(rows), styles.CELL_CENTER), "", "", ""])
    number_w, phone_w, sign_w = 10 * mm, 38 * mm, 42 * mm
    table = Table(
        rows,
        colWidths=[number_w, width - number_w - phone_w - sign_w, phone_w, sign_w],
        rowHeights=[None] + [ROW_HEIGHT] * (len(rows) - 1),
        repeatRows=1,
    )
    table.setStyle(styles.grid_style(extra=[("ALIGN", (0, 0), (0, -1), "CENTER")]))
    signature = (
        "Ведучий (фасилітатор): ______________________ (підпис)    "
        f"{escape(data.facilitator or '______________________')}"
    )
    return [
        _details(data),
        Spacer(1, 3 * mm),
        Paragraph(CONSENT, styles.SMALL),
        Spacer(1, 3 * mm),
        table,
        KeepTogether([Spacer(1, 8 * mm), Paragraph(signature, styles.BODY)]),
    ]


def footer_title(data: RegistrationData) -> str:
    """The title the footer of every page repeats: a long group name is cut, never the
    session's date, so each signed page says which session it is for."""
    head, tail = f"{TITLE}: ", f", {words.full_date(data.session_date)}"
    return head + shorten(data.group_name, FOOTER_CHARS - len(head) - len(tail)) + tail


def render_registration(data: RegistrationData, out: str | Path | BinaryIO) -> None:
    """Write the registration sheet as a PDF to ``out`` (a path or a binary stream)."""
    build_pdf(
        out,
        registration_story(data),
        header=header_lines(data),
        title=footer_title(data),
    )
