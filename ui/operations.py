"""The one place the GUI runs core operations: it shows a busy cursor, turns user errors into a plain
message, and broadcasts what changed so each screen can decide whether to refresh (Anki's pattern)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _
from ui.widgets.busy import busy_cursor

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
        self.last_notice = ""

    def require_vault(self) -> Vault:
        if self.vault is None:
            raise RuntimeError("the vault is locked")
        return self.vault

    def call(self, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run `operation(vault, *args)`; None when it failed with a user-facing error (already shown)."""
        # Imported when first used (after unlocking): this module is on the start-up path.
        from tyokykyapp.services.changes import Changes

        try:
            with busy_cursor():
                result = operation(self.require_vault(), *args, **kwargs)
        except UserError as error:
            self.show_error(str(error))
            return None
        if isinstance(result, Changes):
            self.changed.emit(result)
            if result.notices:
                self.show_notice("\n".join(result.notices))
        return result

    def show_notice(self, message: str) -> None:
        """Something the coach should know about what was just done (it was done all the same)."""
        from PySide6.QtWidgets import QMessageBox  # see call()

        self.last_notice = message
        box = QMessageBox(
            QMessageBox.Icon.Information, _("Työkyky"), message, QMessageBox.StandardButton.Ok, self._window
        )
        box.setObjectName("noticeBox")
        box.finished.connect(box.deleteLater)
        box.open()

    def show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # see call()

        self.last_error = message
        self.failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, _("Työkyky"), message, QMessageBox.StandardButton.Ok, self._window)
        box.finished.connect(box.deleteLater)
        box.open()  # not exec(): the app keeps running (auto-lock, tests)
