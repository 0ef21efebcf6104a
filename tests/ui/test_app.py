"""The first run, unlocking, locking and the language switch."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.factories import client
from tests.helpers.gui import (
    answer,
    last_dialog,
    make_window,
    set_field,
    take_error,
    unlock,
    unlocked_new_vault,
    unlocked_window,
    visible_texts,
    wait_for_unlock,
)
from tests.helpers.vaults import NEW_PASSPHRASE, PASSPHRASE
from tyokykyapp.services import add_client, coach_details
from tyokykyapp.vault import Vault
from ui.app import MainWindow
from ui.screens.unlock import UnlockScreen
from ui.screens.welcome import WelcomeScreen
from ui.screens.workspace import ClientWorkspace
from ui.work_area import WorkArea


def one_client_open(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path, **values: object
) -> tuple[MainWindow, ClientWorkspace]:
    """A vault with one client, the window unlocked and the client's workspace open."""
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    c = client(**values)
    add_client(vault, c)
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    workspace = window.work.open_client(c.id)
    assert workspace is not None
    return window, workspace


def test_first_run_creates_the_vault_shows_the_key_once_and_asks_the_coach(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    window = make_window(qtbot, vault_folder, tmp_path)
    welcome = window.stack.currentWidget()
    assert isinstance(welcome, WelcomeScreen)
    create = welcome.findChild(QPushButton, "createVaultButton")
    welcome.passphrase.first.setText("salasana12345")
    welcome.passphrase.second.setText("salasana12345")
    assert not create.isEnabled() and "easy to guess" in welcome.passphrase.verdict.text()
    welcome.passphrase.first.setText(PASSPHRASE)
    welcome.passphrase.second.setText(PASSPHRASE + "x")
    assert not create.isEnabled() and "differ" in welcome.passphrase.verdict.text()
    welcome.passphrase.second.setText(PASSPHRASE)
    assert create.isEnabled() and "✓" in welcome.passphrase.verdict.text()
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    key = welcome.recovery_label.text()
    assert len(key.replace("-", "")) == 28
    assert welcome.passphrase.first.text() == ""  # the passphrase does not stay in the widget
    sheet = welcome.print_recovery_sheet()
    qtbot.waitUntil(lambda: sheet.ready, timeout=30_000)  # type: ignore[attr-defined]  # built in the background
    assert key in "".join(page.extract_text() for page in PdfReader(io.BytesIO(sheet.pdf)).pages)  # type: ignore[attr-defined]
    sheet.accept()  # type: ignore[attr-defined]
    cont = welcome.findChild(QPushButton, "recoveryContinueButton")
    assert not cont.isEnabled()
    welcome.stored.setChecked(True)
    qtbot.mouseClick(cont, Qt.MouseButton.LeftButton)
    assert welcome.recovery_label.text() == ""
    welcome.coach_form.editors["name"].widget.setText("Riikka Räsänen")
    welcome.coach_form.editors["organisation"].widget.setText("Helsingin kaupunki")
    qtbot.mouseClick(welcome.findChild(QPushButton, "detailsDoneButton"), Qt.MouseButton.LeftButton)
    assert isinstance(window.stack.currentWidget(), WorkArea)
    assert coach_details(window.ops.require_vault()).organisation == "Helsingin kaupunki"
    window.lock()
    Vault.unlock(vault_folder, recovery_key=key).close()


def test_wrong_passphrase_says_so_and_lets_the_coach_try_again(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    window = make_window(qtbot, vault_folder, tmp_path)
    screen = window.stack.currentWidget()
    assert isinstance(screen, UnlockScreen)
    qtbot.keyClicks(screen.passphrase, "not the right one")
    qtbot.mouseClick(screen.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)
    wait_for_unlock(screen)
    assert screen.message.text() == "✗ Wrong passphrase."
    unlock(window)
    assert isinstance(window.stack.currentWidget(), WorkArea)


def test_vault_open_elsewhere_gets_its_own_message(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    other, _key = Vault.create(vault_folder, PASSPHRASE)
    with other:
        window = make_window(qtbot, vault_folder, tmp_path)
        unlock(window)
        assert "already open" in window.stack.currentWidget().message.text()  # type: ignore[attr-defined]


def test_forgotten_passphrase_recovery_sets_a_new_one(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, key = Vault.create(vault_folder, PASSPHRASE)
    vault.close()
    window = make_window(qtbot, vault_folder, tmp_path)
    screen = window.stack.currentWidget()
    assert isinstance(screen, UnlockScreen)
    qtbot.mouseClick(screen.findChild(QPushButton, "forgotButton"), Qt.MouseButton.LeftButton)
    screen.recovery_key.setText(key.lower())
    screen.new_passphrase.first.setText(NEW_PASSPHRASE)
    screen.new_passphrase.second.setText(NEW_PASSPHRASE)
    screen.try_recover()
    assert isinstance(window.stack.currentWidget(), WorkArea)
    window.lock()
    Vault.unlock(vault_folder, passphrase=NEW_PASSPHRASE).close()


def test_lock_empties_every_view_and_an_unsaved_meeting_survives(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    window, workspace = one_client_open(qtbot, vault_folder, tmp_path, family_name="Zyxwvutsson")
    c = workspace.file.client
    assert "Zyxwvutsson" in visible_texts()
    qtbot.mouseClick(window.findChild(QPushButton, "newMeetingButton"), Qt.MouseButton.LeftButton)
    dialog = last_dialog(workspace)
    set_field(dialog, "notes", "Keskeneräinen muistiinpano: työkokeilu kahvilassa")
    # Auto-lock fires after the (here very short) inactivity period.
    window.auto_lock.setInterval(50)
    window.auto_lock.start()
    qtbot.waitUntil(lambda: window.ops.vault is None, timeout=3000)
    qtbot.wait(10)
    shown = visible_texts()
    assert "Zyxwvutsson" not in shown and "Keskeneräinen" not in shown
    assert window.windowTitle() == "Työkyky"
    assert window.work is None and isinstance(window.stack.currentWidget(), UnlockScreen)
    unlock(window)
    restored = last_dialog(window.work.workspace)  # type: ignore[union-attr]
    assert restored.form.editors["notes"].get() == "Keskeneräinen muistiinpano: työkokeilu kahvilassa"
    qtbot.mouseClick(restored.save_button, Qt.MouseButton.LeftButton)
    meetings = window.ops.require_vault().repo.client_file(c.id).meetings
    assert [m.notes for m in meetings] == ["Keskeneräinen muistiinpano: työkokeilu kahvilassa"]


def test_ctrl_l_locks(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.ops.vault is None


def test_language_switch_changes_the_visible_texts(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path, language="fi")
    assert window.work is not None
    assert window.work.nav.item(1).text() == "Asiakkaat"
    window.work.language.setCurrentIndex(window.work.language.findData("sv"))
    assert window.work is not None and window.work.nav.item(1).text() == "Klienter"
    assert window.work.findChild(QPushButton, "lockButton").text().startswith("Lås")
    window.work.language.setCurrentIndex(window.work.language.findData("en"))
    assert window.work.nav.item(1).text() == "Clients"
    assert window.prefs.get("language") == "en"


def test_closing_with_an_unsaved_form_asks_and_saves(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    window, workspace = one_client_open(qtbot, vault_folder, tmp_path)
    c = workspace.file.client
    dialog = workspace.add_record("meeting")
    assert dialog is not None
    set_field(dialog, "notes", "tallennetaan suljettaessa")
    assert not window.close()  # not yet: the question is open
    assert "unsaved changes" in answer(QMessageBox.StandardButton.Save)
    assert window.ops.vault is None and not window.isVisible()
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as reopened:
        assert [m.notes for m in reopened.repo.client_file(c.id).meetings] == ["tallennetaan suljettaessa"]


def test_typing_clicking_and_scrolling_in_any_window_postpone_the_auto_lock(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    window.auto_lock.setInterval(400)
    window.auto_lock.start()
    main = window.windowHandle()
    for _ in range(4):  # 4 × 250 ms of use: longer than the interval, and still open
        qtbot.wait(250)
        QTest.keyClick(main, Qt.Key.Key_A)
    assert window.ops.vault is not None
    dialog = window.work.new_client()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle(), timeout=3000)
    for _ in range(4):
        qtbot.wait(250)
        QTest.mouseClick(dialog.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    assert window.ops.vault is not None
    dialog.reject()
    qtbot.waitUntil(lambda: window.ops.vault is None, timeout=3000)  # left alone, it locks


def test_a_form_whose_client_is_gone_after_unlocking_is_reported_not_dropped(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    window, workspace = one_client_open(qtbot, vault_folder, tmp_path)
    c = workspace.file.client
    dialog = workspace.add_record("meeting")
    assert dialog is not None
    set_field(dialog, "notes", "kesken")
    window.lock()
    with Vault.unlock(vault_folder, passphrase=PASSPHRASE) as other:  # e.g. the command line, meanwhile
        other.repo.delete_client(c.id)
        other.repo.purge_client(c.id)
    unlock(window)
    assert "could not be brought back" in take_error()


def test_ctrl_m_with_no_client_asks_whose_meeting_it_is(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    from ui.dialogs.choose_client import ChooseClientDialog

    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    c = client(family_name="Zyxwvutsson")
    add_client(vault, c)
    add_client(vault, client(family_name="Aaltonen"))
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    chooser = window.work.new_meeting_anywhere()
    assert isinstance(chooser, ChooseClientDialog) and take_error() == ""
    qtbot.keyClicks(chooser.search, "Zyx")
    qtbot.keyClick(chooser.search, Qt.Key.Key_Return)
    assert window.work.workspace is not None and window.work.workspace.client_id == c.id
    meeting = last_dialog(window.work.workspace)
    assert "Zyxwvutsson" in meeting.windowTitle()


def test_the_crash_handler_shows_a_plain_message_and_writes_no_record_content(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ui.crash import install_crash_handler

    window = QWidget()
    qtbot.addWidget(window)
    stream = io.StringIO()
    previous = sys.excepthook
    try:
        handle = install_crash_handler(window, stream)
        try:
            raise ValueError("Salainen muistiinpano Zyxwvutsson")
        except ValueError as error:
            handle(type(error), error, error.__traceback__)
        from PySide6.QtCore import qCritical

        qCritical("QPainter::end: Painter not active")  # Qt's own complaint: passed on, one message box only
    finally:
        sys.excepthook = previous
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(None)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert [b.objectName() for b in boxes] == ["crashMessage"]
    assert "Saved records are safe" in boxes[0].text()
    written = stream.getvalue()
    assert "ValueError" in written and "test_app.py" in written and "Painter not active" in written
    assert "Zyxwvutsson" not in written and "Salainen" not in written


def test_long_work_runs_off_the_gui_thread_and_closing_waits_for_it(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    import threading
    import time

    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    threads: list[threading.Thread] = []

    def work(vault: Vault, progress: object) -> int:
        threads.append(threading.current_thread())
        time.sleep(0.3)
        return int(vault.repo.count_clients())

    done: list[int] = []
    assert window.ops.run_in_background(window, "Työ", work, on_done=done.append) is not None
    assert window.ops.busy and not window.auto_lock.isActive()  # the auto-lock waits for the job
    assert window.ops.call(lambda vault: vault.repo.count_clients()) is None  # one job at a time
    assert "Wait until" in take_error()
    assert not window.close()
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=5000)
    assert done == [0] and threads[0] is not threading.main_thread()
    assert window.ops.vault is None and not window.isVisible()


@pytest.mark.parametrize("fails", [False, True])
def test_work_whose_dialog_was_closed_meanwhile_still_ends_cleanly(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path, fails: bool
) -> None:
    """A dialog closed (by Esc or the auto-lock) while its work runs: what was done is announced to the app,
    an error is shown over the main window, and nothing is called on the deleted dialog or its progress."""
    import threading

    from PySide6.QtWidgets import QDialog

    from tyokykyapp.domain.errors import UserError
    from tyokykyapp.services import Changes

    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    dialog = QDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    release = threading.Event()

    def work(vault: Vault, progress: object) -> Changes:
        release.wait(timeout=5)
        if fails:
            raise UserError("Varmuuskopiota ei voitu lukea.")
        return Changes(caseload=True)

    done: list[Changes] = []
    changed: list[Changes] = []
    window.ops.changed.connect(changed.append)
    assert window.ops.run_in_background(dialog, "Työ", work, on_done=done.append) is not None
    dialog.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # the dialog and its progress window are gone
    release.set()
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=5000)
    assert done == []
    if fails:
        assert take_error() == "Varmuuskopiota ei voitu lukea."
    else:
        assert changed == [Changes(caseload=True)]
