"""Handing over and receiving clients through the dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.gui import make_window, unlock
from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Client, Phase
from tyokykyapp.handover import ConflictPolicy
from tyokykyapp.vault import Vault


@pytest.fixture(autouse=True)
def fast_handover_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tyokykyapp.handover.export.calibrated_params", lambda: FAST_KDF)


def test_hand_over_a_phase_and_import_it_into_another_vault(qtbot: QtBot, tmp_path: Path) -> None:
    sender, _key = Vault.create(tmp_path / "sender", PASSPHRASE)
    generate_caseload(sender, 20, seed=8)
    in_support = [s.id for s in sender.repo.clients(phase=Phase.SUPPORT)]
    sender.close()
    Vault.create(tmp_path / "receiver", NEW_PASSPHRASE)[0].close()

    window = make_window(qtbot, tmp_path / "sender", tmp_path)
    unlock(window)
    assert window.work is not None
    dialog = window.work.open_export()
    dialog.scope_phase.setChecked(True)
    dialog.phase.select(Phase.SUPPORT)
    dialog.receiver.setText("Maija Meikäläinen, Espoon kaupunki")
    dialog.mark.setChecked(True)
    out = tmp_path / "support.tyokyky"
    assert dialog.export_to(out)
    passphrase = dialog.passphrase_label.text()
    assert len(passphrase.replace("-", "")) == 20 and out.exists()
    assert dialog.progress.value() == dialog.progress.maximum() == len(in_support)
    receipt = dialog.receipt_pdf()
    assert receipt.startswith(b"%PDF") and passphrase.encode() not in receipt
    preview = dialog.print_receipt()
    qtbot.waitUntil(lambda: preview.ready, timeout=30_000)  # built in the background
    assert preview.document.pageCount() == 1 and preview.personal
    preview.accept()
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportCloseButton"), Qt.MouseButton.LeftButton)
    assert dialog.passphrase_label.text() == ""
    repo = window.ops.require_vault().repo
    assert all(repo.get(Client, i).handed_over_to.startswith("Maija") for i in in_support)
    window.lock()

    receiver = make_window(qtbot, tmp_path / "receiver", tmp_path)
    unlock(receiver, NEW_PASSPHRASE)
    assert receiver.work is not None
    importer = receiver.work.open_import()
    importer.file.setText(str(out))
    importer.passphrase.setText("wrong passphrase here")
    assert not importer.check_file() and "wrong" in importer.message.text()
    assert not importer.import_button.isEnabled()
    importer.passphrase.setText(passphrase.lower())
    assert importer.check_file()
    assert importer.table.rowCount() == len(in_support) and not importer.policy.isVisible()
    assert importer.passphrase.text() == ""
    assert importer.do_import()
    assert receiver.work.clients.model.total == len(in_support)
    # The same file again: nothing changes.
    importer.passphrase.setText(passphrase)
    assert importer.check_file()
    assert {importer.table.item(r, 3).text() for r in range(importer.table.rowCount())} == {"already here"}
    importer.policy.select(ConflictPolicy.KEEP_BOTH)
    assert importer.do_import()
    assert receiver.work.clients.model.total == len(in_support)


def test_export_refuses_a_weak_chosen_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    vault, _key = Vault.create(tmp_path / "v", PASSPHRASE)
    generate_caseload(vault, 6, seed=2)
    vault.close()
    window = make_window(qtbot, tmp_path / "v", tmp_path)
    unlock(window)
    assert window.work is not None
    dialog = window.work.open_export()
    dialog.choose.setChecked(True)
    dialog.chosen.first.setText("salasana12345")
    dialog.chosen.second.setText("salasana12345")
    assert not dialog.export_to(tmp_path / "x.tyokyky")
    assert "easy to guess" in dialog.message.text() and not (tmp_path / "x.tyokyky").exists()
