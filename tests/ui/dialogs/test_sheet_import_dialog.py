"""Tuo taulukosta… step by step (file → sheets and columns → the check → confirm → imported) with the work on
the worker thread, and the lists exported to a spreadsheet after the not-encrypted warning."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.gui import answer, choose_file, unlocked_new_vault, unlocked_window
from tests.helpers.sheets import write_xlsx
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.demo import generate_caseload
from tyokykyapp.vault import Vault
from ui.app import MainWindow
from ui.dialogs.sheet_import import COLUMNS_PAGE, DONE_PAGE, FILE_PAGE, REPORT_PAGE, SheetImportDialog

CLIENTS = [
    ["Sukunimi", "Etunimi", "Tulopäivä", "Vaihe", "Kengännumero"],
    ["Virtanen", "Aino", date(2024, 2, 1), "työnhaku", 38],
    ["Korhonen", "Matti", date(2024, 3, 1), "tuki", 44],
    ["Mäkinen", "Liisa", "huomenna", None, None],
]
JOBS = [
    ["Sukunimi", "Etunimi", "Laji", "Alkoi", "Työnantaja"],
    ["Korhonen", "Matti", "työsuhde", date(2024, 6, 1), "Oy Ab"],
]
SHOTS = os.environ.get("TYOKYKY_SHOTS")  # a folder to keep the screenshots of each step in, to look at


def finish(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)


def caseload_window(qtbot: QtBot, tmp_path: Path, clients: int, seed: int) -> MainWindow:
    vault, _key = Vault.create(tmp_path / "v", PASSPHRASE)
    generate_caseload(vault, clients, seed=seed)
    vault.close()
    return unlocked_window(qtbot, tmp_path / "v", tmp_path)


def shot(dialog: SheetImportDialog, name: str) -> None:
    QApplication.processEvents()  # laid out as the coach sees it
    image = dialog.grab()
    assert not image.isNull()
    if SHOTS:
        image.save(str(Path(SHOTS) / f"sheet-import-{name}.png"))


def test_the_wizard_imports_after_the_check_and_the_coach_confirming(qtbot: QtBot, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, tmp_path / "v", tmp_path)
    assert window.work is not None
    window.work.show_section(window.work.clients)
    qtbot.mouseClick(window.work.clients.findChild(QPushButton, "sheetImportButton"), Qt.MouseButton.LeftButton)
    dialog = window.work.findChildren(SheetImportDialog)[-1]
    shot(dialog, "1-file")
    assert not dialog.next() and "Choose the file" in dialog.message.text()
    dialog.file.setText(str(tmp_path / "missing.xlsx"))
    assert dialog.next()
    finish(qtbot, window)
    assert dialog.pages.currentIndex() == FILE_PAGE and "could not be read" in dialog.message.text()

    path = write_xlsx(tmp_path / "lista.xlsx", {"Asiakkaat": CLIENTS, "Työsuhteet": JOBS})
    dialog.file.setText(str(path))
    assert dialog.next()
    finish(qtbot, window)
    assert dialog.pages.currentIndex() == COLUMNS_PAGE
    assert dialog.client_sheet.value().name == "Asiakkaat" and dialog.job_sheet.value().name == "Työsuhteet"
    # "Tulopäivä" is no header the import knows: the coach says what it is; the shoe size stays out.
    assert dialog.client_columns.combo("Tulopäivä").value() == ""
    assert dialog.client_columns.combo("Sukunimi").value() == "family_name"
    dialog.client_columns.combo("Tulopäivä").select("started_on")
    shot(dialog, "2-columns")
    assert dialog.next()
    finish(qtbot, window)
    assert dialog.pages.currentIndex() == REPORT_PAGE
    assert "2 new clients" in dialog.summary.text() and "1 job" in dialog.summary.text()
    assert dialog.problems.rowCount() == 1 and dialog.problems.item(0, 1).text() == "4"
    assert "huomenna" in dialog.problems.item(0, 3).text() and "Kengännumero" in dialog.notes.text()
    assert not dialog.next_button.isEnabled()  # a refused row stops the import ...
    dialog.skip_invalid.setChecked(True)  # ... unless the coach leaves it out
    assert dialog.next_button.isEnabled()
    shot(dialog, "3-check")
    assert window.ops.require_vault().repo.count_clients() == 0  # nothing written yet
    assert dialog.next()
    assert "2 clients and 1 job" in answer(QMessageBox.StandardButton.Yes)
    finish(qtbot, window)
    assert dialog.pages.currentIndex() == DONE_PAGE and "2 clients added" in dialog.done_text.text()
    shot(dialog, "4-done")
    assert window.work.clients.model.total == 2  # the list refreshed from the import's changes


def test_a_hostile_file_is_refused_in_one_line_and_nothing_changes(qtbot: QtBot, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, tmp_path / "v", tmp_path)
    assert window.work is not None
    dialog = window.work.open_sheet_import()
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(100))
    dialog.file.setText(str(path))
    dialog.next()
    finish(qtbot, window)
    assert dialog.message.text() == "The file is damaged or not a spreadsheet."
    assert dialog.pages.currentIndex() == FILE_PAGE


def test_the_client_list_is_exported_as_shown_after_the_warning(qtbot: QtBot, tmp_path: Path) -> None:
    window = caseload_window(qtbot, tmp_path, 30, 5)
    assert window.work is not None
    screen = window.work.clients
    window.work.show_section(screen)
    screen.search.setText("a")
    screen.apply_filter()
    shown = screen.model.total
    assert shown > 0
    qtbot.mouseClick(screen.findChild(QPushButton, "exportSheetButton"), Qt.MouseButton.LeftButton)
    out = tmp_path / "out" / "clients.xlsx"
    out.parent.mkdir()
    choose_file(out)
    assert "unencrypted" in answer(QMessageBox.StandardButton.Yes)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == shown + 1 and os.listdir(out.parent) == ["clients.xlsx"]
    names = [f"{r[1]} {r[0]}" for r in rows[1:]]
    assert names == [screen.model.shown(window.ops.require_vault())[i].name for i in range(shown)]


def test_declining_the_warning_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, tmp_path / "v", tmp_path)
    assert window.work is not None
    window.work.today.export_due()
    out = tmp_path / "due.csv"
    choose_file(out)
    answer(QMessageBox.StandardButton.No)
    assert not out.exists()
    window.work.today.export_due()
    choose_file(out)
    answer(QMessageBox.StandardButton.Yes)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_employer_contact_log_is_exported(qtbot: QtBot, tmp_path: Path) -> None:
    window = caseload_window(qtbot, tmp_path, 20, 2)
    assert window.work is not None
    employers = window.work.employers
    window.work.show_section(employers)
    employers.refresh()
    contacts = len(employers.shown[0])
    employers.export_contacts()
    out = tmp_path / "contacts.csv"
    choose_file(out)
    answer(QMessageBox.StandardButton.Yes)
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == contacts + 1
