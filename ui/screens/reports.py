"""Raportit: the outcome report of a period (docs/reports.md). The counting runs on a worker thread (10,000
clients take seconds); the tables and the charts drawn by the core (report/charts.py) are shown when it ends.
Print and Save as PDF go through the preview; the spreadsheet and the team figures are saved from here."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt
from PySide6.QtGui import QFontInfo, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QTextBrowser, QVBoxLayout, QWidget
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing

from tyokykyapp.domain import UserError
from tyokykyapp.forms.render import PrintedForm
from tyokykyapp.i18n import _, current_language, using_language
from tyokykyapp.report import export_report, tally_vault
from tyokykyapp.report.aggregate import aggregate_bytes
from tyokykyapp.report.charts import SIZE as charts_text_size
from tyokykyapp.report.charts import report_charts
from tyokykyapp.report.figures import Report, build_report, number
from tyokykyapp.report.period import Period
from tyokykyapp.report.printed import report_header, report_pdf, report_title
from tyokykyapp.report.tally import Tally
from tyokykyapp.services import Changes, coach_details
from tyokykyapp.vault.files import write_atomically
from ui.dialogs import open_dialog
from ui.dialogs.files import choose_save_path
from ui.operations import Operations
from ui.theme import button, role
from ui.widgets.date_fields import date_edit, from_qdate
from ui.widgets.flow_layout import flow_row
from ui.widgets.lazy_screen import LazyScreen
from ui.widgets.named import named
from ui.widgets.pdf_preview import PdfPreviewDialog

CHART_MOST_PIXELS = 1000


def chart_pixmap(drawing: Drawing, scale: float) -> QPixmap:
    """The core's chart drawn as on paper: made into a one-page PDF (fonts embedded) and rendered by QtPdf, so
    the screen shows exactly what prints."""
    buffer = QBuffer()
    buffer.setData(renderPDF.drawToString(drawing))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = QSize(int(drawing.width * scale), int(drawing.height * scale))
    # On white paper in every theme: the charts are black on white, as printed.
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, document.render(0, size))
    painter.end()
    document.close()
    return QPixmap.fromImage(paper)


def tables_html(report: Report) -> str:
    """The report's tables as HTML for the screen (every text escaped)."""
    parts = []
    for table in report.tables:
        parts.append(f"<h3>{escape(table.title)}</h3><table border='1' cellspacing='0' cellpadding='4'>")
        parts.append("<tr>" + "".join(f"<th align='left'>{escape(h)}</th>" for h in table.columns) + "</tr>")
        for row in table.rows:
            parts.append("<tr>" + "".join(f"<td>{escape(number(cell))}</td>" for cell in row) + "</tr>")
        parts.append("</table>")
        if table.note:
            parts.append(f"<p>{escape(table.note)}</p>")
    return "".join(parts)


class ReportsScreen(LazyScreen):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.tally: Tally | None = None
        self.report: Report | None = None
        self.header: list[str] = []  # the letterhead of the printed report
        self.coach = ("", "")  # the organisation and the coach, read when the counting starts
        layout = QVBoxLayout(self)
        layout.addWidget(role(QLabel(_("Reports")), "heading"))
        default = Period.default()
        self.first = named(date_edit(default.first), "reportFrom", _("First day"))
        self.last = named(date_edit(default.last), "reportTo", _("Last day"))
        make = button(_("Make the report"), "makeReportButton", "chart-bar")
        make.clicked.connect(self.refresh_now)
        period_row = QHBoxLayout()
        for label, edit in ((_("From"), self.first), (_("To"), self.last)):
            period_row.addWidget(QLabel(label))
            period_row.addWidget(edit)
        period_row.addWidget(make)
        period_row.addStretch(1)
        layout.addLayout(period_row)
        self.print_button = button(_("Print or save as PDF…"), "printReportButton", "printer")
        self.print_button.clicked.connect(self.preview)
        self.xlsx_button = button(_("Save as a spreadsheet…"), "saveReportXlsxButton", "file-text")
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.aggregate_button = button(_("Save the team figures…"), "saveAggregateButton", "send")
        self.aggregate_button.setToolTip(
            _("Counts only, no personal data: a team lead adds several coaches' files up.")
        )
        self.aggregate_button.clicked.connect(self.save_aggregate)
        self.outputs = (self.print_button, self.xlsx_button, self.aggregate_button)
        layout.addWidget(flow_row(*self.outputs))
        self.status = named(QLabel(""), "reportStatus")
        layout.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.charts = QVBoxLayout()
        self.body.addLayout(self.charts)
        self.tables = named(QTextBrowser(), "reportTables", _("Report tables"))
        self.tables.setMinimumHeight(400)
        self.body.addWidget(self.tables, 1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self._enable(False)
        ops.changed.connect(self._on_changed)

    def _on_changed(self, _changes: Changes) -> None:
        self.mark_stale()

    def _enable(self, on: bool) -> None:
        for widget in self.outputs:
            widget.setEnabled(on)

    def period(self) -> Period | None:
        try:
            return Period(from_qdate(self.first.date()), from_qdate(self.last.date()))
        except UserError as error:
            self.ops.show_error(str(error))
            return None

    def refresh(self) -> None:
        """Count the period on a worker thread; the window stays responsive meanwhile."""
        period = self.period()
        details = self.ops.query(coach_details)  # None while locked: nothing to count
        if period is None or details is None:
            return
        self.coach = (details.organisation, details.name)
        self._enable(False)
        self.status.setText(_("Counting…"))
        self.ops.run_in_background(self, _("Making the report"), tally_vault, period, on_done=self.show_tally)

    def show_tally(self, tally: Tally) -> None:
        self.tally = tally
        self.report = build_report(tally)
        self.header = report_header(self.report, *self.coach)
        self.status.setText(report_title(self.report))
        for old in self.findChildren(QLabel, "reportChart"):  # the previous report's charts
            self.charts.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        charts = report_charts(self.report)
        # The charts' text as large as the app's (text size 100–200 %), at most as wide as a 1366-pixel window.
        scale = min(QFontInfo(self.font()).pixelSize() / charts_text_size, CHART_MOST_PIXELS / charts[0].width)
        for drawing in charts:
            chart = QLabel()
            chart.setObjectName("reportChart")
            chart.setPixmap(chart_pixmap(drawing, scale))
            chart.setAccessibleName(drawing.contents[0].text)  # the chart's title
            self.charts.addWidget(chart, 0, Qt.AlignmentFlag.AlignLeft)
        self.tables.setHtml(tables_html(self.report))
        self._enable(True)

    def _render(self, lang: str, _large: bool) -> PrintedForm:
        assert self.tally is not None
        tally, header = self.tally, self.header
        with using_language(lang):
            return PrintedForm(report_pdf(build_report(tally), header))

    def preview(self) -> PdfPreviewDialog | None:
        if self.report is None:
            return None
        return open_dialog(
            PdfPreviewDialog(
                report_title(self.report),
                self._render,
                language=current_language(),
                large_print=False,
                personal=False,  # counts only: no client is named
                file_name="report.pdf",
                report=self.ops.show_error,
                parent=self,
            )
        )

    def save_xlsx(self) -> None:
        if self.report is not None:
            report, header = self.report, self.header
            choose_save_path(
                self,
                _("Save the report as a spreadsheet"),
                "report.xlsx",
                _("Spreadsheets (*.xlsx)"),
                lambda path: self._write(path, export_report(report, ".xlsx", header)),
            )

    def save_aggregate(self) -> None:
        if self.tally is not None:
            tally = self.tally
            choose_save_path(
                self,
                _("Save the team figures"),
                "team-figures.json",
                _("Team figures (*.json)"),
                lambda path: self._write(path, aggregate_bytes(tally)),
            )

    def _write(self, path: Path, data: bytes) -> None:
        try:
            write_atomically(path, data)
        except UserError as error:
            self.ops.show_error(str(error))
            return
        self.status.setText(_("Saved {path}.").format(path=path))
