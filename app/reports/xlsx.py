"""Period summary as an XLSX workbook (openpyxl): the same figures as the JSON and the PDF."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from app.reports import words
from app.reports.data import Breakdown, Centre, Summary, SummaryLabels
from app.reports.figures import FIGURES, figure_value, share, target_label

TITLE = "Звіт про роботу за період"
HEAD_FILL = PatternFill("solid", fgColor="E4E9F0")
BOLD = Font(bold=True)


def _table(ws: Worksheet, head: list[str], rows: list[list], widths: list[int]) -> None:
    ws.append(head)
    for cell in ws[ws.max_row]:
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append(row)
    for index, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + index)].width = width


def _breakdown_rows(rows: dict[str, Breakdown], label: Callable[[str], str]) -> list[list]:
    return [[key, label(key), b.covered, b.on_record] for key, b in rows.items()]


def render_summary_xlsx(
    summary: Summary,
    out: str | Path | BinaryIO,
    *,
    centre: Centre,
    labels: SummaryLabels | None = None,
) -> None:
    """Write the period summary as an XLSX workbook to ``out`` (a path or a binary stream)."""
    labels = labels or SummaryLabels()
    wb = Workbook()
    ws = wb.active
    ws.title = "Показники"
    ws.append([centre.name])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([TITLE])
    ws.append(["Період", words.period(summary.date_from, summary.date_to)])
    ws.append(["Старостинський округ", summary.district or "усі"])
    ws.append([])
    _table(
        ws,
        ["Показник", "Кількість", "Ключ"],
        [
            [f.text_with_unit(), figure_value(summary, f.key), None if f.total else f.key]
            for f in FIGURES
        ],
        [58, 12, 34],
    )
    first = ws.max_row - len(FIGURES) + 1
    for f, (cell,) in zip(FIGURES, ws.iter_rows(min_row=first, max_col=1), strict=True):
        if f.indented:  # a part of the row above, as the PDF shows it
            cell.alignment = Alignment(indent=2)

    services = wb.create_sheet("Послуги")
    _table(
        services,
        ["Код", "Послуга", "Отримали (сімей/осіб)", "Надано послуг (разів)"],
        [
            [code, labels.service(code), n, summary.service_events.get(code, 0)]
            for code, n in summary.services.items()
        ],
        [10, 52, 22, 22],
    )
    by_category = wb.create_sheet("Послуги за категоріями")
    category_codes = list(summary.by_category) or sorted(
        {c for row in summary.services_by_category.values() for c in row}
    )
    _table(
        by_category,
        ["Код", "Послуга", *(f"{labels.category(c)} ({c})" for c in category_codes)],
        [
            [code, labels.service(code), *(row.get(c, 0) for c in category_codes)]
            for code, row in summary.services_by_category.items()
        ],
        [10, 40, *([16] * len(category_codes))],
    )
    targets = wb.create_sheet("Заняття за категоріями")
    total_sessions = sum(summary.sessions_by_target.values())
    _table(
        targets,
        ["Код", "Цільова категорія групи", "Занять", "Частка"],
        [
            [
                code,
                target_label(code, labels),
                n,
                share(n, total_sessions),
            ]
            for code, n in summary.sessions_by_target.items()
        ],  # fmt: skip
        [22, 48, 12, 12],
    )
    for (cell,) in targets.iter_rows(min_row=2, min_col=4, max_col=4):
        cell.number_format = "0.0%"
    categories = wb.create_sheet("Категорії")
    _table(
        categories,
        ["Код", "Категорія", "Охоплено (сімей/осіб)", "На обліку (сімей)"],
        _breakdown_rows(dict(summary.by_category), labels.category),
        [22, 48, 22, 20],
    )
    districts = wb.create_sheet("Округи")
    _table(
        districts,
        ["Старостинський округ", "Охоплено (сімей/осіб)", "На обліку (сімей)"],
        [[name, b.covered, b.on_record] for name, b in summary.by_district.items()],
        [34, 22, 20],
    )
    # Built in memory, then written in one go: a write that fails (a full disk) fails
    # here, not inside the zip writer, which would be left open to fail again when collected.
    buffer = io.BytesIO()
    wb.save(buffer)
    if isinstance(out, str | Path):
        Path(out).write_bytes(buffer.getvalue())
    else:
        out.write(buffer.getvalue())


def read_summary_xlsx(source: str | Path | BinaryIO) -> dict:
    """Read the figures back from a workbook written by :func:`render_summary_xlsx`.

    Returns a dict shaped like the JSON's numbers (without from/to/district); used by tests and
    by anyone checking that the workbook agrees with the JSON.
    """
    from openpyxl import load_workbook

    wb = load_workbook(source, read_only=True)
    result: dict = {"groups": {}, "services": {}, "by_category": {}, "by_district": {}}
    result |= {"service_events": {}, "services_by_category": {}, "sessions_by_target": {}}
    for row in wb["Показники"].iter_rows(values_only=True):
        if len(row) >= 3 and isinstance(row[1], int) and isinstance(row[2], str):
            *path, last = row[2].split(".")
            place = result
            for part in path:
                place = place.setdefault(part, {})
            place[last] = row[1]
    for code, _name, n, events in list(wb["Послуги"].iter_rows(values_only=True))[1:]:
        result["services"][code] = n
        result["service_events"][code] = events
    head, *rows = list(wb["Послуги за категоріями"].iter_rows(values_only=True))
    categories = [str(h).rsplit("(", 1)[1].rstrip(")") for h in head[2:]]
    for code, _name, *counts in rows:
        result["services_by_category"][code] = dict(zip(categories, counts, strict=True))
    for code, _name, n, _share in list(wb["Заняття за категоріями"].iter_rows(values_only=True))[
        1:
    ]:
        result["sessions_by_target"][code] = n
    for code, _name, covered, on_record in list(wb["Категорії"].iter_rows(values_only=True))[1:]:
        result["by_category"][code] = {"covered": covered, "on_record": on_record}
    for name, covered, on_record in list(wb["Округи"].iter_rows(values_only=True))[1:]:
        result["by_district"][name] = {"covered": covered, "on_record": on_record}
    wb.close()
    return result
