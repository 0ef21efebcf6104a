"""Table columns that always fit the table's width: each column gets the width its contents ask for, the
columns named to stretch share what is left over, and when there is not enough room they give up width first,
then every column in proportion (texts are then shortened with …). A list never scrolls sideways, at any text size."""

from __future__ import annotations

from collections.abc import Collection

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

_SAMPLED_ROWS = 40  # contents are measured on the first rows only: thousands of rows would slow every resize


class FittedColumns(QObject):
    def __init__(self, view: QTableView | QTreeView, stretch: Collection[int]) -> None:
        super().__init__(view)
        self.view, self.stretch = view, set(stretch)
        header = self._header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self.fit)

    def _header(self) -> QHeaderView:
        return self.view.horizontalHeader() if isinstance(self.view, QTableView) else self.view.header()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _natural(self, column: int) -> int:
        header = self._header()
        view: QAbstractItemView = self.view
        model = view.model()
        widest = header.sectionSizeHint(column)
        for row, parent in self._sampled_rows():
            widest = max(widest, view.sizeHintForIndex(model.index(row, column, parent)).width() + 8)
        return widest

    def _sampled_rows(self) -> list[tuple[int, QModelIndex]]:
        """The first rows that have a cell in each column: in a tree, a heading spanning the whole row (a day
        of the agenda) is not measured as the first column's text, its rows below it are."""
        model = self.view.model()
        found: list[tuple[int, QModelIndex]] = []
        parents = [QModelIndex()]
        while parents and len(found) < _SAMPLED_ROWS:
            parent = parents.pop(0)
            for row in range(min(model.rowCount(parent), _SAMPLED_ROWS)):
                if isinstance(self.view, QTreeView) and self.view.isFirstColumnSpanned(row, parent):
                    parents.append(model.index(row, 0, parent))
                else:
                    found.append((row, parent))
        return found[:_SAMPLED_ROWS]

    def fit(self) -> None:
        if not shiboken6.isValid(self.view):  # a tree's own model reports its last rows while the view goes
            return
        header = self._header()
        columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not columns:
            return
        room = self.view.viewport().width()
        natural = {c: self._natural(c) for c in columns}
        total = sum(natural.values())
        widths = dict(natural)
        stretching = [c for c in columns if c in self.stretch] or columns[-1:]
        if total <= room:
            extra = room - total
            for index, column in enumerate(stretching):
                widths[column] += extra // len(stretching) + (1 if index < extra % len(stretching) else 0)
        else:
            # The stretching columns (names, free text) give up width first, down to a third; then every column.
            deficit = total - room
            for column in stretching:
                given = min(deficit, natural[column] - natural[column] // 3)
                widths[column] -= given
                deficit -= given
            if deficit > 0:
                now = sum(widths.values())
                for column in columns:
                    widths[column] = max(24, widths[column] * (now - deficit) // now)
        for column in columns:
            header.resizeSection(column, widths[column])
