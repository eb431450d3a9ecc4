"""Period summary (звіт про роботу за період) as a PDF, with a bar chart of services."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.reports import words
from app.reports.data import Breakdown, Centre, Summary, SummaryLabels
from app.reports.figures import MAIN, PERSONS, figure_value, figures, target_rows
from app.reports.pdf import styles
from app.reports.pdf.fonts import REGULAR
from app.reports.pdf.page import HeaderLine, build_pdf, frame_width

TITLE = "Звіт про роботу за період"
CHART_LABEL_W = 62 * mm
BAR_H = 13


def header_lines(summary: Summary, centre: Centre) -> list[HeaderLine]:
    """The running header: the centre, the title, the period and the district."""
    lines = [HeaderLine(centre.name, bold=True, size=10)]
    if centre.address:
        lines.append(HeaderLine(centre.address, size=8))
    district = summary.district or "усі старостинські округи"
    lines += [
        HeaderLine(TITLE.upper(), bold=True, size=12),
        HeaderLine(
            f"Період: {words.period(summary.date_from, summary.date_to)}   •   "
            f"Старостинський округ: {district}"
        ),
    ]
    return lines


def figure_rows(summary: Summary, section: str) -> list[tuple[str, str, bool]]:
    """(label, number with its agreeing noun, indented) of one section's figures."""
    rows = []
    for f in figures(section):
        value = figure_value(summary, f.key)
        text = words.count(value, f.noun) if f.noun else words.number(value)
        rows.append((f.label, text, f.indented))
    return rows


def _two_columns(rows: list[tuple[str, str, bool]], head: tuple[str, str]) -> Table:
    width = frame_width()
    data = [[styles.para(head[0], styles.CELL_HEAD), styles.para(head[1], styles.CELL_HEAD)]]
    data += [
        [
            styles.para(label, styles.CELL_INDENT if indented else styles.CELL),
            styles.para(value, styles.CELL_RIGHT),
        ]
        for label, value, indented in rows
    ]
    table = Table(data, colWidths=[width * 0.68, width * 0.32], repeatRows=1)
    table.setStyle(styles.grid_style())
    return table


def _services_table(summary: Summary, labels: SummaryLabels) -> Table:
    width = frame_width()
    head = ("Код", "Послуга", "Отримали", "Надано (разів)")
    data = [[styles.para(h, styles.CELL_HEAD) for h in head]]
    for code, n in summary.services.items():
        data.append(
            [
                styles.para(code, styles.CELL_CENTER),
                styles.para(labels.service(code)),
                styles.para(words.count(n, words.FAMILIES_PERSONS), styles.CELL_RIGHT),
                styles.para(words.number(summary.service_events.get(code, 0)), styles.CELL_RIGHT),
            ]
        )
    widths = [16 * mm, width - 16 * mm - 40 * mm - 26 * mm, 40 * mm, 26 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(styles.grid_style())
    return table


def by_category_lines(summary: Summary, labels: SummaryLabels) -> list[tuple[str, str]]:
    """(service, «у т.ч. N – category; …») for each service some family of a category got."""
    lines = []
    for code, row in summary.services_by_category.items():
        parts = [f"{words.number(n)} – {labels.category(c)}" for c, n in row.items() if n]
        if parts:
            lines.append((f"{code} {labels.service(code)}", "у т.ч. " + "; ".join(parts)))
    return lines


def _service_categories(summary: Summary, labels: SummaryLabels) -> Flowable:
    lines = by_category_lines(summary, labels)
    if not lines:
        return Paragraph("Послуг сім'ям із зазначеними категоріями не надавалося.", styles.BODY)
    width = frame_width()
    data = [[styles.para(h, styles.CELL_HEAD) for h in ("Послуга", "Отримали сім'ї категорій")]]
    data += [[styles.para(service), styles.para(text)] for service, text in lines]
    table = Table(data, colWidths=[width * 0.42, width * 0.58], repeatRows=1)
    table.setStyle(styles.grid_style())
    return table


def _targets(summary: Summary, labels: SummaryLabels) -> Flowable:
    rows = target_rows(summary, labels)
    if not rows:
        return Paragraph("Групових занять у періоді не було.", styles.BODY)
    width = frame_width()
    data = [[styles.para(h, styles.CELL_HEAD) for h in ("Цільова категорія", "Занять", "Частка")]]
    data += [
        [
            styles.para(name),
            styles.para(words.number(n), styles.CELL_RIGHT),
            styles.para(f"{words.decimal(100 * part)} %", styles.CELL_RIGHT),
        ]
        for name, n, part in rows
    ]
    table = Table(data, colWidths=[width - 2 * 30 * mm, 30 * mm, 30 * mm], repeatRows=1)
    table.setStyle(styles.grid_style())
    return table


def services_chart(summary: Summary, labels: SummaryLabels) -> Drawing | None:
    """A horizontal bar chart of the services received, by type (types with none left out)."""
    items = [(code, n) for code, n in summary.services.items() if n > 0]
    if not items:
        return None
    items.reverse()  # the chart draws the first category at the bottom
    width = frame_width()
    height = BAR_H * len(items) + 30
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR  # else the renderer references an unembedded Helvetica
    chart = HorizontalBarChart()
    chart.x, chart.y = CHART_LABEL_W, 18
    chart.width, chart.height = width - CHART_LABEL_W - 30, height - 26
    chart.data = [[n for _, n in items]]
    chart.bars[0].fillColor = styles.BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.categoryAxis.categoryNames = [_short(f"{c} {labels.service(c)}") for c, _ in items]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    top = max(n for _, n in items)
    chart.valueAxis.valueMax = max(5, int(top * 1.12) + 1)
    chart.valueAxis.valueStep = _nice_step(chart.valueAxis.valueMax)
    drawing.add(chart)
    return drawing


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 8:
            return step
    return max(1, top // 8)


def _breakdown(rows: dict[str, Breakdown], head: str, label: Callable[[str], str]) -> Table:
    width = frame_width()
    data = [
        [
            styles.para(h, styles.CELL_HEAD)
            for h in (head, "Охоплено (сімей/осіб)", "На обліку (сімей)")
        ]
    ]
    for key, b in rows.items():
        data.append(
            [
                styles.para(label(key)),
                styles.para(words.number(b.covered), styles.CELL_RIGHT),
                styles.para(words.number(b.on_record), styles.CELL_RIGHT),
            ]
        )
    table = Table(data, colWidths=[width - 2 * 36 * mm, 36 * mm, 36 * mm], repeatRows=1)
    table.setStyle(styles.grid_style())
    return table


def summary_story(summary: Summary, labels: SummaryLabels) -> list[Flowable]:
    """The flowables of the period summary."""
    story: list[Flowable] = [
        Paragraph("Основні показники", styles.HEADING),
        _two_columns(figure_rows(summary, MAIN), ("Показник", "Кількість")),
        styles.section(
            "Охоплені особи (вік — на кінець періоду)",
            _two_columns(figure_rows(summary, PERSONS), ("Показник", "Кількість")),
        ),
    ]
    chart = services_chart(summary, labels)
    story.append(
        styles.section(
            "Надані послуги за видами (сімей / осіб без сім'ї)",
            *([chart] if chart is not None else []),
            _services_table(summary, labels),
        )
    )
    story += [
        styles.section(
            "Послуги за категоріями отримувачів (сімей)", _service_categories(summary, labels)
        ),
        styles.section("Групові заняття за цільовими категоріями груп", _targets(summary, labels)),
        styles.section(
            "За категоріями", _breakdown(dict(summary.by_category), "Категорія", labels.category)
        ),
        styles.section(
            "За старостинськими округами",
            _breakdown(dict(summary.by_district), "Старостинський округ", lambda name: name),
        ),
        Spacer(1, 2 * mm),
        Paragraph(
            "Одна сім'я може належати до кількох категорій, тому сума за категоріями може "
            "перевищувати загальну кількість. Особи без сім'ї враховані в загальних показниках, "
            "але не в розподілі за категоріями й округами.",
            styles.SMALL,
        ),
    ]
    return story


def render_summary(
    summary: Summary,
    out: str | Path | BinaryIO,
    *,
    centre: Centre,
    labels: SummaryLabels | None = None,
) -> None:
    """Write the period summary as a PDF to ``out`` (a path or a binary stream)."""
    build_pdf(
        out,
        summary_story(summary, labels or SummaryLabels()),
        header=header_lines(summary, centre),
        title=f"{TITLE} {words.period(summary.date_from, summary.date_to)}",
    )
