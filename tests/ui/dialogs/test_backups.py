"""Backups in the app: made when locking or closing, shown on Today, restored from the unlock screen (the coach
who lost vault.db gets every client back without reading anything) and from Settings."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.gui import answer, make_window, unlock, unlocked_window
from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.backups.locations import primary_root, set_second_location
from tyokykyapp.backups.make import make_backup, vault_backups
from tyokykyapp.backups.store import find_backups
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Client
from tyokykyapp.services import add_client
from tyokykyapp.vault import Vault
from ui.app import MainWindow
from ui.dialogs.backups import BackupsDialog
from ui.dialogs.restore import RestoreDialog
from ui.screens.unlock import UnlockScreen


def finish(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)


def surveyed(qtbot: QtBot, dialog: RestoreDialog, times: int = 1) -> None:
    """Wait until the dialog's list was filled `times` times (each look runs on the worker thread)."""
    qtbot.waitUntil(lambda: dialog.surveys >= times, timeout=30_000)


def backups_made() -> int:
    return len(find_backups(primary_root()))


def vault_with_backup(folder: Path, clients: int = 12) -> str:
    vault, _key = Vault.create(folder, PASSPHRASE)
    with vault:
        generate_caseload(vault, clients, seed=11)
        make_backup(vault)
        return vault.id


def restore_dialog(window: MainWindow) -> RestoreDialog:
    dialogs = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    assert dialogs, "no restore dialog open"
    return dialogs[-1]


def client_count(window: MainWindow) -> int | None:
    return window.ops.query(lambda vault: vault.repo.count_clients())


@pytest.mark.parametrize("loss", ["deleted", "zeroed", "flipped"])
def test_a_lost_database_is_restored_from_the_unlock_screen_in_a_few_clicks(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path, loss: str
) -> None:
    vault_with_backup(vault_folder)
    db = vault_folder / "vault.db"
    if loss == "deleted":
        db.unlink()
    elif loss == "zeroed":
        db.write_bytes(bytes(db.stat().st_size))
    else:
        data = bytearray(db.read_bytes())
        for offset in range(0, len(data), 4096 * 5):  # a bad sector here and there, the first page too
            data[offset + 300] ^= 0x40
        db.write_bytes(bytes(data))
    window = make_window(qtbot, vault_folder, tmp_path)
    screen = window.stack.currentWidget()
    assert isinstance(screen, UnlockScreen)
    offer = screen.restore_offer
    assert offer.offered == (loss == "deleted")  # known before typing when the file is gone
    unlock(window)  # the coach types the passphrase as always
    assert window.work is None
    assert offer.offered and "choose Restore from a backup" in screen.message.text()
    qtbot.mouseClick(offer.button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog(window)
    surveyed(qtbot, dialog)  # the backups are checked and opened with the passphrase just typed
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "12"
    assert dialog.restore_button.isEnabled()  # the newest that opens is chosen
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "12 clients" in answer(QMessageBox.StandardButton.Yes)
    finish(qtbot, window)
    assert window.work is not None and client_count(window) == 12  # open, every client back
    notice = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert notice and "is restored: 12 clients" in notice[-1].text()
    assert "before-restore" in notice[-1].text()
    assert len([p for p in vault_folder.parent.iterdir() if "before-restore" in p.name]) == 1


@pytest.mark.daily_backup
def test_locking_after_changes_makes_the_days_backup_once(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    window.ops.call(add_client, Client(family_name="Lahtinen", given_names="Eeva"))
    window.lock()
    assert window.ops.busy  # the backup runs on a worker thread, the window stays live
    finish(qtbot, window)
    assert window.work is None and isinstance(window.stack.currentWidget(), UnlockScreen)
    assert backups_made() == 1
    unlock(window)
    window.ops.call(add_client, Client(family_name="Mäkelä", given_names="Olli"))
    window.lock()  # changes again, but today's backup is made: locking is immediate
    assert not window.ops.busy and window.work is None
    assert backups_made() == 1


@pytest.mark.daily_backup
@pytest.mark.parametrize("leaving", ["lock", "close"])
def test_an_absent_second_location_is_told_on_the_unlock_screen_and_never_fails_the_backup(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path, leaving: str
) -> None:
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    set_second_location(stick, datetime.now(UTC))
    shutil.rmtree(stick)  # unplugged
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    window.ops.call(add_client, Client(family_name="Lahtinen", given_names="Eeva"))
    window.lock() if leaving == "lock" else window.close()
    finish(qtbot, window)
    assert backups_made() == 1 and window.ops.vault is None
    screen = window.stack.currentWidget()
    assert isinstance(screen, UnlockScreen) and "was not reached" in screen.message.text()
    assert window.isVisible() == (leaving == "lock")


def test_today_shows_the_last_verified_backup_and_warns_when_it_is_old(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    with vault:
        make_backup(vault, now=datetime.now(UTC) - timedelta(days=9))
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    box = window.work.today.backups
    assert "Last verified backup" in box.summary.text() and "9 days ago" in box.summary.text()
    assert box.warning.isVisible() and "more than 7 days" in box.warning.text()
    qtbot.mouseClick(box.findChild(QPushButton, "backupsButton"), Qt.MouseButton.LeftButton)
    dialog = window.findChildren(BackupsDialog)[-1]
    qtbot.mouseClick(dialog.findChild(QPushButton, "backUpNowButton"), Qt.MouseButton.LeftButton)
    finish(qtbot, window)
    assert "made and verified" in dialog.message.text()
    dialog.reject()
    qtbot.waitUntil(lambda: "today" in box.summary.text())
    assert not box.warning.isVisible()


def test_restoring_from_settings_closes_the_vault_and_opens_the_restored_one(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    vault_with_backup(vault_folder, clients=8)
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    window.ops.call(add_client, Client(family_name="Uusi", given_names="Asiakas"))
    assert client_count(window) == 9
    assert window.work is not None
    settings = window.work.open_settings()
    qtbot.mouseClick(settings.findChild(QPushButton, "openBackupsButton"), Qt.MouseButton.LeftButton)
    backups = window.findChildren(BackupsDialog)[-1]
    qtbot.mouseClick(backups.findChild(QPushButton, "openRestoreButton"), Qt.MouseButton.LeftButton)
    dialog = restore_dialog(window)
    surveyed(qtbot, dialog)
    assert dialog.table.item(0, 3).text() == "—"  # not opened until the passphrase of its day is typed
    dialog.secret.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    surveyed(qtbot, dialog, 2)
    assert dialog.table.item(0, 3).text() == "8"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    answer(QMessageBox.StandardButton.Yes)
    finish(qtbot, window)
    assert window.work is not None and client_count(window) == 8


def test_a_backup_from_before_a_change_of_passphrase_says_which_passphrase_opens_it(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    vault_id = vault_with_backup(vault_folder, clients=3)
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as vault:
        vault.change_passphrase(NEW_PASSPHRASE, kdf=FAST_KDF)
    window = make_window(qtbot, vault_folder, tmp_path)
    window.stack.currentWidget().restore_offer.requested.emit()  # type: ignore[attr-defined]
    dialog = restore_dialog(window)
    surveyed(qtbot, dialog)
    dialog.secret.setText(NEW_PASSPHRASE)
    dialog.look()
    surveyed(qtbot, dialog, 2)
    assert "opens with the one valid when it was made" in dialog.table.item(0, 4).text()
    assert not dialog.restore_button.isEnabled()
    assert len(find_backups(vault_backups(vault_id))) == 1


def test_a_new_computer_gets_the_vault_back_from_the_first_run_screen(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    old_computer = tmp_path / "old-computer" / "vault"
    vault_with_backup(old_computer, clients=5)
    window = make_window(qtbot, vault_folder, tmp_path)  # no vault here: the first-run screen
    qtbot.mouseClick(window.findChild(QPushButton, "welcomeRestoreButton"), Qt.MouseButton.LeftButton)
    dialog = restore_dialog(window)
    surveyed(qtbot, dialog)
    dialog.secret.setText(PASSPHRASE)
    dialog.look()
    surveyed(qtbot, dialog, 2)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    answer(QMessageBox.StandardButton.Yes)
    finish(qtbot, window)
    assert window.work is not None and client_count(window) == 5
    assert (vault_folder / "vault.db").exists()
