"""Handing over and receiving clients through the dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.gui import answer, choose_file, make_window, unlock, unlocked_window
from tests.helpers.vaults import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Client, Phase
from tyokykyapp.handover import ConflictPolicy, read_handover
from tyokykyapp.services import mark_handed_over
from tyokykyapp.vault import Vault
from ui.app import MainWindow
from ui.dialogs.handover import ExportDialog


@pytest.fixture(autouse=True)
def fast_handover_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tyokykyapp.handover.export.calibrated_params", lambda: FAST_KDF)


def finish(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the work on the worker thread to end."""
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=30_000)


def test_two_selected_clients_with_an_own_passphrase_are_exactly_what_is_handed_over(
    qtbot: QtBot, tmp_path: Path
) -> None:
    vault, _key = Vault.create(tmp_path / "v", PASSPHRASE)
    generate_caseload(vault, 40, seed=3)
    vault.close()
    window = unlocked_window(qtbot, tmp_path / "v", tmp_path)
    assert window.work is not None
    screen = window.work.clients
    window.work.show_section(screen)
    chosen = [screen.model.client_id(0), screen.model.client_id(1)]
    for row in (0, 1):
        screen.view.selectionModel().select(
            screen.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    qtbot.mouseClick(window.work.findChild(QPushButton, "handOverButton"), Qt.MouseButton.LeftButton)
    dialog = window.work.findChildren(ExportDialog)[-1]
    assert dialog.scope_selected.isChecked() and "2 clients" in dialog.size_label.text()
    dialog.mark.setChecked(True)
    dialog.receiver.setText("Maija Meikäläinen, Espoon kaupunki")
    dialog.choose.setChecked(True)  # the passphrase choice no longer unticks the client choice
    assert dialog.scope_selected.isChecked()
    dialog.chosen.first.setText(NEW_PASSPHRASE)
    dialog.chosen.second.setText(NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "two.tyokyky"
    choose_file(out)
    question = answer(QMessageBox.StandardButton.Yes)  # asked before anything is written
    assert "2 clients" in question and "records" in question and "read-only" in question
    finish(qtbot, window)
    assert dialog.pages.currentIndex() == 1 and "2 clients" in dialog.done_text.text()
    assert dialog.passphrase_label.text() == ""  # the coach's own passphrase is not shown back
    assert sorted(b.client["id"] for b in read_handover(out, NEW_PASSPHRASE).clients) == sorted(chosen)
    repo = window.ops.require_vault().repo
    marked = [s.id for s in repo.clients(handed_over=True)]
    assert sorted(marked) == sorted(chosen)


def test_no_choice_of_clients_is_refused_never_read_as_everyone(qtbot: QtBot, tmp_path: Path) -> None:
    vault, _key = Vault.create(tmp_path / "v", PASSPHRASE)
    generate_caseload(vault, 6, seed=2)
    vault.close()
    window = unlocked_window(qtbot, tmp_path / "v", tmp_path)
    assert window.work is not None
    dialog = window.work.open_export([])  # nothing selected: no choice is made for the coach
    assert dialog.scope() is None and not dialog.scope_selected.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Choose which clients" in dialog.message.text()
    assert not [w for w in window.findChildren(QFileDialog) if w.isVisible()]
    assert not dialog.export_to(tmp_path / "x.tyokyky") and not (tmp_path / "x.tyokyky").exists()
    dialog.discard()


def test_hand_over_a_phase_and_import_it_into_another_vault(qtbot: QtBot, tmp_path: Path) -> None:
    sender, _key = Vault.create(tmp_path / "sender", PASSPHRASE)
    generate_caseload(sender, 20, seed=8)
    in_support = [s.id for s in sender.repo.clients(phase=Phase.SUPPORT)]
    sender.close()
    Vault.create(tmp_path / "receiver", NEW_PASSPHRASE)[0].close()

    window = unlocked_window(qtbot, tmp_path / "sender", tmp_path)
    assert window.work is not None
    dialog = window.work.open_export([])
    dialog.phase.select(Phase.SUPPORT)  # choosing a phase chooses "the clients in a phase"
    assert dialog.scope() == "phase"
    dialog.receiver.setText("Maija Meikäläinen, Espoon kaupunki")
    dialog.mark.setChecked(True)
    out = tmp_path / "support.tyokyky"
    assert dialog.export_to(out)
    finish(qtbot, window)
    passphrase = dialog.passphrase_label.text()
    assert len(passphrase.replace("-", "")) == 20 and out.exists()
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
    assert not importer.check_file() and "Choose the handover file" in importer.message.text()
    importer.file.setText(str(out))
    importer.passphrase.setText("wrong passphrase here")
    assert importer.check_file()
    finish(qtbot, receiver)
    assert "wrong" in importer.message.text() and not importer.import_button.isEnabled()
    importer.passphrase.setText(passphrase.lower())
    importer.check_file()
    finish(qtbot, receiver)
    assert importer.table.rowCount() == len(in_support) and not importer.policy.isVisible()
    assert importer.passphrase.text() == ""
    assert "Made " in importer.about.text() and "today" in importer.about.text()
    assert "+00:00" not in importer.about.text() and "-" not in importer.about.text().split("Made ")[1][:10]
    assert importer.do_import()
    finish(qtbot, receiver)
    assert receiver.work.clients.model.total == len(in_support)
    # The same file again: nothing changes.
    importer.passphrase.setText(passphrase)
    importer.check_file()
    finish(qtbot, receiver)
    assert {importer.table.item(r, 3).text() for r in range(importer.table.rowCount())} == {"already here"}
    importer.policy.select(ConflictPolicy.KEEP_BOTH)
    assert importer.do_import()
    finish(qtbot, receiver)
    assert receiver.work.clients.model.total == len(in_support)


def test_export_refuses_a_weak_chosen_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    vault, _key = Vault.create(tmp_path / "v", PASSPHRASE)
    generate_caseload(vault, 6, seed=2)
    vault.close()
    window = unlocked_window(qtbot, tmp_path / "v", tmp_path)
    assert window.work is not None
    dialog = window.work.open_export([])
    dialog.scope_all.setChecked(True)
    dialog.choose.setChecked(True)
    dialog.chosen.first.setText("salasana12345")
    dialog.chosen.second.setText("salasana12345")
    assert not dialog.export_to(tmp_path / "x.tyokyky")
    assert "easy to guess" in dialog.message.text() and not (tmp_path / "x.tyokyky").exists()
    dialog.discard()


def test_the_handed_over_mark_is_read_only_and_can_be_undone_with_a_history_entry(qtbot: QtBot, tmp_path: Path) -> None:
    vault, _key = Vault.create(tmp_path / "v", PASSPHRASE)
    generate_caseload(vault, 6, seed=2)
    client_id = vault.repo.clients(phase=Phase.JOB_SEARCH)[0].id
    mark_handed_over(vault, [client_id], "Maija Meikäläinen")
    vault.close()
    window = unlocked_window(qtbot, tmp_path / "v", tmp_path)
    assert window.work is not None
    workspace = window.work.open_client(client_id)
    assert workspace is not None
    # Every control that would change something is disabled and says why.
    assert "read-only" in workspace.warnings.text()
    for name in ("advancePhaseButton", "add_meeting", "delete_meeting"):
        button = workspace.findChild(QPushButton, name)
        assert not button.isEnabled() and "read-only" in button.toolTip(), name
    details = workspace.edit_details()
    assert details.read_only and not details.form.isEnabled()
    details.reject()
    qtbot.mouseClick(workspace.findChild(QPushButton, "undoHandoverButton"), Qt.MouseButton.LeftButton)
    assert "editable here again" in answer(QMessageBox.StandardButton.Yes)
    assert workspace.findChild(QPushButton, "advancePhaseButton").isEnabled()
    history = window.ops.require_vault().repo.history(client_id)
    assert history[-2].record.handed_over_to == "Maija Meikäläinen" and history[-1].record.handed_over_on is None
