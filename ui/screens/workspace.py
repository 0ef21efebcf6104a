"""One client's workspace: a header (name, phase, level, days in phase, warnings), the phase stepper,
one page per phase with its checklist and its records, and the timeline.

A client handed over to another coach is read-only here: every control that would change something is
disabled and says why; records open for reading."""

from __future__ import annotations

import functools
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QWidget,
)

from tyokykyapp.domain import FILE_LISTS, Client, ClientFile, Closure, MaintenanceLevel, Phase, PhaseChange, Record
from tyokykyapp.domain.dates import format_date, today
from tyokykyapp.domain.registry import blank_record, record_title
from tyokykyapp.forms.render import FormKind, form_title
from tyokykyapp.i18n import _, current_language, ngettext
from tyokykyapp.process import DueKind, due_items, facts_from_file, latest_move
from tyokykyapp.process.due import MAINTENANCE_CADENCE_MONTHS, due_outlook
from tyokykyapp.services import (
    Changes,
    ServiceTerms,
    advance_phase,
    change_level,
    delete_client,
    delete_record,
    redate_last_move,
    restore_record,
    save_record,
    service_terms,
    tick_checklist_item,
    undo_handover,
    undo_last_move,
    untick_checklist_item,
    update_client,
)
from tyokykyapp.services.employers import employer_names
from ui.dialogs import open_dialog
from ui.dialogs.ask import confirm
from ui.dialogs.checklist_date import ChecklistDateDialog
from ui.dialogs.history import HistoryDialog
from ui.dialogs.phase_move import (
    CorrectionState,
    CorrectMoveDialog,
    LevelDialog,
    LevelState,
    MoveState,
    PhaseMoveDialog,
)
from ui.dialogs.record import RecordDialog
from ui.operations import Operations
from ui.print_ops import CLIENT_FORMS, preview_client_form
from ui.record_summary import day, job_title, summary
from ui.screens.phase_page import PhasePage
from ui.theme import button, primary, role, tone
from ui.widgets.fitted_list import FittedList
from ui.widgets.flow_layout import flow_row
from ui.widgets.named import named
from ui.widgets.page import card_column, scrolling_column
from ui.widgets.page_stack import PageStack
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.phase_stepper import TIMELINE, PhaseStepper
from ui.widgets.record_form import Choices


def _kykyviisari_text(file: ClientFile) -> str:
    """How the client's Kykyviisari changed since the first result of this episode (empty with fewer than two)."""
    change = file.kykyviisari_change()
    if change is None:
        return ""
    first, last = change
    scores = "; ".join(f"{label} {a} → {b} ({b - a:+d})" for label, a, b in last.change_since(first))
    return _("Kykyviisari since {date}: {scores}").format(date=day(first.done_on), scores=scores)


class ClientWorkspace(QWidget):
    closed = Signal()  # the client was deleted (to the bin), or is no longer in the vault

    def __init__(
        self, ops: Operations, file: ClientFile, parent: QWidget | None = None, *, large_print: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientWorkspace")
        self.large_print = large_print
        self.ops = ops
        self.client_id = file.client.id
        self.file = file
        self.names: dict[str, str] = {}
        self.read_only = ""
        # One scrolling area for the whole client: the header, the steps and the page, whose checklist and
        # record lists show every row with no scroll bar of their own inside it.
        self.page_scroll, layout = scrolling_column(self, spacing=8)
        header, names = card_column("clientHeader")
        self.name_label = role(named(QLabel(), "clientName"), "title")
        self.name_label.setWordWrap(True)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label = named(QLabel(), "clientStatus")
        self.status_label.setWordWrap(True)
        self.contact_label = role(named(QLabel(), "clientContact"), "muted")
        self.contact_label.setWordWrap(True)
        self.contact_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = tone(named(QLabel(), "clientWarnings"), "warning")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        names.addWidget(self.name_label)
        names.addWidget(self.status_label)
        names.addWidget(self.contact_label)
        names.addWidget(self.warnings)
        self.advance_button = primary(
            button(_("Move to the next phase…"), "advancePhaseButton", "arrow-right", "accent_text")
        )
        self.advance_button.clicked.connect(lambda: self.open_move_dialog())
        self.level_button = button(_("Change the support level…"), "changeLevelButton", "adjustments")
        self.level_button.clicked.connect(lambda: self.open_level_dialog())
        self.correct_button = button(_("Correct the latest move…"), "correctMoveButton", "arrow-back-up")
        self.correct_button.clicked.connect(lambda: self.open_correct_dialog())
        self.details_button = button(_("Edit details…"), "editClientButton", "id")
        self.details_button.clicked.connect(self.edit_details)
        history = button(_("History of details…"), "clientHistoryButton", "history")
        history.clicked.connect(lambda: self.show_history(self.file.client))
        self.print_button = button(_("Print…"), "printMenuButton", "printer")
        menu = QMenu(self.print_button)
        for kind in CLIENT_FORMS:
            menu.addAction(form_title(kind, current_language()), functools.partial(self.print_form, kind))
        self.print_button.setMenu(menu)
        self.unmark_button = button(_("Undo the handover mark…"), "undoHandoverButton", "arrow-back-up")
        self.unmark_button.clicked.connect(self.confirm_undo_handover)
        delete = button(_("Move client to the bin…"), "deleteClientButton", "trash")
        delete.clicked.connect(self.confirm_delete)
        names.addWidget(
            flow_row(
                self.advance_button,
                self.level_button,
                self.correct_button,
                self.print_button,
                self.details_button,
                history,
                self.unmark_button,
                delete,
            )
        )
        layout.addWidget(header)

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
        self.history_line = role(named(QLabel(), "phaseHistory"), "small")
        self.history_line.setWordWrap(True)
        layout.addWidget(self.history_line)

        self.pages = PageStack()
        # Phase pages are built when first shown: opening a client builds one page, not six.
        self.phase_pages: dict[Phase, PhasePage] = {}
        self.timeline = named(FittedList(), "timeline", _("Timeline"))
        self.timeline.setWordWrap(True)
        # A line opens its record (a phase move shows its history: moves are corrected with their own dialog).
        self.timeline.itemActivated.connect(self._open_from_timeline)
        self._timeline_stale = True
        self.pages.addWidget(self.timeline)
        layout.addWidget(self.pages, 1)
        self.stepper.selected.connect(self._show_page)
        ops.changed.connect(self._on_changed)
        self._show(file)
        self.stepper.show(file.client.phase.value)

    # --- showing -----------------------------------------------------------------------------------

    def page_for(self, phase: Phase) -> PhasePage:
        page = self.phase_pages.get(phase)
        if page is None:
            page = self.phase_pages[phase] = PhasePage(phase, self)
            self.pages.addWidget(page)
            self._fill_page(page, today())
        return page

    def _fill_page(self, page: PhasePage, on: date) -> None:
        page.fill(self.file, on, self._info_text(page.phase, self.file, on), self.names, self.read_only)

    def _show_page(self, key: str) -> None:
        if key == TIMELINE:
            if self._timeline_stale:
                self._fill_timeline(self.file)
            self.pages.setCurrentWidget(self.timeline)
        else:
            self.pages.setCurrentWidget(self.page_for(Phase(key)))
        self.page_scroll.verticalScrollBar().setValue(0)  # each page opens at its top, not half-way down

    def _on_changed(self, changes: Changes) -> None:
        if self.client_id in changes.client_ids or "employer" in changes.kinds:
            self.refresh()

    def refresh(self) -> None:
        file = self.ops.query(lambda vault: vault.repo.client_file(self.client_id))
        if file is not None:  # None: the vault is locking, or a problem reading it was shown
            self._show(file)

    def _show(self, file: ClientFile) -> None:
        self.file = file
        self.names = self.ops.query(employer_names) or {}
        self.terms = self.ops.query(service_terms) or ServiceTerms()
        client, on = file.client, today()
        self.read_only = (
            _("Handed over to {to} on {date}: read-only here.").format(
                to=client.handed_over_to or "—", date=day(client.handed_over_on)
            )
            if client.handed_over_on is not None
            else ""
        )
        self.name_label.setText(client.name)
        days = (on - client.phase_since).days
        level = f" — {client.maintenance_level.label}" if client.maintenance_level else ""
        in_phase = ngettext("{n} day in this phase", "{n} days in this phase", days).format(n=days)
        born = " · " + _("b. {date}").format(date=day(client.date_of_birth)) if client.date_of_birth else ""
        self.status_label.setText(
            f"{client.phase.label}{level} · {in_phase} ("
            + _("since {date}").format(date=day(client.phase_since))
            + f"){born}"
        )
        contact = [f"☎ {client.phone}" if client.phone else "", f"✉ {client.email}" if client.email else ""]
        self.contact_label.setText("    ".join(part for part in contact if part) or _("No phone or e-mail recorded"))
        warnings = self._warnings(file, on)
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        self.level_button.setVisible(client.phase is Phase.MAINTENANCE)
        self.correct_button.setVisible(latest_move(file) is not None)
        self._set_read_only()
        moves = file.moves()
        self.stepper.set_current(client.phase, {p.to_phase for p in moves})
        self.history_line.setText(
            " → ".join(f"{p.to_phase.label} {day(p.on)}" for p in moves if p.from_phase != p.to_phase)
        )
        for page in self.phase_pages.values():
            self._fill_page(page, on)
        self._timeline_stale = True
        if self.pages.currentWidget() is self.timeline:
            self._fill_timeline(file)

    def _set_read_only(self) -> None:
        reason = self.read_only
        for each in (self.advance_button, self.level_button, self.correct_button):
            each.setEnabled(not reason)
            each.setToolTip(reason)
        self.details_button.setText(_("Show details…") if reason else _("Edit details…"))
        self.unmark_button.setVisible(bool(reason))

    def _warnings(self, file: ClientFile, on: date) -> list[str]:
        client = file.client
        if self.read_only:
            return ["⚑ " + self.read_only]  # what is due is now the receiving coach's to follow
        lines = []
        if client.phase not in (Phase.INTAKE, Phase.CLOSED) and file.consent_in_force(on) is None:
            lines.append("⚠ " + _("No written consent in force: ask before exchanging information."))
        for item in due_items(facts_from_file(file, on), on, self.terms):
            state = _("overdue") if item.overdue else _("due")
            lines.append(f"⚠ {item.kind.label}: {day(item.due_on)} ({state})")
        return lines

    def _info_text(self, phase: Phase, file: ClientFile, on: date) -> str:
        """The line on top of a phase page: what the coach should keep in view in that phase."""
        client = file.client
        if phase is Phase.JOB_SEARCH:
            consent = file.consent_in_force(on)
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
            # The next contact's date even when it is not yet listed as due (a planned contact months away).
            outlook = due_outlook(facts_from_file(file, on), on)
            contacts = (DueKind.MAINTENANCE_VISIT, DueKind.MAINTENANCE_CONTACT)
            next_contact = [due_on for kind, due_on in outlook.candidates if kind in contacts]
            due_text = day(min(next_contact)) if next_contact else _("not yet")
            renewals = [
                day(e.pay_subsidy_until) for e in file.jobs_ongoing(on) if e.pay_subsidy and e.pay_subsidy_until
            ]
            text = ngettext(
                "Support level {level}: contact at least every month. Next contact due: {due}.",
                "Support level {level}: contact at least every {n} months. Next contact due: {due}.",
                months,
            ).format(level=client.maintenance_level.label, n=months, due=due_text)
            if renewals:
                text += " " + _("Pay-subsidy renewal: {dates}.").format(dates=", ".join(renewals))
            return "\n".join(filter(None, (text, _kykyviisari_text(file))))
        if phase is Phase.INTAKE:
            episode = file.current_episode()
            referral = episode.referral if episode else None
            parts = [
                referral.source.label if referral and referral.source else "",
                referral.referrer if referral else "",
                format_date(referral.referred_on) if referral else "",
            ]
            shown = ", ".join(part for part in parts if part) or _("not recorded")
            return _("Referral: {referral}").format(referral=shown)
        if phase is Phase.MAPPING:
            return _kykyviisari_text(file)
        return ""

    def _fill_timeline(self, file: ClientFile) -> None:
        self._timeline_stale = False
        self.timeline.clear()
        # Newest first; of the same day, the one recorded last first (the lists are in record order).
        records: list[tuple[date, int, Record]] = []
        for name in FILE_LISTS.values():
            for order, record in enumerate(getattr(file, name)):
                if record.KIND != "checklist_tick":
                    records.append((record.main_date() or date.min, order, record))
        records.sort(key=lambda e: (e[0], e[2].created_at.timestamp() if e[2].created_at else 0.0, e[1]), reverse=True)
        for on, _order, record in records:
            item = QListWidgetItem(f"{day(on)}  {record_title(record.KIND)}: {summary(record, self.names)}")
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.timeline.addItem(item)
        self.timeline.fit()

    def _open_from_timeline(self, item: QListWidgetItem) -> None:
        record = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(record, PhaseChange):
            self.show_history(record)
        elif isinstance(record, Record):
            self.edit(record)

    # --- acting ------------------------------------------------------------------------------------

    def choices(self) -> Choices:
        employers = sorted(self.names.items(), key=lambda item: item[1].casefold())
        jobs = [(e.id, job_title(e, self.names)) for e in self.file.employments]
        return {"employer_id": employers, "employment_id": jobs}

    def _save(self, record: Record) -> bool:
        operation = update_client if isinstance(record, Client) else save_record
        return self.ops.call(operation, record) is not None

    def edit(self, record: Record, typed: Record | None = None) -> RecordDialog:
        """Open the form for `record` (new or stored); `typed` is a draft of it kept through a lock."""
        dialog = RecordDialog(
            record,
            self._save,
            self.ops.show_error,
            self.choices(),
            self,
            about=self.file.client.name,
            typed=typed,
            read_only=self.read_only,
        )
        client_id = self.client_id
        dialog.reopen = lambda work, state: work.reopen_for_client(client_id, lambda ws: ws.edit(*state))
        return open_dialog(dialog)

    def add_record(self, kind: str) -> RecordDialog | None:
        if self.read_only:  # Ctrl+M and the bar's button reach here too
            self.ops.show_error(self.read_only)
            return None
        return self.edit(blank_record(kind, self.client_id, today()))

    def edit_details(self) -> RecordDialog:
        return self.edit(self.file.client)

    def delete_record(self, record: Record) -> None:
        def delete() -> None:
            if self.ops.call(delete_record, record) is not None:
                self.deleted = record
                what = f"{record_title(record.KIND)}, {summary(record, self.names)}"
                self.undo_label.setText(_("Deleted: {what}").format(what=what))
                self.undo_bar.show()

        confirm(
            self,
            _("Delete"),
            _("Delete this: {what}? You can undo it right after.").format(what=record_title(record.KIND)),
            delete,
            destructive=True,
        )

    def undo_delete(self) -> None:
        if self.deleted is not None and self.ops.call(restore_record, self.deleted) is not None:
            self.deleted = None
            self.undo_bar.hide()

    def show_history(self, record: Record) -> HistoryDialog | None:
        revisions = self.ops.query(lambda vault: vault.repo.history(record.id))
        if not revisions:
            return None
        return open_dialog(HistoryDialog(revisions, self.names, self))

    def on_checklist_changed(self, item: QListWidgetItem) -> None:
        """Ticking asks for the day the work was done; unticking asks first (the date would be lost). The
        box shows what is stored until the coach has answered."""
        key, ticked = item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked
        text = item.text()
        box = item.listWidget()
        box.blockSignals(True)
        item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
        box.blockSignals(False)
        if ticked:
            self.ask_done_on(text, key)
        else:
            self.confirm_untick(text, key)

    def ask_done_on(self, text: str, key: str) -> ChecklistDateDialog:
        def done(on: date) -> bool:
            return self.ops.call(tick_checklist_item, self.client_id, key, on) is not None

        return open_dialog(ChecklistDateDialog(text, done, self))

    def confirm_untick(self, text: str, key: str) -> None:
        confirm(
            self,
            _("Checklist"),
            _("Mark this as not done? The date it was done is removed: {item}").format(item=text),
            lambda: self.ops.call(untick_checklist_item, self.client_id, key),
        )

    def open_move_dialog(self, state: MoveState | None = None) -> PhaseMoveDialog:
        client = self.file.client

        def submit(to: Phase, on: date, reason: str, level: MaintenanceLevel | None, closure: Closure | None) -> bool:
            done = self.ops.call(advance_phase, self.client_id, to, on, reason=reason, level=level, closure=closure)
            if done is not None:
                self.stepper.show(to.value)
            return done is not None

        dialog = PhaseMoveDialog(client, submit, self)
        if state is not None:
            dialog.restore(state)
        client_id = self.client_id
        dialog.reopen = lambda work, kept: work.reopen_for_client(client_id, lambda ws: ws.open_move_dialog(kept))
        return open_dialog(dialog)

    def open_level_dialog(self, state: LevelState | None = None) -> LevelDialog:
        def submit(level: MaintenanceLevel, on: date, reason: str) -> bool:
            return self.ops.call(change_level, self.client_id, level, on, reason=reason) is not None

        dialog = LevelDialog(self.file.client, submit, self)
        if state is not None:
            dialog.restore(state)
        client_id = self.client_id
        dialog.reopen = lambda work, kept: work.reopen_for_client(client_id, lambda ws: ws.open_level_dialog(kept))
        return open_dialog(dialog)

    def open_correct_dialog(self, state: CorrectionState | None = None) -> CorrectMoveDialog | None:
        change = latest_move(self.file)
        if change is None:
            return None

        def redate(on: date, reason: str) -> bool:
            return self.ops.call(redate_last_move, self.client_id, on, reason=reason) is not None

        def undo(reason: str) -> bool:
            return self.ops.call(undo_last_move, self.client_id, reason=reason) is not None

        dialog = CorrectMoveDialog(change, redate, undo, self)
        if state is not None:
            dialog.restore(state)
        client_id = self.client_id
        dialog.reopen = lambda work, kept: work.reopen_for_client(client_id, lambda ws: ws.open_correct_dialog(kept))
        return open_dialog(dialog)

    def confirm_undo_handover(self) -> None:
        client = self.file.client
        confirm(
            self,
            _("Undo the handover mark"),
            _(
                "Make {name} editable here again? Do this only if the handover did not happen or the client "
                "came back to you. The client's history keeps the mark."
            ).format(name=client.name),
            lambda: self.ops.call(undo_handover, self.client_id),
        )

    def confirm_delete(self) -> None:
        def delete() -> None:
            if self.ops.call(delete_client, self.client_id) is not None:
                self.closed.emit()

        confirm(
            self,
            _("Move to the bin"),
            _("Move {name} to the bin? The client can be restored from the bin until it is emptied.").format(
                name=self.file.client.name
            ),
            delete,
            destructive=True,
        )

    def print_form(self, kind: FormKind) -> PdfPreviewDialog | None:
        """Preview a filled form. Printing records nothing: signing is the coach's own step."""
        return preview_client_form(self, self.ops, kind, self.client_id, large_print=self.large_print)
