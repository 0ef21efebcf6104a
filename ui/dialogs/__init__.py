"""Dialogs: the record editor, phase moves, settings, history, handover, and the questions, file and print
choosers they open. Every one is opened with `open()`, never `exec()`: no nested event loop is left running
under a window that locking tears down."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def open_dialog(dialog: D) -> D:
    """Show `dialog` window-modal without blocking, and free it once closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    QDialog.open(dialog)  # QDialog's own: PySide's print and file dialogs hide it behind open(receiver, slot)
    return dialog
