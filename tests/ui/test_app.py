from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.vault import Vault
from ui.app import MainWindow


def test_main_window_welcomes_when_there_is_no_vault(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(tmp_path / "none")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Työkyky"
    assert "No vault" in window.centralWidget().text()  # type: ignore[attr-defined]


def test_main_window_is_locked_over_an_existing_vault(qtbot: QtBot, vault_folder: Path) -> None:
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    window = MainWindow(vault_folder)
    qtbot.addWidget(window)
    assert "locked" in window.centralWidget().text()  # type: ignore[attr-defined]
