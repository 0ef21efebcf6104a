"""Today: what is due and overdue, the caseload by phase and level (click to filter the list), and the
clients opened recently."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import MaintenanceLevel, Phase
from tyokykyapp.domain.dates import today
from tyokykyapp.i18n import _
from tyokykyapp.services import Changes, due_list
from tyokykyapp.services.recent import recent_clients
from ui.models.due_model import DueModel
from ui.operations import Operations
from ui.widgets.backup_status import BackupStatusBox
from ui.widgets.lazy_screen import LazyScreen
from ui.widgets.named import named
from ui.widgets.retention_notice import RetentionNotice


class TodayScreen(LazyScreen):
    open_client = Signal(str)
    filter_requested = Signal(object, object)  # Phase | None, MaintenanceLevel | None

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        due_box = QGroupBox(_("Due and overdue"))
        self.due_model = DueModel()
        self.due_view = named(QTableView(), "dueList", _("Due and overdue"))
        self.due_view.setModel(self.due_model)
        self.due_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.due_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Size columns from the first rows only: measuring thousands of due items would slow every refresh.
        self.due_view.horizontalHeader().setResizeContentsPrecision(40)
        self.due_view.horizontalHeader().setStretchLastSection(True)
        self.due_view.setWordWrap(False)  # a long name is elided on its one line, not cut across two
        self.due_view.activated.connect(self._open_due)
        self.due_view.doubleClicked.connect(self._open_due)
        QVBoxLayout(due_box).addWidget(self.due_view)
        left.addWidget(due_box)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        self.backups = BackupStatusBox(ops)
        self.retention = RetentionNotice(ops)
        right.addWidget(self.backups)
        right.addWidget(self.retention)
        self.caseload_box = QGroupBox(_("Caseload"))
        self.caseload_grid = QGridLayout(self.caseload_box)
        right.addWidget(self.caseload_box)
        recent_box = QGroupBox(_("Recently opened"))
        self.recent = named(QListWidget(), "recentClients", _("Recently opened"))
        self.recent.itemActivated.connect(lambda item: self.open_client.emit(item.data(Qt.ItemDataRole.UserRole)))
        QVBoxLayout(recent_box).addWidget(self.recent)
        right.addWidget(recent_box)
        right.addStretch()
        layout.addLayout(right, 2)
        ops.changed.connect(self._on_changed)
        self.refresh_now()  # Today is the first screen after unlocking: filled at once

    def _on_changed(self, changes: Changes) -> None:
        if changes.caseload or changes.kinds:
            self.mark_stale()  # recomputed when on view, not after every save elsewhere

    def refresh(self) -> None:
        self.due_model.set_items(self.ops.query(due_list, today()) or [], self._names)
        self._fill_caseload(self.ops.query(lambda vault: vault.repo.caseload_counts()) or {})
        self.refresh_recent()
        self.retention.refresh()

    def refresh_recent(self) -> None:
        """Only the recently opened list (opening a client need not recompute the due list)."""
        recent_ids = self.ops.query(recent_clients) or []
        names = self._names(recent_ids)
        self.recent.clear()
        for client_id in recent_ids:
            if client_id in names:
                item = QListWidgetItem(names[client_id])
                item.setData(Qt.ItemDataRole.UserRole, client_id)
                self.recent.addItem(item)

    def _names(self, client_ids: Collection[str]) -> dict[str, str]:
        """Names only for the clients shown, not the whole caseload. A view repainted while the app locks
        gets none: it is torn down with the rest, and Today refills after the next unlock."""
        clients = self.ops.query(lambda vault: vault.repo.clients(ids=client_ids)) or []
        return {s.id: s.name for s in clients}

    def _fill_caseload(self, counts: dict[tuple[Phase, MaintenanceLevel | None], int]) -> None:
        while self.caseload_grid.count():
            item = self.caseload_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        row = 0
        for phase in Phase:
            total = sum(n for (p, _level), n in counts.items() if p is phase)
            self._caseload_button(row, phase.label, total, phase, None)
            row += 1
            if phase is Phase.MAINTENANCE:
                for level in MaintenanceLevel:
                    self._caseload_button(row, "    " + level.label, counts.get((phase, level), 0), phase, level)
                    row += 1

    def _caseload_button(self, row: int, text: str, count: int, phase: Phase, level: MaintenanceLevel | None) -> None:
        button = named(QPushButton(text), f"caseload_{phase.value}_{level.value if level else 'all'}")
        button.setFlat(True)
        button.setAccessibleName(_("{what}: {n} clients, show them").format(what=text.strip(), n=count))
        button.clicked.connect(lambda: self.filter_requested.emit(phase, level))
        self.caseload_grid.addWidget(button, row, 0)
        self.caseload_grid.addWidget(QLabel(str(count)), row, 1)

    def _open_due(self, index: QModelIndex) -> None:
        self.open_client.emit(self.due_model.data(index, DueModel.ID_ROLE))
