"""The client list as a Qt model over paged queries: rows are fetched a page at a time as the view
scrolls, so 10,000 clients cost one page of rows, not 10,000 widgets."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tyokykyapp.domain import MaintenanceLevel, Phase
from tyokykyapp.domain.dates import format_date
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.vault import ClientSummary

if TYPE_CHECKING:
    from ui.operations import Operations

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class ClientListModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, ops: Operations | None = None, *, deleted: bool = False) -> None:
        """Reads through `ops`; nothing is read until the first `reload` or `set_filter`. `deleted`: the bin."""
        super().__init__()
        self._ops = ops
        self._rows: list[ClientSummary] = []
        self._total = 0
        self.phase: Phase | None = None
        self.level: MaintenanceLevel | None = None
        self.deleted = deleted
        self.ids: Collection[str] | None = None
        # The coach's own clients (False), only those handed over to another coach (True).
        self.handed_over: bool | None = None if deleted else False

    def headers(self) -> list[str]:
        return [_("Name"), _("Phase"), _("Support level"), _("In phase"), _("Started")]

    def set_filter(
        self,
        *,
        phase: Phase | None,
        level: MaintenanceLevel | None,
        ids: Collection[str] | None,
        handed_over: bool = False,
    ) -> None:
        self.phase, self.level, self.ids, self.handed_over = phase, level, ids, handed_over
        self.reload()

    def _filter(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "level": self.level,
            "deleted": self.deleted,
            "ids": self.ids,
            "handed_over": self.handed_over,
        }

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = 0
        if self._ops is not None:
            self._total = self._ops.query(lambda vault: vault.repo.count_clients(**self._filter())) or 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if self._ops is None or parent.isValid():
            return
        offset = len(self._rows)
        page = self._ops.query(lambda vault: vault.repo.clients(**self._filter(), limit=PAGE, offset=offset))
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def client_id(self, row: int) -> str:
        return self._rows[row].id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == self.ID_ROLE:
            return row.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return f"{row.family_name}, {row.given_names}"
        if column == 1:
            return row.phase.label
        if column == 2:
            return row.maintenance_level.label if row.maintenance_level else ""
        if column == 3:
            days = (date.today() - row.phase_since).days
            return ngettext("{n} day", "{n} days", days).format(n=days)
        return format_date(row.started_on)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
