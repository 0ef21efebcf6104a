"""One client's workspace: a header (name, phase, level, days in phase, warnings), the phase stepper,
one page per phase with its checklist and its records, and the timeline."""

from __future__ import annotations

import functools
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import (
    FILE_LISTS,
    Client,
    ClientFile,
    Closure,
    MaintenanceLevel,
    Phase,
    Record,
)
from tyokykyapp.domain.dates import today
from tyokykyapp.domain.registry import blank_record, record_title
from tyokykyapp.forms.render import FormKind, form_title
from tyokykyapp.i18n import _, current_language, ngettext
from tyokykyapp.process import checklist, due_items, facts_from_file
from tyokykyapp.process.due import MAINTENANCE_CADENCE_MONTHS, DueKind
from tyokykyapp.services import (
    Changes,
    advance_phase,
    change_level,
    delete_client,
    delete_record,
    restore_record,
    save_record,
    service_terms,
    tick_checklist_item,
    untick_checklist_item,
    update_client,
)
from ui.operations import Operations
from ui.print_ops import CLIENT_FORMS, preview_client_form
from ui.record_summary import day, summary
from ui.screens.phase_move_dialog import LevelDialog, PhaseMoveDialog
from ui.widgets.history_dialog import HistoryDialog
from ui.widgets.named import named
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.phase_stepper import TIMELINE, PhaseStepper
from ui.widgets.record_form import Choices, RecordDialog
from ui.widgets.record_section import RecordSection

# Which records each phase page shows (the quality criteria's work of that phase).
PHASE_SECTIONS: dict[Phase, tuple[str, ...]] = {
    Phase.INTAKE: ("episode", "meeting", "consent", "agreement", "waiting"),
    Phase.MAPPING: ("vocational_profile", "kykyviisari", "plan", "network_contact", "meeting", "waiting"),
    Phase.JOB_SEARCH: ("job_application", "employer_contact", "employment", "meeting", "waiting"),
    Phase.SUPPORT: ("employment", "support_plan", "meeting", "waiting"),
    Phase.MAINTENANCE: ("employment", "meeting", "plan", "kykyviisari"),
    Phase.CLOSED: ("closure", "follow_up", "meeting"),
}
# The forms each phase page offers to print.
PHASE_FORMS: dict[Phase, tuple[FormKind, ...]] = {
    Phase.INTAKE: (FormKind.CONSENT, FormKind.AGREEMENT, FormKind.PRIVACY_NOTICE),
    Phase.MAPPING: (FormKind.PROFILE, FormKind.PLAN),
    Phase.JOB_SEARCH: (FormKind.CONSENT, FormKind.MEETING_SUMMARY),
    Phase.SUPPORT: (FormKind.SUPPORT_PLAN, FormKind.MEETING_SUMMARY),
    Phase.MAINTENANCE: (FormKind.PLAN, FormKind.MEETING_SUMMARY),
    Phase.CLOSED: (FormKind.CLOSURE, FormKind.ACCESS_REPORT),
}
# Closures and service episodes are made by the moves that end and start them, not added by hand.
NOT_ADDABLE = frozenset({"closure", "episode"})


def _kykyviisari_text(file: ClientFile) -> str:
    """How the client's Kykyviisari changed since the first result of this episode (empty with fewer than two)."""
    change = file.kykyviisari_change()
    if change is None:
        return ""
    first, last = change
    scores = "; ".join(f"{label} {a} → {b} ({b - a:+d})" for label, a, b in last.change_since(first))
    return _("Kykyviisari since {date}: {scores}").format(date=day(first.done_on), scores=scores)


class PhasePage(QWidget):
    """A phase's checklist (ticking records the date) and its records."""

    def __init__(self, phase: Phase, workspace: ClientWorkspace) -> None:
        super().__init__()
        self.phase = phase
        self.setObjectName(f"page_{phase.value}")
        layout = QVBoxLayout(self)
        self.info = named(QLabel(), f"info_{phase.value}")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.info)
        layout.addWidget(QLabel("<b>" + _("Checklist") + "</b>"))
        self.checklist = named(QListWidget(), f"checklist_{phase.value}", _("Checklist"))
        self.checklist.itemChanged.connect(workspace.on_checklist_changed)
        layout.addWidget(self.checklist)
        prints = QHBoxLayout()
        for form in PHASE_FORMS[phase]:
            button = named(
                QPushButton(_("Print: {form}…").format(form=form_title(form, current_language()))),
                f"print_{phase.value}_{form.value}",
            )
            button.clicked.connect(functools.partial(workspace.print_form, form))
            prints.addWidget(button)
        prints.addStretch()
        layout.addLayout(prints)
        self.sections = {}
        for kind in PHASE_SECTIONS[phase]:
            section = RecordSection(
                kind,
                add=functools.partial(workspace.add_record_for, kind),
                edit=workspace.edit_record,
                delete=workspace.delete_record,
                history=workspace.show_history,
            )
            if kind in NOT_ADDABLE:
                section.add_button.setEnabled(False)
            self.sections[kind] = section
            layout.addWidget(section)
        layout.addStretch()

    def fill(self, file: ClientFile, today: date, info: str) -> None:
        self.info.setText(info)
        self.info.setVisible(bool(info))
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for item in checklist(file, self.phase, today):
            done = f" — {day(item.done_on)}" if item.done and item.done_on else ""
            source = " (" + _("from the records") + ")" if item.source == "record" else ""
            entry = QListWidgetItem(f"{item.label}{done}{source}")
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            flags = Qt.ItemFlag.ItemIsEnabled
            if item.source != "record":  # a record-backed item is changed by editing the record
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            entry.setFlags(flags)
            entry.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            self.checklist.addItem(entry)
        self.checklist.setMaximumHeight(self.checklist.sizeHintForRow(0) * (self.checklist.count() + 1) + 8)
        self.checklist.blockSignals(False)
        for kind, section in self.sections.items():
            section.set_records(getattr(file, FILE_LISTS[kind]))


class ClientWorkspace(QWidget):
    closed = Signal()  # the client was deleted (to the bin)

    def __init__(
        self, ops: Operations, client_id: str, parent: QWidget | None = None, *, large_print: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientWorkspace")
        self.large_print = large_print
        self.ops = ops
        self.client_id = client_id
        self.file: ClientFile | None = None
        self.dialogs: list[RecordDialog] = []
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        names = QVBoxLayout()
        self.name_label = named(QLabel(), "clientName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.status_label = named(QLabel(), "clientStatus")
        self.warnings = named(QLabel(), "clientWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        names.addWidget(self.name_label)
        names.addWidget(self.status_label)
        names.addWidget(self.warnings)
        header.addLayout(names, 1)
        actions = QVBoxLayout()
        self.advance_button = named(QPushButton(_("Move to the next phase…")), "advancePhaseButton")
        self.advance_button.clicked.connect(self.open_move_dialog)
        self.level_button = named(QPushButton(_("Change the support level…")), "changeLevelButton")
        self.level_button.clicked.connect(self.open_level_dialog)
        details = named(QPushButton(_("Edit details…")), "editClientButton")
        details.clicked.connect(self.edit_details)
        history = named(QPushButton(_("History of details…")), "clientHistoryButton")
        history.clicked.connect(lambda: self.show_history(self._require_file().client))
        self.print_button = named(QPushButton(_("Print…")), "printMenuButton")
        menu = QMenu(self.print_button)
        for kind in CLIENT_FORMS:
            menu.addAction(form_title(kind, current_language()), functools.partial(self.print_form, kind))
        self.print_button.setMenu(menu)
        delete = named(QPushButton(_("Move client to the bin…")), "deleteClientButton")
        delete.clicked.connect(self.confirm_delete)
        for button in (self.advance_button, self.level_button, self.print_button, details, history, delete):
            actions.addWidget(button)
        header.addLayout(actions)
        layout.addLayout(header)

        self.deleted: Record | None = None
        self.undo_bar = QWidget()
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        self.undo_label = named(QLabel(), "undoLabel")
        undo_button = named(QPushButton(_("Undo")), "undoDeleteButton")
        undo_button.clicked.connect(self.undo_delete)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(undo_button)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)

        self.stepper = PhaseStepper()
        layout.addWidget(self.stepper)
        self.history_line = named(QLabel(), "phaseHistory")
        self.history_line.setWordWrap(True)
        layout.addWidget(self.history_line)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)

        self.pages = QStackedWidget()
        # Phase pages are built when first shown: opening a client builds one page, not six.
        self.phase_pages: dict[Phase, PhasePage] = {}
        self.timeline = named(QListWidget(), "timeline", _("Timeline"))
        self._timeline_stale = True
        self.pages.addWidget(self.timeline)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        layout.addWidget(scroll, 1)
        self.stepper.selected.connect(self._show_page)
        ops.changed.connect(self._on_changed)
        self.refresh()
        self.stepper.show(self._require_file().client.phase.value)

    # --- showing -----------------------------------------------------------------------------------

    def _require_file(self) -> ClientFile:
        if self.file is None:
            raise RuntimeError("no client loaded")
        return self.file

    def page_for(self, phase: Phase) -> PhasePage:
        page = self.phase_pages.get(phase)
        if page is None:
            page = self.phase_pages[phase] = PhasePage(phase, self)
            self.pages.addWidget(page)
            page.fill(self._require_file(), date.today(), self._info_text(phase, self._require_file(), date.today()))
        return page

    def _show_page(self, key: str) -> None:
        if key == TIMELINE:
            if self._timeline_stale:
                self._fill_timeline(self._require_file())
            self.pages.setCurrentWidget(self.timeline)
        else:
            self.pages.setCurrentWidget(self.page_for(Phase(key)))

    def _on_changed(self, changes: Changes) -> None:
        if self.client_id in changes.client_ids or "employer" in changes.kinds:
            self.refresh()

    def refresh(self) -> None:
        vault = self.ops.require_vault()
        self.file = file = vault.repo.client_file(self.client_id)
        self.terms = service_terms(vault)
        client, today = file.client, date.today()
        self.name_label.setText(client.name)
        days = (today - client.phase_since).days
        level = f" — {client.maintenance_level.label}" if client.maintenance_level else ""
        in_phase = ngettext("{n} day in this phase", "{n} days in this phase", days).format(n=days)
        self.status_label.setText(
            f"{client.phase.label}{level} · {in_phase} · " + _("since {date}").format(date=day(client.phase_since))
        )
        self.warnings.setText("\n".join(self._warnings(file, today)))
        self.level_button.setVisible(client.phase is Phase.MAINTENANCE)
        visited = {p.to_phase for p in file.phase_history}
        self.stepper.set_current(client.phase, visited)
        self.history_line.setText(
            " → ".join(f"{p.to_phase.label} {day(p.on)}" for p in file.phase_history if p.from_phase != p.to_phase)
        )
        for phase, page in self.phase_pages.items():
            page.fill(file, today, self._info_text(phase, file, today))
        self._timeline_stale = True
        if self.pages.currentWidget() is self.timeline:
            self._fill_timeline(file)

    def _warnings(self, file: ClientFile, today: date) -> list[str]:
        client = file.client
        lines = []
        if client.handed_over_on is not None:
            lines.append(
                "⚑ "
                + _("Handed over to {to} on {date}: read-only here.").format(
                    to=client.handed_over_to or "—", date=day(client.handed_over_on)
                )
            )
        if client.phase not in (Phase.INTAKE, Phase.CLOSED) and file.consent_in_force(today) is None:
            lines.append("⚠ " + _("No written consent in force: ask before exchanging information."))
        for item in due_items(facts_from_file(file, today), today, self.terms):
            state = _("overdue") if item.overdue else _("due")
            lines.append(f"⚠ {item.kind.label}: {day(item.due_on)} ({state})")
        return lines

    def _info_text(self, phase: Phase, file: ClientFile, today: date) -> str:
        """The line on top of a phase page: what the coach should keep in view in that phase."""
        client = file.client
        if phase is Phase.JOB_SEARCH:
            consent = file.consent_in_force(today)
            if consent is None:
                choice = _("not recorded: ask the client")
            elif consent.employer_disclosure is None:
                choice = _("not discussed yet: ask the client")
            else:
                choice = consent.employer_disclosure.label
            return _("The client's choice about employers: {choice}").format(choice=choice)
        if phase is Phase.MAINTENANCE:
            if client.maintenance_level is None:
                return _("The client is not in maintenance.")
            months = MAINTENANCE_CADENCE_MONTHS[client.maintenance_level]
            contacts = (DueKind.MAINTENANCE_VISIT, DueKind.MAINTENANCE_CONTACT)
            next_contact = [i for i in due_items(facts_from_file(file, today), today, self.terms) if i.kind in contacts]
            due_text = day(next_contact[0].due_on) if next_contact else _("not yet")
            renewals = [
                day(e.pay_subsidy_until) for e in file.jobs_ongoing(today) if e.pay_subsidy and e.pay_subsidy_until
            ]
            text = _("Support level {level}: contact at least every {n} months. Next contact due: {due}.").format(
                level=client.maintenance_level.label, n=months, due=due_text
            )
            if renewals:
                text += " " + _("Pay-subsidy renewal: {dates}.").format(dates=", ".join(renewals))
            return "\n".join(filter(None, (text, _kykyviisari_text(file))))
        if phase is Phase.INTAKE:
            episode = file.current_episode()
            referral = episode.referral if episode else None
            source = referral.source.label if referral and referral.source else _("not recorded")
            return _("Referral: {source}, {referrer}, {date}").format(
                source=source,
                referrer=(referral.referrer if referral else "") or "—",
                date=day(referral.referred_on if referral else None),
            )
        if phase is Phase.MAPPING:
            return _kykyviisari_text(file)
        return ""

    def _fill_timeline(self, file: ClientFile) -> None:
        self._timeline_stale = False
        self.timeline.clear()
        records: list[Record] = [
            r for name in FILE_LISTS.values() for r in getattr(file, name) if r.KIND != "checklist_tick"
        ]
        records.sort(key=lambda r: r.main_date() or date.min, reverse=True)
        for record in records:
            self.timeline.addItem(f"{day(record.main_date())}  {record_title(record.KIND)}: {summary(record)}")

    # --- acting ------------------------------------------------------------------------------------

    def choices(self) -> Choices:
        vault = self.ops.require_vault()
        employers = [(e.id, getattr(e, "name", "")) for e in vault.repo.employers()]
        jobs = [(e.id, f"{e.title} / {e.employer_name}") for e in self._require_file().employments]
        return {"employer_id": employers, "employment_id": jobs}

    def _save(self, record: Record) -> bool:
        operation = update_client if isinstance(record, Client) else save_record
        return self.ops.call(operation, record) is not None

    def edit(self, record: Record) -> RecordDialog:
        """Open the form for `record` (new, stored, or a draft kept through a lock)."""
        dialog = RecordDialog(record, self._save, self.ops.show_error, self.choices(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        dialog.open()
        return dialog

    def add_record(self, kind: str) -> RecordDialog:
        return self.edit(blank_record(kind, self.client_id, today()))

    def add_record_for(self, kind: str) -> None:
        self.add_record(kind)

    def edit_record(self, record: Record) -> None:
        self.edit(record)

    def edit_details(self) -> None:
        self.edit(self._require_file().client)

    def delete_record(self, record: Record) -> None:
        answer = QMessageBox.question(
            self,
            _("Delete"),
            _("Delete this: {what}? You can undo it right after.").format(what=record_title(record.KIND)),
        )
        if answer == QMessageBox.StandardButton.Yes and self.ops.call(delete_record, record) is not None:
            self.deleted = record
            self.undo_label.setText(_("Deleted: {what}").format(what=f"{record_title(record.KIND)}, {summary(record)}"))
            self.undo_bar.show()

    def undo_delete(self) -> None:
        if self.deleted is not None and self.ops.call(restore_record, self.deleted) is not None:
            self.deleted = None
            self.undo_bar.hide()

    def show_history(self, record: Record) -> None:
        dialog = HistoryDialog(self.ops.require_vault().repo.history(record.id), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def on_checklist_changed(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.ops.call(tick_checklist_item, self.client_id, key, date.today())
        else:
            self.ops.call(untick_checklist_item, self.client_id, key)

    def open_move_dialog(self) -> PhaseMoveDialog:
        client = self._require_file().client

        def submit(to: Phase, on: date, reason: str, level: MaintenanceLevel | None, closure: Closure | None) -> bool:
            done = self.ops.call(advance_phase, self.client_id, to, on, reason=reason, level=level, closure=closure)
            if done is not None:
                self.stepper.show(to.value)
            return done is not None

        dialog = PhaseMoveDialog(client, submit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_level_dialog(self) -> LevelDialog:
        client = self._require_file().client

        def submit(level: MaintenanceLevel, on: date, reason: str) -> bool:
            return self.ops.call(change_level, self.client_id, level, on, reason=reason) is not None

        dialog = LevelDialog(client, submit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def confirm_delete(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Move to the bin"),
            _("Move {name} to the bin? The client can be restored from the bin until it is emptied.").format(
                name=self._require_file().client.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes and self.ops.call(delete_client, self.client_id) is not None:
            self.closed.emit()

    def print_form(self, kind: FormKind) -> PdfPreviewDialog:
        """Preview a filled form. Printing records nothing: signing is the coach's own step."""
        return preview_client_form(self, self.ops, kind, self.client_id, large_print=self.large_print)

    def take_drafts(self) -> list[Record]:
        """Unsaved forms, as records held in memory only, and close them (the vault is being locked)."""
        drafts = []
        for dialog in list(self.dialogs):
            try:
                drafts.append(dialog.draft())
            except Exception:
                drafts.append(dialog.form.initial)
            dialog.reject()
        self.dialogs.clear()
        return drafts
