"""The unlock card: an empty passphrase asks for one, Caps Lock is pointed out, the demo says what it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.gui import make_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.vault import Vault
from ui.screens.unlock import UnlockScreen, caps_lock_on


def press(text: str, shift: bool = False) -> QKeyEvent:
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, modifiers, text)


def test_caps_lock_is_read_off_the_letters_typed() -> None:
    assert caps_lock_on(press("A")) is True  # upper case without Shift
    assert caps_lock_on(press("a", shift=True)) is True
    assert caps_lock_on(press("a")) is False
    assert caps_lock_on(press("Ä", shift=True)) is False
    assert caps_lock_on(press("7")) is None and caps_lock_on(press(" ")) is None


def screen_of(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> UnlockScreen:
    Vault.create(vault_folder, PASSPHRASE)[0].close()
    window = make_window(qtbot, vault_folder, tmp_path)
    screen = window.stack.currentWidget()
    assert isinstance(screen, UnlockScreen)
    return screen


def test_typing_with_caps_lock_on_shows_a_warning(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    screen = screen_of(qtbot, vault_folder, tmp_path)
    assert not screen.caps_lock.isVisible()
    QApplication.sendEvent(screen.passphrase, press("K"))
    assert screen.caps_lock.isVisible() and "Caps Lock" in screen.caps_lock.text()
    QApplication.sendEvent(screen.passphrase, press("k"))
    assert not screen.caps_lock.isVisible()


def test_an_empty_passphrase_asks_for_one(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    screen = screen_of(qtbot, vault_folder, tmp_path)
    assert not screen.message.isVisible()  # no empty band between the field and the button
    qtbot.mouseClick(screen.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)
    assert screen.message.isVisible() and screen.message.text() == "Type your passphrase first."


def test_the_demo_lock_screen_says_so_and_can_leave(qtbot: QtBot, tmp_path: Path) -> None:
    from tyokykyapp.demo.vault import open_demo_vault
    from ui.app import DEMO_PASSPHRASE

    home = tmp_path / "vault"
    open_demo_vault(home.with_name("vault-demo"), DEMO_PASSPHRASE, coach="c", organisation="o").close()
    window = make_window(qtbot, home, tmp_path)
    window.demo, window.folder = True, home.with_name("vault-demo")
    window.show_entry_screen()
    screen = window.stack.currentWidget()
    assert isinstance(screen, UnlockScreen)
    assert screen.note.isVisible() and DEMO_PASSPHRASE in screen.note.text()
    screen.findChild(QPushButton, "leaveDemoLink").click()
    assert not window.demo and window.folder == home
