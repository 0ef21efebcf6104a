"""What is due, as a table: date, status in words (never colour alone), what, client."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from tyokykyapp.i18n import _
from tyokykyapp.process import DueItem

Index = QModelIndex | QPersistentModelIndex


class DueModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[DueItem, str]] = []
        self._texts: list[tuple[str, str, str, str]] = []

    def set_items(self, rows: list[tuple[DueItem, str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        # Formatted once: views ask for every cell many times (painting, sizing, accessibility).
        due, overdue = _("Due"), "⚠ " + _("Overdue")
        self._texts = [
            (item.due_on.strftime("%d.%m.%Y"), overdue if item.overdue else due, item.kind.label, name)
            for item, name in rows
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()][0]
        if role == self.ID_ROLE:
            return item.client_id
        if role == Qt.ItemDataRole.FontRole and item.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return self._texts[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Date"), _("Status"), _("What"), _("Client"))[section]
        return None
