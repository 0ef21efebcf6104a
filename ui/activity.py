"""Noticing that the coach is using the app, for the auto-lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class ActivityWatcher(QObject):
    """Restarts the auto-lock timer on any keyboard or mouse use anywhere in the app. Installed only while
    the vault is open: a Python filter on every event (and PySide building Qt's enums for it) would slow
    the start to the unlock screen."""

    def __init__(self, timer: QTimer) -> None:
        super().__init__(timer)
        self.timer = timer
        self.events = frozenset(
            {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.events and self.timer.isActive():
            self.timer.start()
        return False

    def watch(self, on: bool) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)  # never installed twice
            if on:
                app.installEventFilter(self)
