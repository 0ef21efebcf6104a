"""The client list as a Qt model over paged queries: rows are fetched a page at a time as the view
scrolls, so 10,000 clients cost one page of rows, not 10,000 widgets. Sorting by a column asks the vault for
that order; a search shows why each client matched (read for the rows on screen only)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tyokykyapp.domain import MaintenanceLevel, Phase
from tyokykyapp.domain.dates import format_date
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.vault import ClientSummary, Vault

if TYPE_CHECKING:
    from tyokykyapp.vault.repository import ClientOrder
    from ui.operations import Operations

PAGE = 200
_WHY_BATCH = 50  # why a search matched, read for this many rows at a time as the view shows them
Index = QModelIndex | QPersistentModelIndex


class ClientListModel(QAbstractTableModel):
    ID_ROLE = Qt.ItemDataRole.UserRole + 1
    # The columns: what each shows, and the vault's sort order for it (None: not sortable).
    COLUMNS: tuple[tuple[str, ClientOrder | None], ...] = (
        ("name", "name"),
        ("born", "born"),
        ("phase", "phase"),
        ("level", "level"),
        ("in_phase", "in_phase"),
        ("started", "started"),
        ("why", None),
    )
    BIN_COLUMNS: tuple[tuple[str, ClientOrder | None], ...] = (
        ("name", "name"),
        ("born", "born"),
        ("phase", "phase"),
        ("deleted", None),
    )

    def __init__(self, ops: Operations | None = None, *, deleted: bool = False) -> None:
        """Reads through `ops`; nothing is read until the first `reload` or `set_filter`. `deleted`: the bin."""
        super().__init__()
        self._ops = ops
        self._rows: list[ClientSummary] = []
        self._total = 0
        self._loaded = False  # whether anything was read yet (sorting before that reads nothing)
        self.phase: Phase | None = None
        self.level: MaintenanceLevel | None = None
        self.deleted = deleted
        self.columns = self.BIN_COLUMNS if deleted else self.COLUMNS
        self.ids: Collection[str] | None = None
        # The coach's own clients (False), only those handed over to another coach (True).
        self.handed_over: bool | None = None if deleted else False
        self.closed = True  # whether clients whose service has ended are listed
        self.order: ClientOrder = "name"
        self.descending = False
        self.searched = ""  # the words searched for, whose matches are explained
        self._why: dict[str, str] = {}

    def headers(self) -> list[str]:
        titles = {
            "name": _("Name"),
            "born": _("Born"),
            "phase": _("Phase"),
            "level": _("Support level"),
            "in_phase": _("In phase"),
            "started": _("Started"),
            "why": _("Found in"),
            "deleted": _("Deleted on"),
        }
        return [titles[key] for key, _order in self.columns]

    def set_filter(
        self,
        *,
        phase: Phase | None,
        level: MaintenanceLevel | None,
        ids: Collection[str] | None,
        handed_over: bool = False,
        closed: bool = True,
        searched: str = "",
    ) -> None:
        self.phase, self.level, self.ids, self.handed_over = phase, level, ids, handed_over
        self.closed, self.searched = closed, searched
        self.reload()

    def _filter(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "level": self.level,
            "deleted": self.deleted,
            "ids": self.ids,
            "handed_over": self.handed_over,
            "closed": self.closed,
        }

    def shown(self, vault: Vault) -> list[ClientSummary]:
        """Every client the list shows with its filter and order, not only the pages read so far (an export)."""
        return vault.repo.clients(**self._filter(), order=self.order, descending=self.descending)

    def reload(self) -> None:
        self._loaded = True
        self.beginResetModel()
        self._rows = []
        self._why = {}
        self._total = 0
        if self._ops is not None:
            self._total = self._ops.query(lambda vault: vault.repo.count_clients(**self._filter())) or 0
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        by = self.columns[column][1] if 0 <= column < len(self.columns) else None
        if by is None:
            return
        self.order, self.descending = by, order == Qt.SortOrder.DescendingOrder
        if self._loaded:  # the view sets its first order before the first filter: nothing to read twice
            self.reload()

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if self._ops is None or parent.isValid():
            return
        offset = len(self._rows)
        page = self._ops.query(
            lambda vault: vault.repo.clients(
                **self._filter(), order=self.order, descending=self.descending, limit=PAGE, offset=offset
            )
        )
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def client_id(self, row: int) -> str:
        return self._rows[row].id

    def why(self, row: int) -> str:
        """Why the client on `row` matched the search: '' for their name, else the words around the match."""
        client_id = self._rows[row].id
        if client_id not in self._why and self._ops is not None and self.searched:
            first = row - row % _WHY_BATCH
            batch = [r.id for r in self._rows[first : first + _WHY_BATCH]]
            found = self._ops.query(lambda vault: vault.search.why(self.searched, batch)) or {}
            self._why.update({each: found.get(each, "") for each in batch})
        return self._why.get(client_id, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == self.ID_ROLE:
            return row.id
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.ToolTipRole and key == "why":
            return self.why(index.row()) or None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if key == "name":
            return f"{row.family_name}, {row.given_names}"
        if key == "born":
            return format_date(row.date_of_birth)
        if key == "phase":
            return row.phase.label
        if key == "level":
            return row.maintenance_level.label if row.maintenance_level else ""
        if key == "in_phase":
            days = (date.today() - row.phase_since).days
            return ngettext("{n} day", "{n} days", days).format(n=days)
        if key == "started":
            return format_date(row.started_on)
        if key == "deleted":
            return format_date(row.deleted_at.astimezone().date()) if row.deleted_at else ""
        return (self.why(index.row()) or _("name")) if self.searched else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None
