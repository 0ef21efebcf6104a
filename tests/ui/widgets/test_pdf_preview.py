"""Previewing, printing and saving printed documents from the app."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.factories import client
from tests.helpers.gui import answer, choose_file, unlocked_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import Consent, ConsentParty, UserError
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.forms.render import FormKind, PrintedForm, render_form
from tyokykyapp.services import add_client, save_record
from tyokykyapp.vault import Vault
from ui.app import MainWindow
from ui.widgets.pdf_preview import PdfPreviewDialog


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def shown(qtbot: QtBot, dialog: PdfPreviewDialog) -> PdfPreviewDialog:
    """The dialog once the document asked for last is built and shown."""
    qtbot.waitUntil(lambda: dialog.ready, timeout=30_000)
    return dialog


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
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.work is not None and window.work.workspace is not None
    before = window.ops.require_vault().transfer.content_digest()
    dialog = shown(qtbot, window.work.workspace.print_form(FormKind.CONSENT))
    assert dialog.document.pageCount() >= 1
    assert "Suostumus tietojen vaihtamiseen" in text_of(dialog.pdf)  # the client's language: Finnish
    dialog.language.select("sv")
    shown(qtbot, dialog)
    assert "Samtycke till utbyte av uppgifter" in text_of(dialog.pdf)
    assert window.work.findChild(QPushButton, "lockButton").text().startswith("Lock")  # the window stays English
    pages_normal = dialog.document.pageCount()
    dialog.large.setChecked(True)
    shown(qtbot, dialog)
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


def test_blank_form_needs_no_warning(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.work is not None
    dialog = shown(qtbot, window.work.print_blank(FormKind.AGREEMENT))
    assert "Björklund" not in text_of(dialog.pdf)
    dialog.save_as()  # a blank form holds no personal data: no warning, straight to the file
    choose_file(tmp_path / "blank.pdf")
    assert (tmp_path / "blank.pdf").exists()
    dialog.accept()


def test_new_recovery_key_shows_its_sheet(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, vault_folder: Path
) -> None:
    from ui.dialogs.settings import SettingsDialog

    settings = SettingsDialog(window.prefs, window.ops, window)
    settings.new_recovery_key()
    answer(QMessageBox.StandardButton.Yes)
    # The vault is re-encrypted under the new key on a worker thread; the sheet follows.
    qtbot.waitUntil(lambda: bool(settings.findChildren(PdfPreviewDialog)), timeout=20_000)
    sheet = settings.findChildren(PdfPreviewDialog)[-1]
    text = text_of(shown(qtbot, sheet).pdf)
    key = next(line for line in text.splitlines() if line.count("-") == 6)
    sheet.accept()
    settings.discard()
    window.lock()
    Vault.unlock(vault_folder, recovery_key=key).close()


class Held:
    """A render that waits until released: the build is known to be running while the test acts."""

    def __init__(self) -> None:
        self.started, self.release = threading.Event(), threading.Event()

    def __call__(self, render: Callable[..., PrintedForm]) -> Callable[..., PrintedForm]:
        def held(*args: object, **kwargs: object) -> PrintedForm:
            self.started.set()
            assert self.release.wait(30)
            return render(*args, **kwargs)

        return held


@pytest.fixture
def held() -> Iterator[Held]:
    """Released at the end whatever happened, so no build keeps a pool thread for later tests."""
    renders = Held()
    yield renders
    renders.release.set()


def _builds_done(qtbot: QtBot) -> None:
    from ui.widgets.pdf_preview import _builder

    assert QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.waitUntil(lambda: not _builder().waiting, timeout=30_000)


def test_the_document_is_built_while_the_window_keeps_working(qtbot: QtBot, window: MainWindow, held: Held) -> None:
    dialog = PdfPreviewDialog(
        "Consent",
        held(lambda lang, large: render_form(FormKind.CONSENT, coach=CoachDetails(), lang=lang, large_print=large)),
        language="fi",
        large_print=False,
        personal=False,
        file_name="consent.pdf",
        report=window.ops.show_error,
        parent=window,
    )
    dialog.show()
    assert held.started.wait(30)
    assert not dialog.ready and dialog.busy.isVisible() and not dialog.print_button.isEnabled()
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))  # the event loop runs while the build waits
    qtbot.waitUntil(lambda: bool(ticks), timeout=5_000)
    held.release.set()
    shown(qtbot, dialog)
    assert not dialog.busy.isVisible() and dialog.print_button.isEnabled()
    assert "Suostumus tietojen vaihtamiseen" in text_of(dialog.pdf)
    dialog.accept()


def test_the_auto_lock_fires_during_a_build_and_the_document_is_dropped(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, held: Held
) -> None:
    import ui.print_ops

    monkeypatch.setattr(ui.print_ops, "render_form", held(render_form))
    assert window.work is not None and window.work.workspace is not None
    client_preview = window.work.workspace.print_form(FormKind.ACCESS_REPORT)
    assert held.started.wait(30)
    reported: list[str] = []
    still_open = PdfPreviewDialog(  # a preview that outlives the work area, like the recovery sheet's
        "Consent",
        held(lambda lang, large: render_form(FormKind.CONSENT, coach=CoachDetails(), lang=lang)),
        language="fi",
        large_print=False,
        personal=True,
        file_name="consent.pdf",
        report=reported.append,
        still_open=lambda: window.ops.vault is not None,
        parent=window,
    )
    still_open.show()
    window.auto_lock.setInterval(50)
    window.auto_lock.start()
    qtbot.waitUntil(lambda: window.ops.vault is None, timeout=5_000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(client_preview), timeout=5_000)  # gone with the work area
    held.release.set()
    _builds_done(qtbot)
    assert still_open.pdf == b"" and not still_open.isVisible() and reported == []


def test_an_error_in_the_build_is_reported_in_one_line(qtbot: QtBot, window: MainWindow) -> None:
    reported: list[str] = []

    def broken(_lang: str, _large: bool) -> PrintedForm:
        raise UserError("Ei onnistunut.")

    dialog = PdfPreviewDialog(
        "X", broken, language="fi", large_print=False, personal=False, file_name="x.pdf", report=reported.append
    )
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert reported == ["Ei onnistunut."] and dialog.pdf == b"" and not dialog.save_button.isEnabled()
    dialog.accept()


def test_a_warning_names_what_the_font_cannot_print(qtbot: QtBot, window: MainWindow) -> None:
    dialog = PdfPreviewDialog(
        "X",
        lambda lang, large: PrintedForm(b"", "王"),
        language="fi",
        large_print=False,
        personal=False,
        file_name="x.pdf",
        report=lambda _m: None,
    )
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert dialog.warning.isVisible() and "王" in dialog.warning.text()
    dialog.accept()
