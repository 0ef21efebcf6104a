"""The client list: sort and filter by phase and level, search as you type over names and notes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import MaintenanceLevel, Phase
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services import Changes
from ui.models.client_list_model import ClientListModel
from ui.operations import Operations
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.named import named


class ClientListScreen(QWidget):
    open_client = Signal(str)
    new_client = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = named(QLineEdit(), "searchEdit", _("Search names and notes"))
        self.search.setPlaceholderText(_("Search names and notes…"))
        self.search.setClearButtonEnabled(True)
        self.phase = named(ChoiceCombo(), "phaseFilter", _("Phase"))
        self.phase.add(None, _("All phases"))
        for phase in Phase:
            self.phase.add(phase, phase.label)
        self.level = named(ChoiceCombo(), "levelFilter", _("Support level"))
        self.level.add(None, _("All levels"))
        for level in MaintenanceLevel:
            self.level.add(level, level.label)
        new = named(QPushButton(_("New client…")), "newClientButton")
        new.clicked.connect(self.new_client)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.phase, 1)
        bar.addWidget(self.level, 1)
        bar.addWidget(new)
        layout.addLayout(bar)
        self.model = ClientListModel(ops.require_vault().repo)
        self.view = named(QTableView(), "clientList", _("Clients"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        layout.addWidget(self.view)
        self.count = named(QLabel(), "clientCount")
        layout.addWidget(self.count)
        # Search runs shortly after typing stops, not on every key.
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.phase.currentIndexChanged.connect(self.apply_filter)
        self.level.currentIndexChanged.connect(self.apply_filter)
        ops.changed.connect(self._on_changed)
        self.apply_filter()  # loads the first page

    def _on_changed(self, changes: Changes) -> None:
        if changes.caseload:
            self.apply_filter()

    def show_filter(self, phase: Phase | None, level: MaintenanceLevel | None) -> None:
        self.search.clear()
        self.phase.select(phase)
        self.level.select(level)
        self.apply_filter()

    def apply_filter(self) -> None:
        text = self.search.text().strip()
        ids = None
        if text:
            ids = self.ops.require_vault().repo.search_clients(text)
        self.model.set_filter(phase=self.phase.value(), level=self.level.value(), ids=ids)
        self.count.setText(ngettext("{n} client", "{n} clients", self.model.total).format(n=self.model.total))

    def _open(self, index: QModelIndex) -> None:
        self.open_client.emit(self.model.client_id(index.row()))
