"""The outcome report of a period: counted from one vault or added up from coaches' aggregate files
(docs/reports.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tyokykyapp.report.figures import Report
    from tyokykyapp.report.period import Period
    from tyokykyapp.report.tally import Tally
    from tyokykyapp.vault import Vault


def tally_vault(vault: Vault, period: Period) -> Tally:
    """Every count of the period in one vault (a few queries, then counting in memory)."""
    from tyokykyapp.report.caseload import load_caseload
    from tyokykyapp.report.counting import count_caseload

    return count_caseload(load_caseload(vault, period), period)


def export_report(report: Report, suffix: str, header: list[str]) -> bytes:
    """The report as PDF (".pdf") or spreadsheet (".xlsx") bytes, in the current language."""
    from tyokykyapp.report.printed import report_pdf, report_xlsx

    return report_pdf(report, header) if suffix == ".pdf" else report_xlsx(report, header)
