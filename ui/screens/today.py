"""Today, the morning view: the day in one line ("3 meetings today, 2 overdue"), the meetings booked for today
and the coming week (time, client, place; printable without notes), then what is due and overdue; beside
them the caseload by phase and level (click to filter the list) and the clients opened recently.

Other parts add their own lines and panels with `add_notice` (under the day's line) and `add_panel` (in the
side column), e.g. the backup status."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import MaintenanceLevel, Phase
from tyokykyapp.domain.dates import format_date, format_day, format_time, today
from tyokykyapp.i18n import _
from tyokykyapp.services import Changes, coach_details
from tyokykyapp.services.agenda import AgendaItem, morning_summary
from tyokykyapp.services.morning import Morning, morning
from tyokykyapp.services.recent import recent_clients
from tyokykyapp.sheets.exporting import due_table
from tyokykyapp.vault import ClientSummary
from ui.dialogs import open_dialog
from ui.models.due_model import DueModel
from ui.operations import Operations
from ui.record_summary import person
from ui.sheet_export import export_sheet
from ui.theme import icon, link, role, with_icon
from ui.widgets.backup_status import BackupStatusBox
from ui.widgets.fitted_columns import FittedColumns
from ui.widgets.flow_layout import flow_row
from ui.widgets.lazy_screen import LazyScreen
from ui.widgets.named import named
from ui.widgets.page import card_column, scrolling_column
from ui.widgets.retention_notice import RetentionNotice

WEEK_DAYS = 7  # the agenda shows today and the six days after it


SIDE_BY_SIDE_LINES = 60  # the width, in text lines' height, from which the side column stands beside the rest


def panel(title: str, name: str) -> tuple[QFrame, QVBoxLayout, QHBoxLayout]:
    """A card with a heading; returns the card, its column, and the row of the heading (for its buttons)."""
    frame, column = card_column(name)
    top = QHBoxLayout()
    top.addWidget(role(QLabel(title), "heading"), 1)
    column.addLayout(top)
    return frame, column, top


class TodayScreen(LazyScreen):
    open_client = Signal(str)
    filter_requested = Signal(object, object)  # Phase | None, MaintenanceLevel | None

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        large_print: Callable[[], bool] = lambda: False,
        facts: Morning | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.large_print = large_print
        self.items: list[AgendaItem] = []
        self.names: dict[str, ClientSummary] = {}
        self.day = today()
        # One scrolling page: at large text on a short screen it scrolls down, never sideways.
        _scroll, outer = scrolling_column(self)
        header, header_column = card_column("todayHeader")
        self.date_label = role(named(QLabel(), "todayDate"), "title")
        header_column.addWidget(self.date_label)
        self.summary = role(named(QLabel(), "morningSummary"), "summary")
        self.summary.setWordWrap(True)
        header_column.addWidget(self.summary)
        self.notices = QVBoxLayout()
        header_column.addLayout(self.notices)
        outer.addWidget(header)

        self.body = body = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # see resizeEvent
        left = QVBoxLayout()
        agenda_box, agenda_column, _agenda_top = panel(_("Meetings"), "agendaPanel")
        prints = []
        for text, name, days in (
            (_("Print the day's list…"), "printDayButton", 1),
            (_("Print the week's list…"), "printWeekButton", WEEK_DAYS),
        ):
            button = with_icon(named(QPushButton(text), name), "printer")
            button.clicked.connect(lambda _checked=False, d=days: self.print_list(d))
            prints.append(button)
        self.agenda = named(QTreeWidget(), "agendaList", _("Meetings today and this week"))
        self.agenda.setColumnCount(3)
        self.agenda.setHeaderLabels([_("Time"), _("Client"), _("Place")])
        self.agenda.setRootIsDecorated(False)
        self.agenda.setUniformRowHeights(True)
        self.agenda.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.agenda_columns = FittedColumns(self.agenda, stretch=(1, 2))
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.itemActivated.connect(self._open_meeting)
        agenda_column.addWidget(self.agenda)
        # Lists keep room for several rows; below that the page scrolls instead of squeezing them.
        self.agenda.setMinimumHeight(self.fontMetrics().height() * 12)
        agenda_column.addWidget(flow_row(*prints))
        left.addWidget(agenda_box, 1)

        due_box, due_column, _due_top = panel(_("Due and overdue"), "duePanel")
        self.due_model = DueModel()
        self.due_view = named(QTableView(), "dueList", _("Due and overdue"))
        self.due_view.setModel(self.due_model)
        self.due_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.due_view.verticalHeader().hide()
        self.due_view.setWordWrap(False)  # a long name is elided on its one line, not cut across two
        self.due_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        FittedColumns(self.due_view, stretch=(2, 3))
        self.due_view.activated.connect(self._open_due)
        self.due_view.doubleClicked.connect(self._open_due)
        due_column.addWidget(self.due_view)
        to_sheet = with_icon(named(QPushButton(_("Export to a spreadsheet…")), "exportDueButton"), "file-text")
        to_sheet.clicked.connect(self.export_due)
        due_column.addWidget(flow_row(to_sheet))
        self.due_view.setMinimumHeight(self.fontMetrics().height() * 14)
        left.addWidget(due_box, 1)
        body.addLayout(left, 3)

        self.side = QVBoxLayout()
        self.backups = BackupStatusBox(ops)
        self.retention = RetentionNotice(ops)
        self.side.addWidget(self.backups)
        self.side.addWidget(self.retention)
        caseload_box, caseload_column, _caseload_top = panel(_("Caseload"), "caseloadPanel")
        self.caseload_grid = QGridLayout()
        self.caseload_grid.setColumnStretch(0, 1)
        caseload_column.addLayout(self.caseload_grid)
        self.side.addWidget(caseload_box)
        recent_box, recent_column, _recent_top = panel(_("Recently opened"), "recentPanel")
        self.recent = named(QListWidget(), "recentClients", _("Recently opened"))
        self.recent.itemActivated.connect(lambda item: self.open_client.emit(item.data(Qt.ItemDataRole.UserRole)))
        recent_column.addWidget(self.recent)
        self.recent.setMinimumHeight(self.fontMetrics().height() * 6)
        self.side.addWidget(recent_box, 1)
        body.addLayout(self.side, 2)
        outer.addLayout(body, 1)
        ops.changed.connect(self._on_changed)
        # Today is the first screen after unlocking: filled at once, from the facts read while unlocking when
        # there are some.
        if facts is None:
            self.refresh_now()
        else:
            self._stale = False
            self.show_facts(facts)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # the text size was changed in Settings
            self._arrange()
        super().changeEvent(event)

    def _arrange(self) -> None:
        """Side by side only while there is room for about 60 lines' height of width: at 200 % text the side
        column goes below, and the meetings and the due list get the whole width (four columns in half a
        screen cut every date short)."""
        wide = self.width() >= self.fontMetrics().height() * SIDE_BY_SIDE_LINES
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)

    # --- places for other parts -------------------------------------------------------------------

    def add_notice(self, widget: QWidget) -> None:
        """A line under the day's summary (e.g. when the last backup was made)."""
        self.notices.addWidget(widget)

    def add_panel(self, widget: QWidget) -> None:
        """A panel in the side column, under the caseload."""
        self.side.insertWidget(1, widget)

    # --- filling ---------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.caseload or changes.kinds:
            self.mark_stale()  # recomputed when on view, not after every save elsewhere

    def refresh(self) -> None:
        facts = self.ops.query(morning, today(), WEEK_DAYS)
        if facts is not None:
            self.show_facts(facts)

    def show_facts(self, facts: Morning) -> None:
        self.day, self.items, self.names = facts.day, facts.meetings, facts.names
        self.date_label.setText(format_day(self.day).capitalize())
        summary = morning_summary(self.items, facts.due, self.day)
        if not facts.counts:  # an empty vault: say where to begin rather than show empty lists
            summary += "\n" + _("No clients yet. Add the first one with New client (Ctrl+N).")
        self.summary.setText(summary)
        self._fill_agenda()
        self.due_model.set_items(facts.due, lambda ids: {c.id: person(c) for c in self._clients(ids).values()})
        self._fill_caseload(facts.counts)
        self._fill_recent(facts.recent)
        self.retention.show_count(facts.past_retention)

    def refresh_recent(self) -> None:
        """Only the recently opened list (opening a client need not recompute the due list)."""
        recent_ids = self.ops.query(recent_clients) or []
        clients = self._clients(recent_ids)
        self._fill_recent([clients[client_id] for client_id in recent_ids if client_id in clients])

    def _fill_recent(self, clients: list[ClientSummary]) -> None:
        self.recent.clear()
        for client in clients:
            item = QListWidgetItem(person(client))
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.recent.addItem(item)

    def _clients(self, client_ids: Collection[str]) -> dict[str, ClientSummary]:
        """Only the clients shown, not the whole caseload. A view repainted while the app locks gets none: it
        is torn down with the rest, and Today refills after the next unlock."""
        clients = self.ops.query(lambda vault: vault.repo.clients(ids=client_ids)) or []
        return {c.id: c for c in clients}

    def _day_title(self, day: date) -> str:
        if day == self.day:
            return _("Today") + " — " + format_day(day)
        if day == self.day + timedelta(days=1):
            return _("Tomorrow") + " — " + format_day(day)
        return format_day(day).capitalize()

    def _fill_agenda(self) -> None:
        self.agenda.clear()
        clock = icon("clock", "muted")
        rows: list[QTreeWidgetItem] = []
        spanned: list[QTreeWidgetItem] = []
        days = sorted({self.day} | {item.on for item in self.items})
        by_day: dict[date, list[AgendaItem]] = {day: [] for day in days}
        for item in self.items:
            by_day[item.on].append(item)
        for day in days:
            heading = QTreeWidgetItem([self._day_title(day)])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            rows.append(heading)
            spanned.append(heading)
            if not by_day[day]:
                empty = QTreeWidgetItem([_("No meetings booked.")])
                empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                rows.append(empty)
                spanned.append(empty)
            for item in by_day[day]:
                client = self.names.get(item.client_id)
                row = QTreeWidgetItem(
                    [format_time(item.time) or "–", person(client) if client else "", item.place or "—"]
                )
                row.setIcon(0, clock)
                row.setData(0, Qt.ItemDataRole.UserRole, item.client_id)
                rows.append(row)
        # Added in one go: the columns are fitted once, not after every row (a busy week at 1,000 clients has
        # ~800 meetings; row by row that took seconds).
        self.agenda.addTopLevelItems(rows)
        for spanning in spanned:  # spanning takes effect only once the item is in the tree
            spanning.setFirstColumnSpanned(True)
        self.agenda_columns.fit()  # the headings span only now: fitted again without them

    def _fill_caseload(self, counts: dict[tuple[Phase, MaintenanceLevel | None], int]) -> None:
        while self.caseload_grid.count():
            item = self.caseload_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        row = 0
        for phase in Phase:
            total = sum(n for (p, _level), n in counts.items() if p is phase)
            self._caseload_row(row, phase.label, total, phase, None)
            row += 1
            if phase is Phase.MAINTENANCE:
                for level in MaintenanceLevel:
                    self._caseload_row(row, level.label, counts.get((phase, level), 0), phase, level)
                    row += 1

    def _caseload_row(self, row: int, text: str, count: int, phase: Phase, level: MaintenanceLevel | None) -> None:
        # A link that reads as one: it shows those clients. Levels sit indented under their phase.
        name = f"caseload_{phase.value}_{level.value if level else 'all'}"
        button = link(named(QPushButton(("↳ " if level else "") + text), name))
        button.setProperty("indent", level is not None)
        button.setAccessibleName(_("{what}: {n} clients, show them").format(what=text, n=count))
        button.clicked.connect(lambda: self.filter_requested.emit(phase, level))
        self.caseload_grid.addWidget(button, row, 0)
        number = QLabel(str(count))
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.caseload_grid.addWidget(number, row, 1)

    def export_due(self) -> None:
        """The due list as shown to .xlsx or .csv."""
        items, names = self.due_model.shown()
        export_sheet(self, self.ops, _("due") + ".xlsx", lambda _vault: due_table(items, names))

    def _open_due(self, index: QModelIndex) -> None:
        self.open_client.emit(self.due_model.data(index, DueModel.ID_ROLE))

    def _open_meeting(self, item: QTreeWidgetItem) -> None:
        client_id = item.data(0, Qt.ItemDataRole.UserRole)
        if client_id:
            self.open_client.emit(client_id)

    # --- printing --------------------------------------------------------------------------------

    def print_list(self, days: int) -> QWidget | None:
        """The day's or the week's meetings on paper (no notes), previewed from memory."""
        from tyokykyapp.forms.agenda_list import TITLE, agenda_pdf
        from tyokykyapp.i18n import current_language
        from ui.widgets.pdf_preview import PdfPreviewDialog

        last = self.day + timedelta(days=days - 1)
        items = [item for item in self.items if item.on <= last]
        rows = [
            (item.on, item.time, self.names[item.client_id].name if item.client_id in self.names else "", item.place)
            for item in items
        ]
        period = format_date(self.day) if days == 1 else f"{format_date(self.day)}–{format_date(last)}"
        coach = self.ops.query(coach_details)
        if coach is None:
            return None
        vault_open = self.ops.query(lambda vault: vault)
        return open_dialog(
            PdfPreviewDialog(
                _(TITLE),
                lambda lang, large: agenda_pdf(rows, period, coach=coach, lang=lang, large_print=large),
                language=current_language(),
                large_print=self.large_print(),
                personal=True,
                file_name="meetings.pdf",
                report=self.ops.show_error,
                still_open=lambda: vault_open is not None and self.ops.holds(vault_open),
                parent=self,
            )
        )
