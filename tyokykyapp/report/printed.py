"""The report as PDF (the forms' frame: A4, DejaVu Sans, page numbers, the organisation on every page, never a
client's name) and as a spreadsheet (one sheet per table, numbers as numbers)."""

from __future__ import annotations

import io
from html import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from tyokykyapp.domain.dates import format_date, today
from tyokykyapp.forms.pdf import BOLD, PageFrame, build_pdf, styles
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.report.charts import report_charts
from tyokykyapp.report.figures import Cell, Percent, Report, number

WIDTH = 170 * mm
# After which table each chart is printed.
CHART_AFTER = ("outcomes", "status_at_end", "quarterly", "fidelity")


def report_title(report: Report) -> str:
    return _("Outcome report {first}–{last}").format(
        first=format_date(report.tally.period.first), last=format_date(report.tally.period.last)
    )


def report_header(report: Report, organisation: str = "", coach: str = "") -> list[str]:
    """The letterhead of every page: the organisation, then the coach or how many coaches a team report adds up."""
    if report.tally.coaches > 1:
        coach = ngettext("Team report of {n} coach", "Team report of {n} coaches", report.tally.coaches)
        coach = coach.format(n=report.tally.coaches)
    return [line for line in (organisation, coach) if line]


def _widths(columns: int) -> list[float]:
    if columns == 2:
        return [130 * mm, 40 * mm]
    if columns == 3:
        return [110 * mm, 30 * mm, 30 * mm]
    first = 62 * mm
    return [first] + [(WIDTH - first) / (columns - 1)] * (columns - 1)


def report_pdf(report: Report, header: list[str]) -> bytes:
    s = styles()
    story: list[Flowable] = [
        Paragraph(escape(report_title(report)), s.title),
        Paragraph(
            escape(_("Made on {day}. Counts only: no client is named.").format(day=format_date(today()))), s.body
        ),
    ]
    charts = dict(zip(CHART_AFTER, report_charts(report), strict=True))
    for table in report.tables:
        story.append(Paragraph(escape(table.title), s.heading))
        widths = [52 * mm, 18 * mm, 16 * mm, 84 * mm] if table.key == "fidelity" else _widths(len(table.columns))
        rows = [[Paragraph(f"<font name='{BOLD}'>{escape(h)}</font>", s.small) for h in table.columns]]
        rows += [[Paragraph(escape(number(cell)), s.small) for cell in row] for row in table.rows]
        grid = Table(rows, colWidths=widths, repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, "black"),
                    ("GRID", (0, 1), (-1, -1), 0.25, "grey"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(grid)
        if table.note:
            story.append(Paragraph(escape(table.note), s.small))
        if table.key in charts:
            story += [Spacer(0, 4 * mm), KeepTogether([charts[table.key]])]
    return build_pdf(story, title=report_title(report), frame=PageFrame(letterhead=header))


def report_xlsx(report: Report, header: list[str]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in report.tables:
        sheet = book.create_sheet(_sheet_name(table.title, book.sheetnames))
        sheet.append([report_title(report)])
        sheet.append([" · ".join(header)])
        sheet.append([table.title])
        sheet.append(list(table.columns))
        for row in table.rows:
            sheet.append([_xlsx_cell(cell) for cell in row])
            for column, cell in enumerate(row, start=1):
                if isinstance(cell, Percent):
                    sheet.cell(sheet.max_row, column).number_format = "0%"
        if table.note:
            sheet.append([table.note])
        sheet.column_dimensions["A"].width = 60
        for letter in "BCDEF":
            sheet.column_dimensions[letter].width = 18
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(cell: Cell) -> int | float | str | None:
    # A text beginning with = + - @ would be read as a formula: labels are the app's own, but guard anyway.
    if isinstance(cell, str) and cell[:1] in "=+-@":
        return "'" + cell
    return cell


def _sheet_name(title: str, taken: list[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name, each name once."""
    base = "".join(ch for ch in title if ch not in "[]:*?/\\")[:28]
    name, n = base, 2
    while name in taken:
        name, n = f"{base[:26]} {n}", n + 1
    return name
