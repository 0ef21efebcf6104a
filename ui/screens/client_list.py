"""The client list: sort by any column, filter by phase and level, search as you type over names, notes and
records (each match says where it was found; with no exact match, names are found whatever their accents).
Clients whose service has ended are left out unless asked for, and those handed over to another coach unless
the phase filter asks for them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import MaintenanceLevel, Phase
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services import Changes
from tyokykyapp.sheets.exporting import clients_table
from ui.models.client_list_model import ClientListModel
from ui.operations import Operations
from ui.sheet_export import export_sheet
from ui.theme import button, tone
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.fitted_columns import FittedColumns
from ui.widgets.flow_layout import flow_row
from ui.widgets.named import named

# The phase filter's last choice: the clients handed over to another coach (read-only here).
HANDED_OVER = "handed_over"


class ClientListScreen(QWidget):
    open_client = Signal(str)
    new_client = Signal()
    import_sheet = Signal()

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        layout = QVBoxLayout(self)
        self.search = named(QLineEdit(), "searchEdit", _("Search names and notes"))
        self.search.setPlaceholderText(_("Search names and notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.phase = named(ChoiceCombo(), "phaseFilter", _("Phase"))
        self.phase.add(None, _("All phases"))
        for phase in Phase:
            self.phase.add(phase, phase.label)
        self.phase.add(HANDED_OVER, _("Handed over (read-only)"))
        self.level = named(ChoiceCombo(), "levelFilter", _("Support level"))
        self.level.add(None, _("All levels"))
        for level in MaintenanceLevel:
            self.level.add(level, level.label)
        self.show_closed = named(QCheckBox(_("Show clients whose service has ended")), "showClosedCheck")
        new = button(_("New client…"), "newClientButton", "user-plus")
        new.clicked.connect(self.new_client)
        from_sheet = button(_("From a spreadsheet…"), "sheetImportButton", "file-import")
        from_sheet.clicked.connect(self.import_sheet)
        to_sheet = button(_("Export to a spreadsheet…"), "exportSheetButton", "file-text")
        to_sheet.clicked.connect(self.export_sheet)
        layout.addWidget(self.search)
        layout.addWidget(flow_row(self.phase, self.level, self.show_closed, new, from_sheet, to_sheet))
        self.note = tone(named(QLabel(), "searchNote"), "info")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.model = ClientListModel(ops)
        self.view = named(QTableView(), "clientList", _("Clients"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.view.setWordWrap(False)  # long texts are shortened with … on their one line, never widen the list
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        keys = [key for key, _order in self.model.columns]
        self.columns = FittedColumns(self.view, stretch=(keys.index("name"), keys.index("why")))
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
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
        self.show_closed.toggled.connect(self.apply_filter)
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
        self._debounce.stop()
        text = self.search.text().strip()
        ids = self.ops.query(lambda vault: vault.repo.search_clients(text)) if text else None
        folded = False
        if text and not ids:  # nothing as typed: names whatever their accents ("makela" finds "Mäkelä")
            ids = self.ops.query(lambda vault: vault.search.by_folded_name(text)) or set()
            folded = bool(ids)
        chosen = self.phase.value()
        handed_over = chosen == HANDED_OVER
        self.model.set_filter(
            phase=None if handed_over else chosen,
            level=self.level.value(),
            ids=ids,
            handed_over=handed_over,
            # Ended services are left out unless asked for, or when the phase chosen is the end itself.
            closed=self.show_closed.isChecked() or chosen in (Phase.CLOSED, HANDED_OVER),
            searched=text,
        )
        self.view.setColumnHidden(len(self.model.columns) - 1, not text)
        self.columns.fit()
        self.note.setText(
            _("Nothing matched “{text}” exactly; these names match it when accents are ignored.").format(text=text)
            if folded
            else ""
        )
        self.note.setVisible(folded)
        self.count.setText(ngettext("{n} client", "{n} clients", self.model.total).format(n=self.model.total))

    def to_results(self) -> bool:
        """From the search field to the list (Down or Enter): the first result chosen, ready for Enter."""
        if self._debounce.isActive():
            self.apply_filter()
        if self.model.rowCount() == 0:
            return False
        self.view.setFocus()
        self.view.selectRow(0)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return self.to_results()
        return super().eventFilter(watched, event)

    def export_sheet(self) -> None:
        """The clients as listed now (search, filters and order applied) to .xlsx or .csv."""
        export_sheet(self, self.ops, _("clients") + ".xlsx", lambda vault: clients_table(self.model.shown(vault)))

    def _open(self, index: QModelIndex) -> None:
        self.open_client.emit(self.model.client_id(index.row()))
