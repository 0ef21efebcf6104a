"""A list as tall as all its rows, for pages that scroll as a whole (a client's checklist and records): no
scroll bar inside a scrolling page, and no row hidden below a list's own edge."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QSizePolicy, QWidget


class FittedList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._pending = False
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self.fit_soon)
        self.fit()

    def fit_soon(self) -> None:
        """Fit once the present work is done: a list filled row by row is measured once, not after each row
        (measuring every row after each of 300 rows froze the opening of a busy client's workspace for ~0.5 s)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._fit_pending)

    def _fit_pending(self) -> None:
        if self._pending:  # not fitted meanwhile
            self.fit()

    def fit(self) -> None:
        self._pending = False
        rows = sum(self.sizeHintForRow(row) for row in range(self.count()))
        empty = self.fontMetrics().height() if not self.count() else 0
        self.setFixedHeight(rows + empty + 2 * self.frameWidth() + 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wordWrap() and event.size().width() != event.oldSize().width():
            self.fit()  # wrapped rows grow taller as the list gets narrower
