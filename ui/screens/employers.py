"""The employer register (employers and contact persons reused across clients) and the coach's
employer-contact log by week."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

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
from tyokykyapp.i18n import _
from tyokykyapp.services import Changes, save_record
from ui.operations import Operations
from ui.record_summary import day
from ui.widgets.history_dialog import HistoryDialog
from ui.widgets.lazy_screen import LazyScreen
from ui.widgets.named import named
from ui.widgets.record_form import RecordDialog

LOG_WEEKS = 26


class EmployersScreen(LazyScreen):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.employers: list[Record] = []
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>" + _("Employers") + "</b>"))
        self.list = named(QListWidget(), "employerList", _("Employers"))
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        left.addWidget(self.list)
        buttons = QHBoxLayout()
        for text, name, action in (
            (_("New employer…"), "newEmployerButton", self.new_employer),
            (_("Edit…"), "editEmployerButton", self.edit_selected),
            (_("History…"), "employerHistoryButton", self.history_selected),
        ):
            button = named(QPushButton(text), name)
            button.clicked.connect(action)
            buttons.addWidget(button)
        left.addLayout(buttons)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>" + _("Employer contacts by week") + "</b>"))
        self.log = named(QTreeWidget(), "employerContactLog", _("Employer contacts by week"))
        self.log.setHeaderLabels(
            [_("Date"), _("Employer"), _("Contact person"), _("Purpose"), _("Outcome"), _("Client")]
        )
        right.addWidget(self.log)
        log_button = named(QPushButton(_("Log an employer contact…")), "logContactButton")
        log_button.clicked.connect(self.log_contact)
        right.addWidget(log_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(right, 2)
        ops.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        if {"employer", "employer_contact"} & changes.kinds or changes.caseload:
            self.mark_stale()

    def refresh(self) -> None:
        repo = self.ops.require_vault().repo
        self.employers = repo.employers()
        self.list.clear()
        for employer in self.employers:
            assert isinstance(employer, Employer)
            item = QListWidgetItem(f"{employer.name} — {employer.sector}".rstrip(" —"))
            item.setData(Qt.ItemDataRole.UserRole, employer.id)
            self.list.addItem(item)
        names = {e.id: e.name for e in self.employers if isinstance(e, Employer)}
        clients = {s.id: s.name for s in repo.clients()}
        weeks: dict[tuple[int, int], list[EmployerContact]] = defaultdict(list)
        for contact in repo.employer_contacts(since=date.today() - timedelta(weeks=LOG_WEEKS)):
            assert isinstance(contact, EmployerContact)
            year, week, _weekday = contact.on.isocalendar()
            weeks[(year, week)].append(contact)
        self.log.clear()
        for (year, week), contacts in sorted(weeks.items(), reverse=True):
            parent = QTreeWidgetItem(
                [_("Week {week}/{year}: {n} contacts").format(week=week, year=year, n=len(contacts))]
            )
            for c in contacts:
                parent.addChild(
                    QTreeWidgetItem(
                        [
                            day(c.on),
                            names.get(c.employer_id, ""),
                            c.contact_person,
                            c.purpose,
                            c.outcome,
                            clients.get(c.client_id or "", ""),
                        ]
                    )
                )
            self.log.addTopLevelItem(parent)
        self.log.expandToDepth(0)

    def _selected(self) -> Record | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((e for e in self.employers if e.id == item.data(Qt.ItemDataRole.UserRole)), None)

    def _open(self, record: Record) -> None:
        dialog = RecordDialog(
            record,
            lambda r: self.ops.call(save_record, r) is not None,
            self.ops.show_error,
            {"employer_id": [(e.id, getattr(e, "name", "")) for e in self.employers]},
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def new_employer(self) -> None:
        self._open(Employer(name=""))

    def edit_selected(self) -> None:
        employer = self._selected()
        if employer is not None:
            self._open(employer)

    def history_selected(self) -> None:
        employer = self._selected()
        if employer is not None:
            dialog = HistoryDialog(self.ops.require_vault().repo.history(employer.id), self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def log_contact(self) -> None:
        selected = self._selected()
        self._open(
            EmployerContact(
                employer_id=selected.id if selected else "",
                on=date.today(),
                contact_purpose=ContactPurpose.JOB_DEVELOPMENT,  # no client here: the coach's own job development
            )
        )
