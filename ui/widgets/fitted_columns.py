"""Table columns that always fit the table's width: each column gets the width its contents ask for, the
columns named to stretch share what is left over, and when there is not enough room the widest columns are cut
to one common width (their texts shortened with …) while the narrow ones — dates, states, counts — stay whole.
A list never scrolls sideways, at any text size."""

from __future__ import annotations

from collections.abc import Collection

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
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
        self._pending = False
        # What the contents ask for, measured once per change of contents or text size: a resize only shares
        # the room out again (a window being resized would otherwise measure 40 rows of each column per step).
        self._natural_widths: dict[int, int] = {}
        self._measured_with = ""  # the font the widths were measured in
        self._stale = False  # a fit asked for while the view was hidden: done when it is shown
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self.fit_soon)

    def fit_soon(self) -> None:
        """Fit once the present work is done: a list cleared and filled again (a reset, then rows) is measured
        once, not after each step (each fit measures up to 40 rows of every column)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._fit_pending)

    def _fit_pending(self) -> None:
        self._pending = False
        self.fit()

    def _header(self) -> QHeaderView:
        return self.view.horizontalHeader() if isinstance(self.view, QTableView) else self.view.header()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize or (event.type() == QEvent.Type.Show and self._stale):
            self._share_out()
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
        """Measure the contents again (they changed) and share the room out."""
        self._natural_widths = {}
        self._share_out()

    def _share_out(self) -> None:
        if not shiboken6.isValid(self.view):  # a tree's own model reports its last rows while the view goes
            return
        # A view not on screen (a screen not chosen yet, a list filled before it is shown) is fitted when shown.
        self._stale = not self.view.isVisible()
        if self._stale:
            return
        header = self._header()
        columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not columns:
            return
        room = self.view.viewport().width()
        font = self.view.font().key()
        if font != self._measured_with:
            self._natural_widths, self._measured_with = {}, font
        for column in columns:
            if column not in self._natural_widths:
                self._natural_widths[column] = self._natural(column)
        natural = {c: self._natural_widths[c] for c in columns}
        total = sum(natural.values())
        widths = dict(natural)
        stretching = [c for c in columns if c in self.stretch] or columns[-1:]
        if total <= room:
            extra = room - total
            for index, column in enumerate(stretching):
                widths[column] += extra // len(stretching) + (1 if index < extra % len(stretching) else 0)
        else:
            widths = _capped(natural, room)
        for column in columns:
            header.resizeSection(column, widths[column])


def _capped(natural: dict[int, int], room: int) -> dict[int, int]:
    """The widths when the columns ask for more than `room`: every column wider than a common cap is cut to it,
    the cap as large as still fits. At 200 % text a date or a state is read whole and a long name or task is
    shortened, instead of every column losing the same share (dates became "10.…")."""
    left, uncut = room, 0
    ordered = sorted(natural.values())
    for index, width in enumerate(ordered):
        if width * (len(ordered) - index) > left:  # this and every wider column are cut
            break
        left -= width
        uncut += 1
    cut = [c for c, width in sorted(natural.items(), key=lambda item: item[1])][uncut:]
    cap, spare = divmod(left, len(cut)) if cut else (0, 0)
    widths = dict(natural)
    for index, column in enumerate(cut):
        widths[column] = max(24, cap + (1 if index < spare else 0))
    return widths
