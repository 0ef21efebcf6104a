"""The window shown while long work runs on a worker thread: what is being done and how far it has come.
It cannot be closed by hand (the work cannot be stopped half-way: the vault stays consistent)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.widgets.named import named


class ProgressWindow(QDialog):
    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("progressWindow")
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        label = QLabel(title)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.bar = named(QProgressBar(), "progressBar", title)
        self.bar.setRange(0, 0)  # moving until the first report says how much there is
        layout.addWidget(self.bar)
        self._finished = False
        self.setMinimumWidth(360)
        self.open()

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def done_and_close(self) -> None:
        self._finished = True
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close()

    def reject(self) -> None:  # Esc
        if self._finished:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            super().closeEvent(event)
        else:
            event.ignore()
