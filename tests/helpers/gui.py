"""Helpers for GUI tests: a main window over a temporary vault with its own settings file."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.vault import Vault
from ui.app import MainWindow
from ui.settings import Preferences
from ui.widgets.record_form import RecordDialog


def make_window(qtbot: QtBot, folder: Path, tmp_path: Path, language: str = "en") -> MainWindow:
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    prefs.set("language", language)
    window = MainWindow(folder, prefs)

    def discard_open_forms(widget: QWidget) -> None:
        # Closing with unsaved forms asks the coach (a modal question); tests discard them first.
        for dialog in widget.findChildren(RecordDialog):
            dialog.reject()

    qtbot.addWidget(window, before_close_func=discard_open_forms)
    window.show()
    return window


def unlock(window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    screen = window.stack.currentWidget()
    screen.passphrase.setText(passphrase)  # type: ignore[attr-defined]
    screen.try_unlock()  # type: ignore[attr-defined]


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
