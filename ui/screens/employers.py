"""The employer register (employers and contact persons reused across clients) and the coach's
employer-contact log by week."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import ContactPurpose, Employer, EmployerContact, Record
from tyokykyapp.domain.dates import today
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services import Changes, save_record
from tyokykyapp.sheets.exporting import employer_contacts_table
from ui.dialogs import open_dialog
from ui.dialogs.history import HistoryDialog
from ui.dialogs.record import RecordDialog
from ui.operations import Operations
from ui.record_summary import day
from ui.sheet_export import export_sheet
from ui.theme import button, role
from ui.widgets.fitted_columns import FittedColumns
from ui.widgets.flow_layout import flow_row
from ui.widgets.lazy_screen import LazyScreen
from ui.widgets.named import named

if TYPE_CHECKING:
    from ui.work_area import WorkArea

LOG_WEEKS = 26
# The log's columns: date, employer and client sized to their contents; what was done gets the rest.
_TEXT = 2


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _what(contact: EmployerContact) -> str:
    """Who was contacted, why and what came of it, on one line (the whole text in the tooltip)."""
    said = " — ".join(part for part in (_first_line(contact.purpose), _first_line(contact.outcome)) if part)
    return f"{contact.contact_person}: {said}" if contact.contact_person and said else contact.contact_person or said


class EmployersScreen(LazyScreen):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.employers: list[Employer] = []
        self.shown: tuple[list[EmployerContact], dict[str, str], dict[str, str]] = ([], {}, {})
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(role(QLabel(_("Employers")), "heading"))
        self.list = named(QListWidget(), "employerList", _("Employers"))
        self.list.setWordWrap(True)  # a long name wraps in the narrow column instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        left.addWidget(self.list)
        buttons: list[QPushButton] = []
        for text, name, icon_name, action in (
            (_("New employer…"), "newEmployerButton", "plus", self.new_employer),
            (_("Edit…"), "editEmployerButton", "pencil", self.edit_selected),
            (_("History…"), "employerHistoryButton", "history", self.history_selected),
        ):
            made = button(text, name, icon_name)
            made.setAccessibleName(text.rstrip("…") + " " + _("Employer").lower())
            made.clicked.connect(action)
            buttons.append(made)
        left.addWidget(flow_row(*buttons))
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(role(QLabel(_("Employer contacts by week")), "heading"))
        self.log = named(QTreeWidget(), "employerContactLog", _("Employer contacts by week"))
        self.log.setHeaderLabels([_("Date"), _("Employer"), _("Contact person, purpose and outcome"), _("Client")])
        self.log.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        FittedColumns(self.log, stretch=(_TEXT,))
        right.addWidget(self.log)
        log_button = button(_("Log an employer contact…"), "logContactButton", "plus")
        log_button.clicked.connect(self.log_contact)
        to_sheet = button(_("Export to a spreadsheet…"), "exportContactsButton", "file-text")
        to_sheet.clicked.connect(self.export_contacts)
        right.addWidget(flow_row(log_button, to_sheet))
        layout.addLayout(right, 3)
        ops.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if {"employer", "employer_contact"} & changes.kinds or changes.caseload:
            self.mark_stale()

    def refresh(self) -> None:
        since = today() - timedelta(weeks=LOG_WEEKS)
        read = self.ops.query(
            lambda vault: (
                vault.repo.employers(),
                vault.repo.employer_contacts(since=since),
                {s.id: s.name for s in vault.repo.clients()},
            )
        )
        if read is None:
            return
        self.employers, contacts, clients = read
        self.shown = (contacts, {e.id: e.name for e in self.employers}, clients)
        self.list.clear()
        for employer in self.employers:
            item = QListWidgetItem(f"{employer.name} — {employer.sector}".rstrip(" —"))
            item.setData(Qt.ItemDataRole.UserRole, employer.id)
            self.list.addItem(item)
        names = {e.id: e.name for e in self.employers}
        weeks: dict[tuple[int, int], list[EmployerContact]] = defaultdict(list)
        for contact in contacts:
            year, week, _weekday = contact.on.isocalendar()
            weeks[(year, week)].append(contact)
        self.log.clear()
        for (year, week), in_week in sorted(weeks.items(), reverse=True):
            title = ngettext(
                "Week {week}/{year}: {n} contact", "Week {week}/{year}: {n} contacts", len(in_week)
            ).format(week=week, year=year, n=len(in_week))
            parent = QTreeWidgetItem([title])
            parent.setFirstColumnSpanned(True)
            for c in in_week:
                texts = [day(c.on), names.get(c.employer_id, ""), _what(c), clients.get(c.client_id or "", "")]
                row = QTreeWidgetItem(texts)
                row.setToolTip(_TEXT, "\n\n".join(p for p in (c.contact_person, c.purpose, c.outcome) if p.strip()))
                parent.addChild(row)
            self.log.addTopLevelItem(parent)
        self.log.expandToDepth(0)

    def export_contacts(self) -> None:
        """The contact log as shown (the last weeks) to .xlsx or .csv."""
        contacts, employers, clients = self.shown
        export_sheet(
            self, self.ops, _("employer-contacts") + ".xlsx",
            lambda _vault: employer_contacts_table(contacts, employers, clients),
        )  # fmt: skip

    def _selected(self) -> Employer | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((e for e in self.employers if e.id == item.data(Qt.ItemDataRole.UserRole)), None)

    def open_form(self, record: Record, typed: Record | None = None) -> RecordDialog:
        """The form for an employer or a logged contact; `typed`: a draft kept through a lock."""
        dialog = RecordDialog(
            record,
            lambda r: self.ops.call(save_record, r) is not None,
            self.ops.show_error,
            {"employer_id": [(e.id, e.name) for e in self.employers]},
            self,
            typed=typed,
        )
        dialog.reopen = _reopen_form
        return open_dialog(dialog)

    def new_employer(self) -> RecordDialog:
        return self.open_form(Employer(name=""))

    def edit_selected(self) -> RecordDialog | None:
        employer = self._selected()
        return self.open_form(employer) if employer is not None else None

    def history_selected(self) -> HistoryDialog | None:
        employer = self._selected()
        if employer is None:
            return None
        revisions = self.ops.query(lambda vault: vault.repo.history(employer.id))
        return open_dialog(HistoryDialog(revisions, parent=self)) if revisions else None

    def log_contact(self) -> RecordDialog:
        selected = self._selected()
        return self.open_form(
            EmployerContact(
                employer_id=selected.id if selected else "",
                on=today(),
                contact_purpose=ContactPurpose.JOB_DEVELOPMENT,  # no client here: the coach's own job development
            )
        )


def _reopen_form(work: WorkArea, state: tuple[Record, Record]) -> RecordDialog:
    work.show_section(work.employers)
    work.employers.refresh_now()  # the register's names for the form's choices
    return work.employers.open_form(*state)
