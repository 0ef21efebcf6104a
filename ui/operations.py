"""The one place the GUI runs core operations: it shows a busy cursor, turns user errors into a plain
message, and broadcasts what changed so each screen can decide whether to refresh (Anki's pattern)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _
from tyokykyapp.services.changes import Changes

if TYPE_CHECKING:
    from tyokykyapp.vault import Vault

T = TypeVar("T")


class Operations(QObject):
    changed = Signal(object)  # Changes
    failed = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.vault: Vault | None = None
        self.last_error = ""

    def require_vault(self) -> Vault:
        if self.vault is None:
            raise RuntimeError("the vault is locked")
        return self.vault

    def call(self, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run `operation(vault, *args)`; None when it failed with a user-facing error (already shown)."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = operation(self.require_vault(), *args, **kwargs)
        except UserError as error:
            QGuiApplication.restoreOverrideCursor()
            self.show_error(str(error))
            return None
        QGuiApplication.restoreOverrideCursor()
        if isinstance(result, Changes):
            self.changed.emit(result)
        return result

    def show_error(self, message: str) -> None:
        self.last_error = message
        self.failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, _("Työkyky"), message, QMessageBox.StandardButton.Ok, self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the app keeps running (auto-lock, tests)
