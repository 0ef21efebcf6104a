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
from tests.helpers.gui import answer, choose_file, unlocked_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import Consent, ConsentParty
from tyokykyapp.forms.render import FormKind
from tyokykyapp.services import add_client, save_record
from tyokykyapp.vault import Vault
from ui.app import MainWindow
from ui.widgets.pdf_preview import PdfPreviewDialog


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
    dialog.save_as()
    assert "unencrypted" in answer(QMessageBox.StandardButton.Cancel)
    assert not any(w.isVisible() for w in window.findChildren(QFileDialog))
    dialog.save_as()
    answer(QMessageBox.StandardButton.Save)
    choose_file(target)
    assert target.read_bytes() == dialog.pdf
    # Printing a consent recorded nothing.
    assert window.ops.require_vault().transfer.content_digest() == before
    dialog.accept()


def test_blank_form_needs_no_warning(window: MainWindow, tmp_path: Path) -> None:
    assert window.work is not None
    dialog = window.work.print_blank(FormKind.AGREEMENT)
    assert "Björklund" not in text_of(dialog.pdf)
    dialog.save_as()  # a blank form holds no personal data: no warning, straight to the file
    choose_file(tmp_path / "blank.pdf")
    assert (tmp_path / "blank.pdf").exists()
    dialog.accept()


def test_new_recovery_key_shows_its_sheet(window: MainWindow, vault_folder: Path) -> None:
    from ui.dialogs.settings import SettingsDialog

    settings = SettingsDialog(window.prefs, window.ops, window)
    settings.new_recovery_key()
    answer(QMessageBox.StandardButton.Yes)
    sheet = settings.findChildren(PdfPreviewDialog)[-1]
    text = text_of(sheet.pdf)
    key = next(line for line in text.splitlines() if line.count("-") == 6)
    sheet.accept()
    settings.discard()
    window.lock()
    Vault.unlock(vault_folder, recovery_key=key).close()
