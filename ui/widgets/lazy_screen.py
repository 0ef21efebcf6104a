"""A screen that fills itself when it is first shown, and again only when shown after a change.

Screens that are not on view at unlock (employers, bin) then cost nothing at unlock, in time or memory."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class LazyScreen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True

    def refresh(self) -> None:
        raise NotImplementedError

    def mark_stale(self) -> None:
        """Something changed: refresh now if on view, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh_now()

    def refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_now()
