"""The unlock card: an empty passphrase asks for one, Caps Lock is pointed out, the demo says what it is."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.gui import make_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.vault import KdfParams, Vault
from ui.app import DEMO_PASSPHRASE, MainWindow
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


def demo_lock_screen(qtbot: QtBot, home: Path, tmp_path: Path) -> UnlockScreen:
    """The demo's unlock screen, for a coach whose own vault would be `home`."""
    from tyokykyapp.demo.vault import open_demo_vault

    open_demo_vault(home.with_name("vault-demo"), DEMO_PASSPHRASE, coach="c", organisation="o").close()
    window = make_window(qtbot, home, tmp_path)
    window.demo, window.folder = True, home.with_name("vault-demo")
    window.show_entry_screen()
    screen = window.stack.currentWidget()
    assert isinstance(screen, UnlockScreen)
    return screen


def test_the_demo_lock_screen_says_so_and_can_leave(qtbot: QtBot, tmp_path: Path) -> None:
    home = tmp_path / "vault"
    screen, window = window_of(demo_lock_screen(qtbot, home, tmp_path))
    assert screen.note.isVisible() and DEMO_PASSPHRASE in screen.note.text()
    screen.findChild(QPushButton, "leaveDemoLink").click()
    assert not window.demo and window.folder == home


def window_of(screen: UnlockScreen) -> tuple[UnlockScreen, MainWindow]:
    window = screen.window()
    assert isinstance(window, MainWindow)
    return screen, window


def hold_key_derivation(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[threading.Thread]]:
    """Key derivation waits until the event is set; the list says which threads derived a key."""
    release = threading.Event()
    derived_on: list[threading.Thread] = []
    real_derive = KdfParams.derive

    def held_derive(self: KdfParams, secret: str, salt: bytes) -> bytes:
        derived_on.append(threading.current_thread())
        release.wait(timeout=5)  # on the GUI thread this would freeze the window until the timeout
        return real_derive(self, secret, salt)

    monkeypatch.setattr(KdfParams, "derive", held_derive)
    return release, derived_on


def test_the_key_is_derived_off_the_gui_thread_while_the_window_keeps_running(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen, window = window_of(screen_of(qtbot, vault_folder, tmp_path))
    release, derived_on = hold_key_derivation(monkeypatch)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    screen.passphrase.setText(PASSPHRASE)
    screen.try_unlock()
    qtbot.waitUntil(lambda: len(derived_on) == 1)
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop runs while the key is derived
    assert screen.busy and window.work is None
    assert screen.message.text() == "Unlocking…" and not screen.unlock_button.isEnabled()
    screen.try_unlock()  # pressing Enter again starts nothing more
    window.close()  # closing waits for the unlock under way, then closes (and locks) the vault
    assert window.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not window.isVisible())
    timer.stop()
    assert derived_on[0] is not threading.main_thread() and len(derived_on) == 1
    assert window.ops.vault is None
    Vault.unlock(vault_folder, passphrase=PASSPHRASE).close()  # the vault was closed: it opens again


def test_the_work_area_is_built_while_the_key_is_derived_and_shown_once_the_vault_is_open(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen, window = window_of(screen_of(qtbot, vault_folder, tmp_path))
    release, _derived_on = hold_key_derivation(monkeypatch)
    screen.passphrase.setText(PASSPHRASE)
    screen.try_unlock()
    qtbot.waitUntil(lambda: window._shell is not None and not window._shell.build_step())  # every part built
    built = window._shell
    assert window.work is None and window.ops.vault is None  # built before anything was read
    release.set()
    qtbot.waitUntil(lambda: window.work is not None)
    assert window.work is built and window._shell is None
    qtbot.waitUntil(lambda: window.work is not None and window.work.today.isVisible())


def test_a_refused_passphrase_throws_the_work_area_built_meanwhile_away(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    screen, window = window_of(screen_of(qtbot, vault_folder, tmp_path))
    screen.passphrase.setText("not the passphrase at all")
    screen.try_unlock()
    assert window._shell is not None
    qtbot.waitUntil(lambda: not screen.busy)
    assert window._shell is None and window.work is None
    assert window.stack.currentWidget() is screen and screen.message.text().startswith("✗")


def test_no_other_way_in_while_an_unlock_is_under_way(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leaving the demo (or the recovery key) while the demo opens would open it as the coach's own vault."""
    home = tmp_path / "vault"
    screen, window = window_of(demo_lock_screen(qtbot, home, tmp_path))
    release, _derived_on = hold_key_derivation(monkeypatch)
    screen.passphrase.setText(DEMO_PASSPHRASE)
    screen.try_unlock()
    for name in ("leaveDemoLink", "forgotButton"):
        assert not screen.findChild(QPushButton, name).isEnabled(), name
    window.leave_demo()  # e.g. a click that came in before the link was disabled
    screen.try_recover()
    assert window.demo and window.stack.currentWidget() is screen
    release.set()
    qtbot.waitUntil(lambda: window.work is not None)
    assert window.demo and window.folder == home.with_name("vault-demo")
    assert window.ops.vault is not None and window.ops.vault.folder == home.with_name("vault-demo")
