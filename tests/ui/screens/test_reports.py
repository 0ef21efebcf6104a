"""Raportit: the period's report counted off the GUI thread, its tables and charts shown, Print through the
preview, the spreadsheet and the team figures saved."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.caseload import Caseload
from tests.helpers.gui import choose_file, unlocked_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import EmploymentKind, Phase, ReferralSource
from tyokykyapp.report.aggregate import read_aggregate
from tyokykyapp.vault import Vault
from ui.screens.reports import ReportsScreen
from ui.widgets.date_fields import to_qdate
from ui.widgets.pdf_preview import PdfPreviewDialog


def reports_screen(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> ReportsScreen:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        c = Caseload(vault)
        a = c.person(date(2026, 1, 5), (date(2026, 2, 1), Phase.JOB_SEARCH), referral=ReferralSource.SELF)
        c.job(a, date(2026, 3, 1))
        c.job(c.person(date(2025, 6, 1)), date(2026, 4, 1), kind=EmploymentKind.WORK_TRIAL)
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.reports
    screen.first.setDate(to_qdate(date(2026, 1, 1)))
    screen.last.setDate(to_qdate(date(2026, 6, 30)))
    window.work.show_section(screen)  # shown: counts the default period, then the one set above
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)
    return screen


def test_the_report_is_counted_off_the_gui_thread_and_shown(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    screen = reports_screen(qtbot, vault_folder, tmp_path)
    qtbot.mouseClick(screen.findChild(QPushButton, "makeReportButton"), Qt.MouseButton.LeftButton)
    assert screen.ops.busy  # the counting runs on a worker thread: the window keeps answering
    qtbot.waitUntil(lambda: not screen.ops.busy, timeout=30_000)
    assert screen.report is not None and screen.report.tally.period.last == date(2026, 6, 30)
    text = screen.tables.toPlainText()
    assert "Clients served" in text and "IPS-25 fidelity items from the records" in text
    assert "Qwerty" not in text and "Xavi" not in text
    assert screen.report.to_json()["outcomes"]["employed_or_trial_people"] == 2
    charts = screen.findChildren(QLabel, "reportChart")
    assert len(charts) == 4 and all(not chart.pixmap().isNull() for chart in charts)
    assert charts[0].accessibleName() == "Outcomes per person (2 served)"
    assert all(button.isEnabled() for button in screen.outputs)
    assert "1.1.2026–30.6.2026" in screen.status.text()


def test_print_preview_spreadsheet_and_team_figures(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    screen = reports_screen(qtbot, vault_folder, tmp_path)
    qtbot.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    preview = screen.findChildren(PdfPreviewDialog)[-1]
    qtbot.waitUntil(lambda: bool(preview.pdf), timeout=30_000)
    assert preview.pdf.startswith(b"%PDF")
    preview.reject()
    qtbot.mouseClick(screen.xlsx_button, Qt.MouseButton.LeftButton)
    choose_file(tmp_path / "report.xlsx")
    book = load_workbook(io.BytesIO((tmp_path / "report.xlsx").read_bytes()))
    assert len(book.sheetnames) >= 10
    qtbot.mouseClick(screen.aggregate_button, Qt.MouseButton.LeftButton)
    choose_file(tmp_path / "team.json")
    tally = read_aggregate(tmp_path / "team.json")
    assert tally.counts["served"] == 2 and tally.period.first == date(2026, 1, 1)
    assert "Saved" in screen.status.text()


def test_a_period_ending_before_it_begins_is_refused(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    screen = reports_screen(qtbot, vault_folder, tmp_path)
    screen.last.setDate(to_qdate(date(2025, 1, 1)))
    qtbot.mouseClick(screen.findChild(QPushButton, "makeReportButton"), Qt.MouseButton.LeftButton)
    assert not screen.ops.busy
    from tests.helpers.gui import take_error

    assert "ends before it begins" in take_error()
