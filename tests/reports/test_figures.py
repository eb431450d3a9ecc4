"""The summary's figures and their words live in app/reports/figures.py: the workbook and the
PDF show the same rows, in the same order, under the same words; the PDF and the workbook
indent the rows the list marks as parts of the row above, whatever their words."""

from __future__ import annotations

import re
from io import BytesIO

from openpyxl import load_workbook

from app.reports.figures import FIGURES, figure_value
from app.reports.pdf.summary_pdf import figure_rows, render_summary
from app.reports.xlsx import render_summary_xlsx

from .helpers import CENTRE, LABELS, pdf_pages, summary


def test_workbook_rows_are_the_list() -> None:
    data = summary(7)
    buffer = BytesIO()
    render_summary_xlsx(data, buffer, centre=CENTRE, labels=LABELS)
    buffer.seek(0)
    sheet = load_workbook(buffer)["Показники"]
    rows = [r for r in sheet.iter_rows(min_row=7) if r[0].value]
    assert [r[0].value for r in rows] == [f.text_with_unit() for f in FIGURES]
    assert [r[1].value for r in rows] == [figure_value(data, f.key) for f in FIGURES]
    assert [bool(r[0].alignment.indent) for r in rows] == [f.indented for f in FIGURES]
    assert sum(data.referrals.values()) in [r[1].value for r in rows if r[2].value is None]


def test_pdf_rows_are_the_list_and_indent_by_the_flag() -> None:
    data = summary(7)
    rows = figure_rows(data, "main") + figure_rows(data, "persons")
    assert [label for label, _value, _indented in rows] == [f.label for f in FIGURES]
    assert [indented for *_rest, indented in rows] == [f.indented for f in FIGURES]
    buffer = BytesIO()
    render_summary(data, buffer, centre=CENTRE, labels=LABELS)
    text = re.sub(r"\s+", " ", " ".join(pdf_pages(buffer.getvalue())))
    for label, value, _indented in rows:
        assert f"{label} {value}" in text
