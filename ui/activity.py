"""Noticing that the coach is using the app, for the auto-lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow


class ActivityWatcher(QObject):
    """Restarts the auto-lock timer when the coach types, clicks, moves the mouse or scrolls in any window of
    the app (the main window and every dialog).

    It filters the app's top-level windows, which receive all input before their widgets do, and each
    window that gains focus joins them. Not an application-wide filter: that ran Python for every event of
    every object, and PySide wrapping each new kind of object cost ~40 ms whenever the work area opened.
    """

    def __init__(self, timer: QTimer) -> None:
        super().__init__(timer)
        self.timer = timer
        self.watching = False
        self.events = frozenset(
            {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.events:
            self._active()
        return False

    def watch(self, on: bool) -> None:
        app = QGuiApplication.instance()
        if on == self.watching or not isinstance(app, QGuiApplication):
            return
        self.watching = on
        for window in app.topLevelWindows():
            window.removeEventFilter(self)
            if on:
                window.installEventFilter(self)  # Qt calls a filter installed twice only once
        if on:
            app.focusWindowChanged.connect(self._window_focused)
        else:
            app.focusWindowChanged.disconnect(self._window_focused)

    def _window_focused(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)
            self._active()  # moving to another window (a dialog opening) is activity too

    def _active(self) -> None:
        if self.timer.isActive():
            self.timer.start()
