"""The outcome report of a period: counted from one vault or added up from coaches' aggregate files
(docs/reports.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tyokykyapp.report.figures import Report
    from tyokykyapp.report.period import Period
    from tyokykyapp.report.tally import Tally
    from tyokykyapp.vault import Vault


def tally_vault(vault: Vault, period: Period, progress: Callable[[int, int], None] | None = None) -> Tally:
    """Every count of the period in one vault: a few queries, then counting in memory (`progress` hears of the
    two steps, for the GUI's progress window)."""
    from tyokykyapp.report.caseload import load_caseload
    from tyokykyapp.report.counting import count_caseload

    caseload = load_caseload(vault, period)
    if progress is not None:
        progress(1, 2)
    tally = count_caseload(caseload, period)
    if progress is not None:
        progress(2, 2)
    return tally


def export_report(report: Report, suffix: str, header: list[str]) -> bytes:
    """The report as PDF (".pdf") or spreadsheet (".xlsx") bytes, in the current language."""
    from tyokykyapp.report.printed import report_pdf, report_xlsx

    return report_pdf(report, header) if suffix == ".pdf" else report_xlsx(report, header)
