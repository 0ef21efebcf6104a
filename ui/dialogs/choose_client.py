"""Choosing a client by name, for work started where no client is open (Ctrl+M on Today: a new meeting)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.i18n import _
from ui.models.client_list_model import ClientListModel
from ui.operations import Operations
from ui.theme import sized
from ui.widgets.named import named


class ChooseClientDialog(QDialog):
    """`chosen(client_id)` runs once the coach picks a client (Enter, double-click or OK)."""

    def __init__(self, ops: Operations, purpose: str, chosen: Callable[[str], object], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chooseClientDialog")
        self.setWindowTitle(_("Choose the client"))
        self.ops, self._chosen = ops, chosen
        layout = QVBoxLayout(self)
        intro = QLabel(purpose)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.search = named(QLineEdit(), "chooseClientSearch", _("Search names and notes"))
        self.search.setPlaceholderText(_("Search names and notes…"))
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.model = ClientListModel(ops)
        self.view = named(QTableView(), "chooseClientList", _("Clients"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):  # name, phase and start tell people apart; the rest is for the client list
            self.view.hideColumn(column)
        self.view.activated.connect(self._choose_index)
        self.view.doubleClicked.connect(self._choose_index)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.choose_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        sized(self, 560, 480)
        self._filter()

    def _filter(self) -> None:
        text = self.search.text().strip()
        ids = self.ops.query(lambda vault: vault.repo.search_clients(text)) if text else None
        self.model.set_filter(phase=None, level=None, ids=ids)
        if self.model.rowCount():
            self.view.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.view.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_selected()
                return True
        return super().eventFilter(watched, event)

    def choose_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self._choose_index(rows[0])

    def _choose_index(self, index: QModelIndex) -> None:
        client_id = self.model.client_id(index.row())
        self.accept()
        self._chosen(client_id)
