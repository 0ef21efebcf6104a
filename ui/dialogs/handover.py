"""Handing clients over (Export…) and receiving them (Import…): the same choices as the command line, the
work on a worker thread behind a progress window, the passphrase shown once, and the file checked whole
before anything is written.

Handing over says exactly who goes ("2 clients, 85 records") and asks before writing; a missing choice
is refused, never read as "everyone". The two choices (which clients, which passphrase) are separate
button groups: in one group, choosing the passphrase used to untick the clients and send them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import Phase
from tyokykyapp.domain.dates import format_date, today
from tyokykyapp.forms.render import PrintedForm
from tyokykyapp.handover import (
    ConflictPolicy,
    ExportResult,
    ImportResult,
    ImportSummary,
    Status,
    export_clients,
    generate_handover_passphrase,
    handover_size,
    merge,
    read_handover,
    select_clients,
    summarize,
)
from tyokykyapp.handover.payload import Handover
from tyokykyapp.handover.receipt import handover_receipt
from tyokykyapp.i18n import N_, _, current_language, ngettext, using_language
from ui.dialogs import open_dialog
from ui.dialogs.ask import confirm
from ui.dialogs.files import choose_open_path, choose_save_path
from ui.dialogs.form_dialog import FormDialog
from ui.operations import Operations
from ui.theme import sized
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.named import message_label, named
from ui.widgets.passphrase_pair import PassphrasePair
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.texts import heading, paragraph, titled_page

POLICY_LABELS = {
    ConflictPolicy.KEEP_MINE: N_("Keep mine (ignore the file's copy)"),
    ConflictPolicy.TAKE_THEIRS: N_("Take theirs (mine stays in the history)"),
    ConflictPolicy.KEEP_BOTH: N_("Keep both (add the file's copy as a separate client)"),
}
STATUS_LABELS = {Status.NEW: N_("new"), Status.UNCHANGED: N_("already here"), Status.CONFLICT: N_("differs from mine")}
SCOPES = ("selected", "phase", "all")


def _big_label(name: str) -> QLabel:
    label = named(QLabel(), name)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(18)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def clients_and_records(clients: int, records: int) -> str:
    """ "2 clients, 85 records": what a handover file holds."""
    return (
        ngettext("{n} client", "{n} clients", clients).format(n=clients)
        + ", "
        + ngettext("{n} record", "{n} records", records).format(n=records)
    )


@dataclass(frozen=True)
class ExportState:
    """What was chosen in the export dialog (never the passphrase), kept through a lock."""

    scope: str | None
    phase: Phase
    receiver: str
    mark: bool
    own_passphrase: bool


class ExportDialog(FormDialog):
    def __init__(self, ops: Operations, selected: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Hand clients over"))
        self.ops, self.selected = ops, selected
        self.result_: ExportResult | None = None
        self.path: Path | None = None
        self.receiver_name = ""
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choices_page())
        self.pages.addWidget(self._done_page())
        QVBoxLayout(self).addWidget(self.pages)
        sized(self, 640, 560)
        self.mark_unchanged()
        self._show_size()

    def _choices_page(self) -> QWidget:
        page, layout = titled_page(_("Hand clients over"))
        layout.addWidget(paragraph(_("The clients' records go into one encrypted file for the next coach.")))
        layout.addWidget(QLabel("<b>" + _("Which clients") + "</b>"))
        self.scope_selected = named(
            QRadioButton(_("The selected clients ({n})").format(n=len(self.selected))), "scopeSelected"
        )
        self.scope_phase = named(QRadioButton(_("The clients in a phase:")), "scopePhase")
        self.scope_all = named(QRadioButton(_("All clients")), "scopeAll")
        # Each choice is its own group: Qt makes every radio button under one parent a single group.
        self.scopes = QButtonGroup(self)
        for button in (self.scope_selected, self.scope_phase, self.scope_all):
            self.scopes.addButton(button)
        self.phase = named(ChoiceCombo(), "exportPhase", _("Phase"))
        for phase in Phase:
            self.phase.add(phase, phase.label)
        self.scope_selected.setEnabled(bool(self.selected))
        if self.selected:
            self.scope_selected.setChecked(True)
        layout.addWidget(self.scope_selected)
        row = QHBoxLayout()
        row.addWidget(self.scope_phase)
        row.addWidget(self.phase, 1)
        layout.addLayout(row)
        layout.addWidget(self.scope_all)
        self.size_label = named(QLabel(), "handoverSize")
        layout.addWidget(self.size_label)
        self.scopes.buttonToggled.connect(lambda _button, _on: self._show_size())
        self.phase.currentIndexChanged.connect(self._phase_chosen)
        form = QFormLayout()
        self.receiver = named(QLineEdit(), "receiverEdit", _("Receiver"))
        form.addRow(_("Receiver (name, organisation)"), self.receiver)
        layout.addLayout(form)
        self.mark = named(QCheckBox(_("Mark the clients handed over: read-only in my vault")), "markHandedOver")
        layout.addWidget(self.mark)
        layout.addWidget(QLabel("<b>" + _("Passphrase of the file") + "</b>"))
        self.generate = named(QRadioButton(_("Make a passphrase for me (easy to read aloud)")), "generatePassphrase")
        self.choose = named(QRadioButton(_("I choose the passphrase:")), "choosePassphrase")
        self.passphrases = QButtonGroup(self)
        for button in (self.generate, self.choose):
            self.passphrases.addButton(button)
        self.generate.setChecked(True)
        self.chosen = PassphrasePair()
        self.chosen.setEnabled(False)
        self.choose.toggled.connect(self.chosen.setEnabled)
        for widget in (self.generate, self.choose, self.chosen):
            layout.addWidget(widget)
        self.message = message_label("exportMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = named(QPushButton(_("Choose the file and hand over…")), "exportButton")
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        return page

    def _done_page(self) -> QWidget:
        page, layout = titled_page(_("Handed over"))
        self.done_text = message_label("exportDoneText")
        layout.addWidget(self.done_text)
        self.passphrase_intro = paragraph(
            _("Tell the receiver this passphrase by phone or in person, never with the file. It is shown only now.")
        )
        layout.addWidget(self.passphrase_intro)
        self.passphrase_label = _big_label("handoverPassphraseLabel")
        layout.addWidget(self.passphrase_label)
        receipt = named(QPushButton(_("Print the receipt…")), "printReceiptButton")
        receipt.clicked.connect(self.print_receipt)
        layout.addWidget(receipt, 0, Qt.AlignmentFlag.AlignLeft)
        close = named(QPushButton(_("Close")), "exportCloseButton")
        close.clicked.connect(self.accept)
        layout.addStretch()
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # --- the choice --------------------------------------------------------------------------------

    def _phase_chosen(self) -> None:
        self.scope_phase.setChecked(True)  # choosing a phase is choosing "the clients in a phase"
        self._show_size()

    def scope(self) -> str | None:
        checked = self.scopes.checkedButton()
        return SCOPES[self.scopes.buttons().index(checked)] if checked is not None else None

    def client_ids(self) -> list[str] | None:
        """The chosen clients; None when no choice is made (never read as "all clients")."""
        scope = self.scope()
        if scope is None:
            return None
        if scope == "selected":
            return self.ops.query(select_clients, self.selected)
        if scope == "phase":
            return self.ops.query(select_clients, phase=self.phase.value())
        return self.ops.query(select_clients)

    def _show_size(self) -> None:
        ids = self.client_ids()
        size = self.ops.query(handover_size, ids) if ids else None
        self.size_label.setText(_("In the file: {what}").format(what=clients_and_records(*size)) if size else "")

    def state(self) -> ExportState:
        return ExportState(
            self.scope(), self.phase.value(), self.receiver.text(), self.mark.isChecked(), self.choose.isChecked()
        )

    def restore(self, state: ExportState) -> None:
        self.phase.select(state.phase)
        if state.scope is not None:
            self.scopes.buttons()[SCOPES.index(state.scope)].setChecked(True)
        self.receiver.setText(state.receiver)
        self.mark.setChecked(state.mark)
        (self.choose if state.own_passphrase else self.generate).setChecked(True)
        self._show_size()

    def is_dirty(self) -> bool:
        return self.pages.currentIndex() == 0 and (super().is_dirty() or bool(self.chosen.value()))

    # --- handing over ------------------------------------------------------------------------------

    def _refusal(self, client_ids: list[str] | None) -> str:
        if client_ids is None:
            return _("Choose which clients to hand over.")
        if not client_ids:
            return _("No clients to hand over.")
        if self.choose.isChecked():
            problem = self.chosen.problem()
            if problem:
                return problem
        if self.mark.isChecked() and not self.receiver.text().strip():
            return _("Name the receiver: the clients are marked handed over to them.")
        return ""

    def save(self) -> bool:
        """Check the choice, then ask for the file, then ask before writing."""
        if self.pages.currentIndex() != 0:  # already handed over (Ctrl+S on the last page)
            return False
        client_ids = self.client_ids()
        refusal = self._refusal(client_ids)
        self.message.setText(refusal)
        if refusal or client_ids is None:
            return False
        choose_save_path(
            self,
            _("Save the handover file"),
            "handover.tyokyky",
            _("Handover files (*.tyokyky)"),
            lambda path: self.confirm_export(path, client_ids),
        )
        return True

    def confirm_export(self, path: Path, client_ids: list[str]) -> None:
        clients, records = self.ops.query(handover_size, client_ids) or (len(client_ids), 0)
        text = _("Hand over {what} into {file}?").format(what=clients_and_records(clients, records), file=path.name)
        if self.mark.isChecked():
            text += " " + _("They become read-only in your vault (the mark can be undone).")
        confirm(self, _("Hand clients over"), text, lambda: self.export_to(path, client_ids))

    def export_to(self, path: Path, client_ids: list[str] | None = None) -> bool:
        """Write the file on a worker thread; the done page follows. False when refused."""
        client_ids = self.client_ids() if client_ids is None else client_ids
        refusal = self._refusal(client_ids)
        self.message.setText(refusal)
        if refusal or client_ids is None:
            return False
        own = self.choose.isChecked()
        passphrase = self.chosen.value() if own else generate_handover_passphrase()
        mark = self.receiver.text().strip() if self.mark.isChecked() else None

        def done(result: ExportResult) -> None:
            self._exported(result, path, None if own else passphrase)

        job = self.ops.run_in_background(
            self, _("Writing the handover file…"), export_clients, client_ids, path, passphrase,
            mark_handed_over_to=mark, on_done=done,
        )  # fmt: skip
        return job is not None

    def _exported(self, result: ExportResult, path: Path, generated: str | None) -> None:
        # What the receipt prints, kept as it was at the export (the receipt is built in the background).
        self.result_, self.path, self.receiver_name = result, path, self.receiver.text().strip()
        self.chosen.clear()
        self.done_text.setText(
            _("{what} are in {path}.").format(what=clients_and_records(result.clients, result.records), path=path)
        )
        self.passphrase_label.setText(generated or "")
        self.passphrase_intro.setVisible(generated is not None)
        self.pages.setCurrentIndex(1)

    def receipt_pdf(self, lang: str | None = None, large_print: bool = False) -> bytes:
        assert self.result_ is not None and self.path is not None
        with using_language(lang or current_language()):
            return handover_receipt(
                self.result_.handover, receiver=self.receiver_name, file_name=self.path.name, large_print=large_print
            )

    def print_receipt(self) -> PdfPreviewDialog:
        """The receipt previewed from memory, to print; saving it warns that it names the clients."""
        return open_dialog(
            PdfPreviewDialog(
                _("Handover receipt"),
                lambda lang, large: PrintedForm(self.receipt_pdf(lang, large)),
                language=current_language(),
                large_print=False,
                personal=True,
                file_name="handover-receipt.pdf",
                report=self.ops.show_error,
                parent=self,
            )
        )

    def done(self, result: int) -> None:
        self.passphrase_label.clear()  # the passphrase does not stay in any widget
        self.chosen.clear()
        super().done(result)


def _when(created_at: str) -> str:
    """When a handover file was made, as people read it: "23.11.2026 at 18.30, 3 days ago"."""
    try:
        made = datetime.fromisoformat(created_at)
    except ValueError:
        return created_at or "—"
    local = made.astimezone() if made.tzinfo else made.replace(tzinfo=UTC).astimezone()
    days = (today() - local.date()).days
    age = _("today") if days == 0 else ngettext("{n} day ago", "{n} days ago", days).format(n=days)
    return _("{date} at {time}, {age}").format(
        date=format_date(local.date()), time=f"{local.hour}.{local.minute:02d}", age=age
    )


class ImportDialog(QDialog):
    """Nothing typed here is kept through a lock: the file stays where it is, and the passphrase is never
    kept."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(_("Import a handover file"))
        self.ops = ops
        self.handover: Handover | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Import a handover file")))
        form = QFormLayout()
        file_row = QHBoxLayout()
        self.file = named(QLineEdit(), "importFileEdit", _("Handover file"))
        browse = named(QPushButton(_("Browse…")), "browseButton")
        browse.clicked.connect(self.browse)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        form.addRow(_("Handover file"), file_row)
        self.passphrase = named(QLineEdit(), "handoverPassphraseEdit", _("Handover passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Handover passphrase"), self.passphrase)
        layout.addLayout(form)
        self.check_button = named(QPushButton(_("Check the file")), "checkFileButton")
        self.check_button.clicked.connect(self.check_file)
        self.check_button.setDefault(True)  # Enter in the passphrase field checks the file
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.about = message_label("importAbout")
        layout.addWidget(self.about)
        self.table = named(QTableWidget(0, 4), "importClients", _("Clients in the file"))
        self.table.setHorizontalHeaderLabels([_("Client"), _("Phase"), _("Meetings"), _("Status")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        layout.addWidget(self.table)
        policy_row = QHBoxLayout()
        self.policy_label = QLabel(_("When a client is already here and differs:"))
        self.policy = named(ChoiceCombo(), "conflictPolicy", _("When a client is already here and differs"))
        for policy, label in POLICY_LABELS.items():
            self.policy.add(policy, _(label))
        policy_row.addWidget(self.policy_label)
        policy_row.addWidget(self.policy, 1)
        layout.addLayout(policy_row)
        self.message = message_label("importMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = named(QPushButton(_("Import")), "importButton")
        self.import_button.setEnabled(False)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.do_import)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_policy(False)
        sized(self, 720, 560)

    def _show_policy(self, visible: bool) -> None:
        self.policy_label.setVisible(visible)
        self.policy.setVisible(visible)

    def browse(self) -> None:
        choose_open_path(self, _("Open a handover file"), _("Handover files (*.tyokyky)"), self.choose_file)

    def choose_file(self, path: Path) -> None:
        self.file.setText(str(path))

    def check_file(self) -> bool:
        """Read and verify the whole file on a worker thread and show what is in it; nothing is written."""
        self.handover = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self.about.clear()
        name = self.file.text().strip()
        if not name:
            self.message.setText(_("Choose the handover file first."))
            return False
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        self.message.setText(_("Checking the file…"))
        job = self.ops.run_job(
            self,
            _("Checking the handover file…"),
            lambda _progress: read_handover(Path(name), passphrase),
            self._read,
            on_error=self.message.setText,
        )
        return job is not None

    def _read(self, handover: Handover) -> None:
        summary = self.ops.query(summarize, handover)
        if summary is None:
            return
        self._show_summary(summary)
        self.message.setText(_("The file is intact. Nothing has been written yet."))
        self.handover = handover
        self.import_button.setEnabled(True)

    def _show_summary(self, summary: ImportSummary) -> None:
        sender = summary.coach or "—"
        if summary.organisation:
            sender += f" ({summary.organisation})"
        self.about.setText(_("From {sender}. Made {when}.").format(sender=sender, when=_when(summary.created_at)))
        phases = {p.value: p.label for p in Phase}
        for plan in summary.clients:
            row = self.table.rowCount()
            self.table.insertRow(row)
            texts = (plan.name, phases.get(plan.phase, plan.phase), str(plan.meetings), _(STATUS_LABELS[plan.status]))
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._show_policy(any(p.status is Status.CONFLICT for p in summary.clients))

    def do_import(self) -> bool:
        if self.handover is None:
            return False
        handover, self.handover = self.handover, None
        self.import_button.setEnabled(False)
        job = self.ops.run_in_background(
            self, _("Importing…"), merge, handover, self.policy.value(), on_done=self._imported
        )
        return job is not None

    def _imported(self, result: ImportResult) -> None:
        self.message.setText(result.describe())
