"""A list as tall as all its rows, for pages that scroll as a whole (a client's checklist and records): no
scroll bar inside a scrolling page, and no row hidden below a list's own edge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QSizePolicy, QWidget


class FittedList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self.fit)
        self.fit()

    def fit(self) -> None:
        rows = sum(self.sizeHintForRow(row) for row in range(self.count()))
        empty = self.fontMetrics().height() if not self.count() else 0
        self.setFixedHeight(rows + empty + 2 * self.frameWidth() + 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wordWrap() and event.size().width() != event.oldSize().width():
            self.fit()  # wrapped rows grow taller as the list gets narrower
