"""What is due, as a table: date, status in words (never colour alone), what, client."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from tyokykyapp.i18n import _
from tyokykyapp.process import DueItem
from ui.record_summary import day

Index = QModelIndex | QPersistentModelIndex
NamesOf = Callable[[Collection[str]], dict[str, str]]

# A large caseload lists thousands of items; rows are formatted, and their clients' names looked up, a
# screenful at a time when a view first asks for them.
_BATCH = 100


class DueModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._items: list[DueItem] = []
        self._names_of: NamesOf = lambda _ids: {}
        self._texts: list[tuple[str, str, str, str] | None] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_items(self, items: list[DueItem], names_of: NamesOf) -> None:
        self.beginResetModel()
        self._items, self._names_of = items, names_of
        self._texts = [None] * len(items)
        self.endResetModel()

    def shown(self) -> tuple[list[DueItem], dict[str, str]]:
        """The items listed and their clients' names as shown."""
        return self._items, self._names_of({item.client_id for item in self._items})

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == self.ID_ROLE:
            return item.client_id
        if role == Qt.ItemDataRole.FontRole and item.overdue:
            return self._bold
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return self._row_texts(index.row())[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Date"), _("Status"), _("What"), _("Client"))[section]
        return None

    def _row_texts(self, row: int) -> tuple[str, str, str, str]:
        texts = self._texts[row]
        if texts is None:
            self._format(row - row % _BATCH)
            texts = self._texts[row]
            assert texts is not None
        return texts

    def _format(self, first: int) -> None:
        batch = self._items[first : first + _BATCH]
        names = self._names_of({item.client_id for item in batch})
        due, overdue = _("Due"), "⚠ " + _("Overdue")
        for offset, item in enumerate(batch):
            self._texts[first + offset] = (
                day(item.due_on),
                overdue if item.overdue else due,
                item.kind.label,
                names.get(item.client_id, ""),
            )
