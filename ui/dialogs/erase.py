"""Clients past the retention period, for review: the coach ticks whom to erase and *Erase for good* removes
them with all their history (on a worker thread), then shows the erasure log entry to print (no names)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain.dates import format_date
from tyokykyapp.forms.erasure_log import erasure_log_pdf
from tyokykyapp.forms.render import PrintedForm
from tyokykyapp.i18n import N_, _, current_language, ngettext, using_language
from tyokykyapp.services import coach_details, organisation_details
from tyokykyapp.services.retention import Erased, PastRetention, erase_clients, erasure_log, past_retention
from ui.dialogs import open_dialog
from ui.dialogs.ask import confirm
from ui.operations import Operations
from ui.theme import sized
from ui.widgets.fitted_columns import FittedColumns
from ui.widgets.named import message_label, named
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.texts import at_left, paragraph, titled_page

COLUMNS = (N_("Client"), N_("Service ended"), N_("Kept until"), N_("In the bin"))


class EraseDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseDialog")
        self.setWindowTitle(_("Past the retention period"))
        self.ops = ops
        self.items: list[PastRetention] = []
        self.pages = QStackedWidget()
        self.pages.addWidget(self._review_page())
        self.pages.addWidget(self._done_page())
        QVBoxLayout(self).addWidget(self.pages)
        sized(self, 760, 520)
        self.reload()

    def _review_page(self) -> QWidget:
        page, layout = titled_page(_("Past the retention period"))
        self.intro = paragraph("")
        layout.addWidget(self.intro)
        self.table = named(QTableWidget(0, len(COLUMNS)), "retentionList", _("Clients past the retention period"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns = FittedColumns(self.table, stretch=(0,))  # names give way first; never scrolls sideways
        self.table.itemChanged.connect(self._count_ticked)
        layout.addWidget(self.table, 1)
        self.message = message_label("eraseMessage")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.erase_button = named(QPushButton(_("Erase for good…")), "eraseForGoodButton")
        self.erase_button.clicked.connect(self.ask_to_erase)
        log = named(QPushButton(_("Print the erasure log…")), "printErasureLogButton")
        log.clicked.connect(self.print_log)
        close = named(QPushButton(_("Close")), "closeEraseButton")
        close.clicked.connect(self.reject)
        buttons.addWidget(log)
        buttons.addStretch()
        buttons.addWidget(self.erase_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page, layout = titled_page(_("Erased"))
        self.done_text = named(paragraph(""), "erasureLogEntry")
        layout.addWidget(self.done_text)
        layout.addWidget(
            paragraph(
                _(
                    "The erasure log names no one. Backups made before today still hold these clients until"
                    " they are removed as they age (at most about a year)."
                )
            )
        )
        log = named(QPushButton(_("Print the erasure log…")), "printErasureLogAfterButton")
        log.clicked.connect(self.print_log)
        layout.addWidget(at_left(log))
        layout.addStretch()
        close = named(QPushButton(_("Close")), "closeErasedButton")
        close.clicked.connect(self.accept)
        layout.addWidget(at_left(close))
        return page

    def reload(self) -> None:
        self.items = self.ops.query(past_retention) or []
        years = self.ops.query(lambda vault: organisation_details(vault).retention_years)
        self.intro.setText(
            ngettext(
                "Closed clients are kept {years} year after the service ended (Settings: your organisation)."
                " These are past it. Untick anyone to keep; erasing removes the client and all their records"
                " and history for good.",
                "Closed clients are kept {years} years after the service ended (Settings: your organisation)."
                " These are past it. Untick anyone to keep; erasing removes the client and all their records"
                " and history for good.",
                years or 0,
            ).format(years=years)
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            name = QTableWidgetItem(item.name)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked)
            cells = [
                name,
                QTableWidgetItem(format_date(item.closed_on)),
                QTableWidgetItem(format_date(item.kept_until)),
            ]
            cells.append(QTableWidgetItem(_("yes") if item.in_bin else ""))
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.columns.fit()  # the cells were set after the rows were inserted
        self._count_ticked()

    def ticked(self) -> list[str]:
        return [
            item.id
            for row, item in enumerate(self.items)
            if (cell := self.table.item(row, 0)) is not None and cell.checkState() == Qt.CheckState.Checked
        ]

    def _count_ticked(self) -> None:
        n = len(self.ticked())
        self.erase_button.setEnabled(n > 0)
        self.message.setText(
            ngettext("{n} client ticked.", "{n} clients ticked.", n).format(n=n)
            if self.items
            else _("No client is past the retention period.")
        )

    def ask_to_erase(self) -> None:
        ids = self.ticked()
        if not ids:
            return
        confirm(
            self,
            _("Erase for good"),
            ngettext(
                "Erase {n} client and every record and earlier version about them for good? This cannot be undone.",
                "Erase {n} clients and every record and earlier version about them for good? This cannot be undone.",
                len(ids),
            ).format(n=len(ids)),
            lambda: self.erase(ids),
            destructive=True,
        )

    def erase(self, ids: list[str]) -> None:
        self.ops.run_in_background(self, _("Erasing…"), erase_clients, ids, on_done=self._erased)

    def _erased(self, erased: Erased) -> None:
        text = erased.entry.describe()
        if erased.note():
            text += "\n\n" + erased.note()
        self.done_text.setText(text)
        self.pages.setCurrentIndex(1)

    def print_log(self) -> PdfPreviewDialog | None:
        read = self.ops.query(
            lambda vault: (vault, erasure_log(vault), coach_details(vault), organisation_details(vault))
        )
        if read is None:
            return None
        vault, entries, coach, organisation = read

        def render(lang: str, large: bool) -> PrintedForm:
            with using_language(lang):
                return PrintedForm(
                    erasure_log_pdf(
                        entries, coach=coach, retention_years=organisation.retention_years, large_print=large
                    )
                )

        return open_dialog(
            PdfPreviewDialog(
                _("Erasure log"),
                render,
                language=current_language(),
                large_print=False,
                personal=False,  # no names in it
                file_name=f"erasure-log-{datetime.now(UTC).date().isoformat()}.pdf",
                report=self.ops.show_error,
                still_open=lambda: self.ops.holds(vault),
                parent=self,
            )
        )
