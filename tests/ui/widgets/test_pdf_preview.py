"""Previewing, printing and saving printed documents from the app."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.helpers.factories import client
from tests.helpers.gui import unlocked_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import Consent, ConsentParty
from tyokykyapp.forms.render import FormKind
from tyokykyapp.services import add_client, save_record
from tyokykyapp.vault import Vault
from ui.app import MainWindow


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def window(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> MainWindow:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    c = client(family_name="Björklund", given_names="Astrid")
    add_client(vault, c)
    save_record(vault, Consent(client_id=c.id, given_on=c.started_on, parties=[ConsentParty(name="Kela")]))
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    window.work.open_client(c.id)
    return window


def test_client_form_preview_languages_print_and_save(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.work is not None and window.work.workspace is not None
    before = window.ops.require_vault().transfer.content_digest()
    dialog = window.work.workspace.print_form(FormKind.CONSENT)
    assert dialog.document.pageCount() >= 1
    assert "Suostumus tietojen vaihtamiseen" in text_of(dialog.pdf)  # the client's language: Finnish
    dialog.language.select("sv")
    assert "Samtycke till utbyte av uppgifter" in text_of(dialog.pdf)
    pages_normal = dialog.document.pageCount()
    dialog.large.setChecked(True)
    assert dialog.document.pageCount() >= pages_normal
    assert "Astrid Björklund" in text_of(dialog.pdf)
    # Printing renders every page from memory.
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == dialog.document.pageCount()
    # Save as PDF warns first: cancelling writes nothing.
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save_as()
    assert not target.exists()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Save)
    dialog.save_as()
    assert target.read_bytes() == dialog.pdf
    # Printing a consent recorded nothing.
    assert window.ops.require_vault().transfer.content_digest() == before
    dialog.accept()


def test_blank_form_needs_no_warning(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.work is not None
    dialog = window.work.print_blank(FormKind.AGREEMENT)
    assert "Björklund" not in text_of(dialog.pdf)

    def no_warning(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a blank form holds no personal data: no warning")

    monkeypatch.setattr(QMessageBox, "warning", no_warning)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "blank.pdf"), ""))
    dialog.save_as()
    assert (tmp_path / "blank.pdf").exists()
    dialog.accept()


def test_new_recovery_key_shows_its_sheet(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, vault_folder: Path
) -> None:
    from ui.screens.settings_dialog import SettingsDialog

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    settings = SettingsDialog(window.prefs, window.ops, window)
    sheet = settings.new_recovery_key()
    assert sheet is not None
    text = text_of(sheet.pdf)  # type: ignore[attr-defined]
    key = next(line for line in text.splitlines() if line.count("-") == 6)
    sheet.accept()  # type: ignore[attr-defined]
    settings.reject()
    window.lock()
    Vault.unlock(vault_folder, recovery_key=key).close()
