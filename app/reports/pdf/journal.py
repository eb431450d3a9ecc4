"""Attendance journal of a support group (журнал обліку відвідування групи), A4 landscape."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from app.db.models import Mark
from app.reports import words
from app.reports.data import JournalData
from app.reports.pdf import styles
from app.reports.pdf.fonts import BOLD, has_glyph
from app.reports.pdf.page import HeaderLine, build_pdf, frame_width
from app.services.rosters import SessionRow, same_day_tags

SESSIONS_PER_PAGE = 16
NUMBER_W = 8 * mm
TOTAL_W = 19 * mm
SESSION_W = 11.5 * mm
NAME_MAX_W = 85 * mm
TITLE = "Журнал обліку відвідування групи"


def mark_symbols() -> dict[str, str]:
    """Printed mark per attendance mark: ✓ / ✗ / П, or + / − / П if the font lacks a glyph."""
    if has_glyph("✓") and has_glyph("✗"):
        return {Mark.PRESENT: "✓", Mark.ABSENT: "✗", Mark.EXCUSED: "П"}
    return {Mark.PRESENT: "+", Mark.ABSENT: "−", Mark.EXCUSED: "П"}


def chunk_sessions(
    sessions: tuple[SessionRow, ...], per_page: int = SESSIONS_PER_PAGE
) -> list[tuple[SessionRow, ...]]:
    """Split the session columns into groups that fit across one page."""
    if not sessions:
        return [()]
    return [sessions[i : i + per_page] for i in range(0, len(sessions), per_page)]


def header_lines(data: JournalData) -> list[HeaderLine]:
    """The running header printed on every page of the journal."""
    lines = [HeaderLine(data.centre.name, bold=True, size=10)]
    if data.centre.address:
        lines.append(HeaderLine(data.centre.address, size=8))
    lines += [
        HeaderLine(TITLE.upper(), bold=True, size=11.5),
        HeaderLine(f"Група: {data.group_name}   •   Старостинський округ: {data.district or '—'}"),
        HeaderLine(
            f"Ведучий (фасилітатор): {data.facilitator or '—'}   •   "
            f"Період: {words.period(data.period_from, data.period_to)}"
        ),
    ]
    return lines


def _chunk_table(
    data: JournalData, chunk: tuple[SessionRow, ...], width: float, symbols: dict[str, str]
) -> Table:
    total_sessions = len(data.sessions)
    name_w = min(NAME_MAX_W, width - NUMBER_W - TOTAL_W - SESSION_W * len(chunk))
    head = [
        styles.para("№", styles.CELL_HEAD),
        styles.para("Прізвище, ім'я, по батькові", styles.CELL_HEAD),
    ]
    tags = dict(zip(data.sessions, same_day_tags(data.sessions), strict=True))
    head += [words.day_month(s.date) + (f"\n{tags[s]}" if tags[s] else "") for s in chunk]
    head.append(styles.para("Разом", styles.CELL_HEAD))
    rows: list[list] = [head]
    for number, participant in enumerate(data.participants, start=1):
        marks: list[str] = []
        for session in chunk:
            mark: Mark | None = data.marks.get((participant.id, session.id))
            marks.append(symbols.get(mark, "") if mark else "")
        attended = data.present_count(participant.id)
        rows.append(
            [str(number), styles.para(participant.name)]
            + marks
            + [f"{attended} з {total_sessions}"]
        )
    per_session = [str(data.session_present_count(s.id)) for s in chunk]
    all_present = sum(data.present_count(p.id) for p in data.participants)
    rows.append(
        ["", styles.para("Присутніх на занятті", styles.CELL_BOLD)]
        + per_session
        + [str(all_present)]
    )
    last_session_col = 1 + len(chunk)
    table = Table(
        rows,
        colWidths=[NUMBER_W, name_w] + [SESSION_W] * len(chunk) + [TOTAL_W],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        styles.grid_style(
            extra=[
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("ALIGN", (2, 0), (-1, -1), "CENTER"),
                ("FONTSIZE", (2, 0), (last_session_col, 0), 7.5),
                ("LEFTPADDING", (2, 0), (last_session_col, -1), 1),
                ("RIGHTPADDING", (2, 0), (last_session_col, -1), 1),
                ("FONTSIZE", (2, 1), (last_session_col, -2), 9),
                ("TOPPADDING", (0, 1), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
                ("BACKGROUND", (0, -1), (-1, -1), styles.TOTAL_BG),
                ("FONTNAME", (0, -1), (-1, -1), BOLD),
            ]
        )
    )
    return table


def _signature(data: JournalData) -> str:
    return (
        "Ведучий (фасилітатор) групи: ______________________ "
        f"(підпис)    {escape(data.facilitator or '______________________')}"
    )


def journal_story(data: JournalData, per_page: int = SESSIONS_PER_PAGE) -> list[Flowable]:
    """The flowables of the journal: one table per group of session columns."""
    if not data.sessions:  # no grid of «0 з 0» and no legend of its marks
        no_sessions = Paragraph("У цьому періоді занять не було.", styles.BODY)
        return [no_sessions, Spacer(1, 4 * mm), Paragraph(_signature(data), styles.BODY)]
    width = frame_width(landscape_page=True)
    symbols = mark_symbols()
    chunks = chunk_sessions(data.sessions, per_page)
    story: list[Flowable] = []
    for index, chunk in enumerate(chunks):
        if index:
            story.append(PageBreak())
        if len(chunks) > 1:
            first = index * per_page + 1
            story.append(
                Paragraph(
                    f"Заняття {first}–{first + len(chunk) - 1} з {len(data.sessions)} "
                    f"(частина {index + 1} з {len(chunks)})",
                    styles.SMALL,
                )
            )
            story.append(Spacer(1, 1.5 * mm))
        story.append(_chunk_table(data, chunk, width, symbols))
    legend = (
        f"Позначки: {symbols['present']} — присутній(-я); {symbols['absent']} — відсутній(-я); "
        f"{symbols['excused']} — відсутній(-я) з поважної причини. "
        "«Разом» — кількість відвіданих занять з усіх занять періоду."
    )
    story.append(
        KeepTogether(
            [
                Spacer(1, 1.5 * mm),
                Paragraph(legend, styles.SMALL),
                Spacer(1, 4 * mm),
                Paragraph(_signature(data), styles.BODY),
            ]
        )
    )
    return story


def render_journal(
    data: JournalData, out: str | Path | BinaryIO, *, per_page: int = SESSIONS_PER_PAGE
) -> None:
    """Write the attendance journal as a PDF to ``out`` (a path or a binary stream)."""
    build_pdf(
        out,
        journal_story(data, per_page),
        header=header_lines(data),
        title=f"{TITLE}: {data.group_name}",
        landscape_page=True,
    )
