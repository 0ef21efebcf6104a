"""Handing clients over (Export…) and receiving them (Import…): the same choices as the command line,
with a progress bar, the passphrase shown once, and the file checked whole before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import Phase, UserError
from tyokykyapp.forms.render import PrintedForm
from tyokykyapp.handover import (
    ConflictPolicy,
    ExportResult,
    Status,
    export_clients,
    generate_handover_passphrase,
    merge,
    read_handover,
    select_clients,
    summarize,
)
from tyokykyapp.handover.payload import Handover
from tyokykyapp.handover.receipt import handover_receipt
from tyokykyapp.i18n import N_, _, current_language, using_language
from ui.operations import Operations
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


def _progress_callback(bar: QProgressBar) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        bar.setMaximum(max(total, 1))
        bar.setValue(done)
        QApplication.processEvents()

    return report


def _big_label(name: str) -> QLabel:
    label = named(QLabel(), name)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(18)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ExportDialog(QDialog):
    def __init__(self, ops: Operations, selected: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Hand clients over"))
        self.ops, self.selected = ops, selected
        self.result_: ExportResult | None = None
        self.receiver_name = ""
        self.path: Path | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choices_page())
        self.pages.addWidget(self._done_page())
        QVBoxLayout(self).addWidget(self.pages)
        self.resize(620, 520)

    def _choices_page(self) -> QWidget:
        page, layout = titled_page(_("Hand clients over"))
        layout.addWidget(paragraph(_("The clients' records go into one encrypted file for the next coach.")))
        self.scope_selected = named(
            QRadioButton(_("The selected clients ({n})").format(n=len(self.selected))), "scopeSelected"
        )
        self.scope_phase = named(QRadioButton(_("The clients in a phase:")), "scopePhase")
        self.scope_all = named(QRadioButton(_("All clients")), "scopeAll")
        self.phase = named(ChoiceCombo(), "exportPhase", _("Phase"))
        for phase in Phase:
            self.phase.add(phase, phase.label)
        self.scope_selected.setEnabled(bool(self.selected))
        (self.scope_selected if self.selected else self.scope_all).setChecked(True)
        layout.addWidget(self.scope_selected)
        row = QHBoxLayout()
        row.addWidget(self.scope_phase)
        row.addWidget(self.phase, 1)
        layout.addLayout(row)
        layout.addWidget(self.scope_all)
        form = QFormLayout()
        self.receiver = named(QLineEdit(), "receiverEdit", _("Receiver"))
        form.addRow(_("Receiver (name, organisation)"), self.receiver)
        layout.addLayout(form)
        self.mark = named(QCheckBox(_("Mark the clients handed over: read-only in my vault")), "markHandedOver")
        layout.addWidget(self.mark)
        self.generate = named(QRadioButton(_("Make a passphrase for me (easy to read aloud)")), "generatePassphrase")
        self.choose = named(QRadioButton(_("I choose the passphrase:")), "choosePassphrase")
        self.generate.setChecked(True)
        self.chosen = PassphrasePair()
        self.chosen.setEnabled(False)
        self.choose.toggled.connect(self.chosen.setEnabled)
        for widget in (self.generate, self.choose, self.chosen):
            layout.addWidget(widget)
        self.progress = named(QProgressBar(), "exportProgress", _("Progress"))
        layout.addWidget(self.progress)
        self.message = message_label("exportMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = named(QPushButton(_("Choose the file and hand over…")), "exportButton")
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self._ask_path_and_export)
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

    def client_ids(self) -> list[str]:
        vault = self.ops.require_vault()
        if self.scope_selected.isChecked():
            return select_clients(vault, self.selected)
        if self.scope_phase.isChecked():
            return select_clients(vault, phase=self.phase.value())
        return select_clients(vault)

    def _ask_path_and_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the handover file"), "handover.tyokyky", _("Handover files (*.tyokyky)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        if self.choose.isChecked():
            problem = self.chosen.problem()
            if problem:
                self.message.setText(problem)
                return False
            passphrase = self.chosen.value()
        else:
            passphrase = generate_handover_passphrase()
        client_ids = self.client_ids()
        if not client_ids:
            self.message.setText(_("No clients to hand over."))
            return False
        mark = self.receiver.text().strip() if self.mark.isChecked() else None
        result = self.ops.call(
            export_clients,
            client_ids,
            path,
            passphrase,
            mark_handed_over_to=mark,
            progress=_progress_callback(self.progress),
        )
        if result is None:
            return False
        if result.changes.client_ids:
            self.ops.changed.emit(result.changes)
        # What the receipt prints, kept as it was at the export (the receipt is built in the background).
        self.result_, self.path, self.receiver_name = result, path, self.receiver.text().strip()
        self.chosen.clear()
        self.done_text.setText(
            _("{clients} clients ({records} records) are in {path}.").format(
                clients=result.clients, records=result.records, path=path
            )
        )
        generated = not self.choose.isChecked()
        self.passphrase_label.setText(passphrase if generated else "")
        self.passphrase_intro.setVisible(generated)
        self.pages.setCurrentIndex(1)
        return True

    def receipt_pdf(self, lang: str | None = None, large_print: bool = False) -> bytes:
        assert self.result_ is not None and self.path is not None
        with using_language(lang or current_language()):
            return handover_receipt(
                self.result_.handover, receiver=self.receiver_name, file_name=self.path.name, large_print=large_print
            )

    def print_receipt(self) -> PdfPreviewDialog:
        """The receipt previewed from memory, to print; saving it warns that it names the clients."""
        dialog = PdfPreviewDialog(
            _("Handover receipt"),
            lambda lang, large: PrintedForm(self.receipt_pdf(lang, large)),
            language=current_language(),
            large_print=False,
            personal=True,
            file_name="handover-receipt.pdf",
            report=self.ops.show_error,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def reject(self) -> None:
        self.passphrase_label.clear()
        super().reject()

    def accept(self) -> None:
        self.passphrase_label.clear()  # the passphrase does not stay in any widget
        super().accept()


class ImportDialog(QDialog):
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
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        form.addRow(_("Handover file"), file_row)
        self.passphrase = named(QLineEdit(), "handoverPassphraseEdit", _("Handover passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Handover passphrase"), self.passphrase)
        layout.addLayout(form)
        check = named(QPushButton(_("Check the file")), "checkFileButton")
        check.clicked.connect(self.check_file)
        layout.addWidget(check, 0, Qt.AlignmentFlag.AlignLeft)
        self.about = message_label("importAbout")
        layout.addWidget(self.about)
        self.table = named(QTableWidget(0, 4), "importClients", _("Clients in the file"))
        self.table.setHorizontalHeaderLabels([_("Client"), _("Phase"), _("Meetings"), _("Status")])
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        policy_row = QHBoxLayout()
        self.policy_label = QLabel(_("When a client is already here and differs:"))
        self.policy = named(ChoiceCombo(), "conflictPolicy", _("When a client is already here and differs"))
        for policy, label in POLICY_LABELS.items():
            self.policy.add(policy, _(label))
        policy_row.addWidget(self.policy_label)
        policy_row.addWidget(self.policy, 1)
        layout.addLayout(policy_row)
        self.progress = named(QProgressBar(), "importProgress", _("Progress"))
        layout.addWidget(self.progress)
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
        self.resize(720, 560)

    def _show_policy(self, visible: bool) -> None:
        self.policy_label.setVisible(visible)
        self.policy.setVisible(visible)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open a handover file"), "", _("Handover files (*.tyokyky)")
        )
        if path:
            self.file.setText(path)

    def check_file(self) -> bool:
        """Read and verify the whole file and show what is in it; nothing is written."""
        self.handover = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        try:
            handover = read_handover(Path(self.file.text().strip()), self.passphrase.text())
        except UserError as error:
            self.message.setText(str(error))
            return False
        self.passphrase.clear()
        summary = summarize(self.ops.require_vault(), handover)
        self.about.setText(
            _("From {coach} ({organisation}), made {created}.").format(
                coach=summary.coach or "—", organisation=summary.organisation or "—", created=summary.created_at
            )
        )
        for plan in summary.clients:
            row = self.table.rowCount()
            self.table.insertRow(row)
            phase = Phase(plan.phase).label if plan.phase in {p.value for p in Phase} else plan.phase
            for column, text in enumerate((plan.name, phase, str(plan.meetings), _(STATUS_LABELS[plan.status]))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._show_policy(any(p.status is Status.CONFLICT for p in summary.clients))
        self.message.setText(_("The file is intact. Nothing has been written yet."))
        self.handover = handover
        self.import_button.setEnabled(True)
        return True

    def do_import(self) -> bool:
        if self.handover is None:
            return False
        result = self.ops.call(merge, self.handover, self.policy.value(), _progress_callback(self.progress))
        if result is None:
            return False
        self.ops.changed.emit(result.changes)
        self.message.setText(result.describe())
        self.import_button.setEnabled(False)
        self.handover = None
        return True
