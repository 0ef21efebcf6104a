"""Choosing a file to save or open, without blocking: the chooser is opened with `open()` and the path
arrives in a callback (nothing is called when the coach cancels or the app locks)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def _chooser(parent: QWidget, caption: str, name_filter: str, on_chosen: Callable[[Path], object]) -> QFileDialog:
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setObjectName("fileChooser")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)) if path else None)
    return dialog


def choose_save_path(
    parent: QWidget, caption: str, suggested: str, name_filter: str, on_chosen: Callable[[Path], object]
) -> QFileDialog:
    dialog = _chooser(parent, caption, name_filter, on_chosen)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.selectFile(suggested)
    suffix = Path(suggested).suffix.lstrip(".")
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.open()
    return dialog


def choose_open_path(
    parent: QWidget, caption: str, name_filter: str, on_chosen: Callable[[Path], object]
) -> QFileDialog:
    dialog = _chooser(parent, caption, name_filter, on_chosen)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.open()
    return dialog


def choose_folder(parent: QWidget, caption: str, on_chosen: Callable[[Path], object]) -> QFileDialog:
    dialog = _chooser(parent, caption, "", on_chosen)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.open()
    return dialog
