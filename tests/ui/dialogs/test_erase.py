"""Clients past the retention period are shown on Today; the coach reviews them and erases them for good,
then prints the erasure log, which names no one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.factories import client
from tests.helpers.gui import answer, unlocked_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import Phase
from tyokykyapp.services.retention import erasure_log
from tyokykyapp.vault import Vault
from ui.dialogs.erase import EraseDialog
from ui.widgets.pdf_preview import PdfPreviewDialog


def test_review_untick_erase_and_print_the_log(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        closures = (("Vanha", date(2011, 4, 1)), ("Vanhempi", date(2010, 2, 1)), ("Tuore", date(2024, 1, 1)))
        for name, closed_on in closures:
            vault.repo.save(client(family_name=name, phase=Phase.CLOSED, phase_since=closed_on))
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    notice = window.work.today.retention
    assert notice.isVisible() and "2 closed clients are past the retention period" in notice.text.text()
    qtbot.mouseClick(notice.findChild(QPushButton, "reviewRetentionButton"), Qt.MouseButton.LeftButton)
    dialog = window.findChildren(EraseDialog)[-1]
    assert [dialog.table.item(row, 0).text() for row in range(2)] == ["Aino Vanhempi", "Aino Vanha"]
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)  # kept a while longer
    assert "1 client ticked" in dialog.message.text()
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert "Erase 1 client" in answer(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)
    assert dialog.pages.currentIndex() == 1
    entry = dialog.done_text.text()
    assert "1 client" in entry and "Vanha" not in entry
    preview = dialog.print_log()
    assert isinstance(preview, PdfPreviewDialog)
    qtbot.waitUntil(lambda: bool(preview.pdf), timeout=30_000)
    assert b"%PDF" in preview.pdf[:8]
    preview.reject()
    qtbot.mouseClick(dialog.findChild(QPushButton, "closeErasedButton"), Qt.MouseButton.LeftButton)
    names = [s.family_name for s in window.ops.query(lambda v: v.repo.clients()) or []]
    assert names == ["Tuore", "Vanhempi"]
    assert window.ops.query(lambda v: len(erasure_log(v))) == 1
    qtbot.waitUntil(lambda: "1 closed client is past" in notice.text.text())


def test_erasing_from_the_bin_is_an_erasure_like_any_other(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        gone = vault.repo.save(client(family_name="Poistettava"))
        vault.repo.delete_client(gone.id)
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.bin
    window.work.show_section(screen)
    screen.view.selectRow(0)
    qtbot.mouseClick(screen.findChild(QPushButton, "eraseClientButton"), Qt.MouseButton.LeftButton)
    answer(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)
    assert window.ops.query(lambda v: v.repo.clients(deleted=True)) == []
    [entry] = window.ops.query(erasure_log) or []
    assert entry.clients == 1
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
