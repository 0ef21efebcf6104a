"""The bin: deleted clients, restorable until the coach deliberately erases them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.i18n import _
from tyokykyapp.services import Changes, purge_client, restore_client
from ui.dialogs.ask import confirm
from ui.models.client_list_model import ClientListModel
from ui.operations import Operations
from ui.widgets.fitted_columns import FittedColumns
from ui.widgets.lazy_screen import LazyScreen
from ui.widgets.named import named


class BinScreen(LazyScreen):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Deleted clients stay here until you erase them. Erasing cannot be undone.")))
        self.model = ClientListModel(ops, deleted=True)
        self.view = named(QTableView(), "binList", _("Deleted clients"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        FittedColumns(self.view, stretch=(0,))
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        restore = named(QPushButton(_("Restore")), "restoreClientButton")
        restore.clicked.connect(self.restore)
        erase = named(QPushButton(_("Erase for good…")), "eraseClientButton")
        erase.clicked.connect(self.erase)
        buttons.addWidget(restore)
        buttons.addStretch()
        buttons.addWidget(erase)
        layout.addLayout(buttons)
        ops.changed.connect(self._on_changed)

    def refresh(self) -> None:
        self.model.reload()  # loads the first page

    def _on_changed(self, changes: Changes) -> None:
        if changes.caseload:
            self.mark_stale()

    def _selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.client_id(rows[0].row()) if rows else None

    def restore(self) -> None:
        client_id = self._selected()
        if client_id:
            self.ops.call(restore_client, client_id)

    def erase(self) -> None:
        client_id = self._selected()
        if not client_id:
            return
        confirm(
            self,
            _("Erase for good"),
            _("Erase this client and every record about them for good? This cannot be undone."),
            lambda: self.ops.run_in_background(self, _("Erasing…"), purge_client, client_id, on_done=lambda _c: None),
            destructive=True,
        )
