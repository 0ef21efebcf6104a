"""Helpers for GUI tests: a main window over a temporary vault with its own settings file."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.vault import Vault
from ui.app import MainWindow
from ui.dialogs.form_dialog import FormDialog
from ui.dialogs.record import RecordDialog
from ui.screens.unlock import UnlockScreen
from ui.settings import Preferences

W = TypeVar("W", bound=QWidget)


def make_window(qtbot: QtBot, folder: Path, tmp_path: Path, language: str = "en") -> MainWindow:
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    prefs.set("language", language)
    window = MainWindow(folder, prefs)

    def discard_open_forms(widget: QWidget) -> None:
        # Closing with unsaved forms asks the coach (a question); tests discard them first.
        for dialog in widget.findChildren(FormDialog):
            dialog.discard()

    qtbot.addWidget(window, before_close_func=discard_open_forms)
    window.show()
    return window


def unlock(window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    screen = window.stack.currentWidget()
    assert isinstance(screen, UnlockScreen)
    screen.passphrase.setText(passphrase)
    screen.try_unlock()
    wait_for_unlock(screen)


def wait_for_unlock(screen: UnlockScreen) -> None:
    """Until an unlock begun on `screen` has ended (it runs on a worker thread): opened, or refused."""
    deadline = time.monotonic() + 60
    while screen.busy:
        assert time.monotonic() < deadline, "unlocking did not end"
        QApplication.processEvents()
        time.sleep(0.002)
    QApplication.processEvents()  # what the work area does on the next turn (filling the client list)


def unlocked_window(qtbot: QtBot, folder: Path, tmp_path: Path, language: str = "en") -> MainWindow:
    """The window over the vault in `folder`, shown and unlocked."""
    window = make_window(qtbot, folder, tmp_path, language)
    unlock(window)
    assert window.work is not None
    return window


def unlocked_new_vault(qtbot: QtBot, folder: Path, tmp_path: Path, language: str = "en") -> MainWindow:
    """An empty vault in `folder`, its window shown and unlocked."""
    Vault.create(folder, PASSPHRASE)[0].close()
    return unlocked_window(qtbot, folder, tmp_path, language)


def visible_texts() -> str:
    """Every text shown by any visible widget or view model row (what a passer-by could read)."""
    texts = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        for getter in ("text", "toPlainText", "windowTitle", "currentText", "placeholderText"):
            value = getattr(widget, getter, None)
            if callable(value):
                with contextlib.suppress(TypeError):
                    texts.append(str(value()))
        model = getattr(widget, "model", None)
        if callable(model) and isinstance(model(), QAbstractItemModel):
            m = model()
            root = QModelIndex()
            columns = 1 if isinstance(m, QAbstractListModel) else m.columnCount(root)
            for row in range(min(m.rowCount(root), 500)):
                for column in range(columns):
                    texts.append(str(m.data(m.index(row, column, root))))
    return "\n".join(texts)


def last_dialog(parent: QWidget) -> RecordDialog:
    dialogs = [d for d in parent.findChildren(RecordDialog) if d.isVisible()]
    assert dialogs, "no record dialog open"
    return dialogs[-1]


def set_field(dialog: RecordDialog, name: str, value: object) -> None:
    dialog.form.editors[name].put(value)


def _visible(kind: type[W], name: str = "") -> list[W]:
    return [w for w in QApplication.allWidgets() if isinstance(w, kind) and w.isVisible() and name in w.objectName()]


def take_error() -> str:
    """The text of the error message boxes on screen (newest last), which are then closed; '' when none."""
    boxes = _visible(QMessageBox, "errorMessage")
    for box in boxes:
        box.done(0)
    return "\n".join(box.text() for box in boxes)


def answer(button: QMessageBox.StandardButton) -> str:
    """Click `button` in the question on screen; returns the question's text."""
    boxes = _visible(QMessageBox, "question")
    assert boxes, "no question on screen"
    box = boxes[-1]
    text = box.text()
    clicked = box.button(button)
    assert clicked is not None, f"the question has no {button}"
    clicked.click()
    QApplication.processEvents()  # the answer is acted on once the box has closed
    return text


def choose_file(path: Path) -> None:
    """Pick `path` in the file chooser on screen."""
    choosers = _visible(QFileDialog, "fileChooser")
    assert choosers, "no file chooser on screen"
    chooser = choosers[-1]
    chooser.fileSelected.emit(str(path))
    chooser.done(QFileDialog.DialogCode.Accepted)
