"""Tuo taulukosta…: bringing a caseload in from a spreadsheet, step by step: the file, its sheets and columns
(each column's field chosen, with the first values shown), the check of every row, then the import.

Reading, checking and writing run on a worker thread behind a progress window; nothing is written before
the coach has read the report and confirmed. Nothing here is kept through a lock: the file stays where it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.i18n import _, ngettext
from tyokykyapp.sheets.cells import cell_text
from tyokykyapp.sheets.columns import COLUMNS, SheetKind, recognise
from tyokykyapp.sheets.importing import ImportPlan, ImportResult, choose_sheets, header_row, plan_import, run_import
from tyokykyapp.sheets.reading import Sheet, Workbook, read_workbook
from tyokykyapp.sheets.rows import Problem
from tyokykyapp.vault import Vault
from ui.dialogs.ask import confirm
from ui.dialogs.files import choose_open_path
from ui.operations import Operations, Progress
from ui.theme import primary, sized
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.fitted_columns import FittedColumns
from ui.widgets.named import message_label, named
from ui.widgets.texts import paragraph, titled_page

PREVIEW_ROWS = 3
FILE_PAGE, COLUMNS_PAGE, REPORT_PAGE, DONE_PAGE = range(4)
SPREADSHEETS = "*.xlsx *.ods *.csv"


class ColumnTable(QTableWidget):
    """One sheet's columns: the header as written, the field it is read as (chosen), its first values."""

    def __init__(self, kind: SheetKind, name: str) -> None:
        super().__init__(0, 3)
        self.setObjectName(name)
        self.kind = kind
        self.headers: list[str] = []
        self.setHorizontalHeaderLabels([_("Column in the file"), _("Read as"), _("First values")])
        self.setAccessibleName(_("Columns of the sheet and what each is read as"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The width left for the columns never changes as rows come: they are fitted while the table may be hidden.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWordWrap(False)
        self.horizontalHeader().setMinimumSectionSize(24)
        self.columns = FittedColumns(self, stretch=(0, 2))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()

    def show_sheet(self, sheet: Sheet | None) -> None:
        self.setRowCount(0)
        self.headers = []
        if sheet is None or not sheet.rows:
            return
        top = header_row(sheet, self.kind)
        self.headers = [cell_text(c) for c in sheet.rows[top]]
        mapping = recognise(self.headers, self.kind)
        chosen = {index: key for key, index in mapping.columns.items()}
        below = sheet.rows[top + 1 : top + 1 + PREVIEW_ROWS]
        for index, text in enumerate(self.headers):
            if not text:
                continue
            row = self.rowCount()
            self.insertRow(row)
            self.setItem(row, 0, QTableWidgetItem(text))
            combo = named(ChoiceCombo(), f"field_{index}", _("Read {column} as").format(column=text))
            combo.add("", _("— not imported —"))
            for column in COLUMNS[self.kind]:
                combo.add(column.key, _(column.label))
            combo.select(chosen.get(index, ""))
            self.setCellWidget(row, 1, combo)
            self.setRowHeight(row, max(self.rowHeight(row), combo.sizeHint().height()))  # a whole combo, any size
            values = [cell_text(r[index]) for r in below if index < len(r)]
            self.setItem(row, 2, QTableWidgetItem(" · ".join(v for v in values if v)))
        self.columns.fit()

    def combo(self, header: str) -> ChoiceCombo:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            widget = self.cellWidget(row, 1)
            if item is not None and item.text() == header and isinstance(widget, ChoiceCombo):
                return widget
        raise KeyError(header)

    def overrides(self) -> dict[str, str]:
        """The coach's choice for every column, as --map gives it (header → field, "" to leave it out)."""
        result = {}
        for row in range(self.rowCount()):
            item, widget = self.item(row, 0), self.cellWidget(row, 1)
            if item is not None and isinstance(widget, ChoiceCombo):
                result[item.text()] = widget.value()
        return result


class SheetImportDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetImportDialog")
        self.setWindowTitle(_("Import from a spreadsheet"))
        self.ops = ops
        self.book: Workbook | None = None
        self.jobs_book: Workbook | None = None
        self.plan: ImportPlan | None = None
        self.pages = QStackedWidget()
        for page in (self._file_page(), self._columns_page(), self._report_page(), self._done_page()):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.message = message_label("sheetImportMessage")
        layout.addWidget(self.message)
        # Back, then forward, then Cancel, in reading order on every platform (a button box reorders them).
        buttons = QHBoxLayout()
        self.back_button = named(QPushButton(_("Back")), "backButton")
        self.next_button = primary(named(QPushButton(_("Next")), "nextButton"))
        self.cancel_button = cancel = named(QPushButton(_("Cancel")), "cancelButton")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        cancel.clicked.connect(self.reject)
        buttons.addStretch()
        for widget in (self.back_button, self.next_button, cancel):
            buttons.addWidget(widget)
        layout.addLayout(buttons)
        self._show_page(FILE_PAGE)
        sized(self, 820, 600)

    # --- pages -------------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page, layout = titled_page(_("Import from a spreadsheet"))
        layout.addWidget(
            paragraph(
                _(
                    "Bring your client list in from Excel, LibreOffice or a CSV file. Nothing is written until "
                    "you have seen what the file holds and confirmed."
                )
            )
        )
        form = QFormLayout()
        self.file = named(QLineEdit(), "sheetFileEdit", _("Spreadsheet file"))
        self.jobs_file = named(QLineEdit(), "jobsFileEdit", _("Jobs in a separate CSV file (optional)"))
        for edit, label, caption in (
            (self.file, _("Spreadsheet file"), _("Open a spreadsheet")),
            (self.jobs_file, _("Jobs in a separate CSV file (optional)"), _("Open the jobs file")),
        ):
            row = QHBoxLayout()
            browse = QPushButton(_("Browse…"))
            browse.clicked.connect(lambda _checked=False, e=edit, c=caption: self.browse(e, c))
            row.addWidget(edit, 1)
            row.addWidget(browse)
            form.addRow(label, row)
        layout.addLayout(form)
        layout.addWidget(paragraph(_("Supported: .xlsx, .ods and .csv (UTF-8 or Windows-1252, ; or ,).")))
        layout.addStretch()
        return page

    def _columns_page(self) -> QWidget:
        page, layout = titled_page(_("Sheets and columns"))
        form = QFormLayout()
        self.client_sheet = named(ChoiceCombo(), "clientSheetCombo", _("Sheet of clients"))
        self.job_sheet = named(ChoiceCombo(), "jobSheetCombo", _("Sheet of jobs"))
        form.addRow(_("Sheet of clients"), self.client_sheet)
        form.addRow(_("Sheet of jobs"), self.job_sheet)
        layout.addLayout(form)
        layout.addWidget(paragraph(_("Check what each column is read as. Columns not imported are left out.")))
        self.client_columns = ColumnTable(SheetKind.CLIENTS, "clientColumns")
        self.job_columns = ColumnTable(SheetKind.JOBS, "jobColumns")
        layout.addWidget(QLabel("<b>" + _("Clients") + "</b>"))
        layout.addWidget(self.client_columns, 2)
        self.job_columns_label = QLabel("<b>" + _("Jobs") + "</b>")
        layout.addWidget(self.job_columns_label)
        layout.addWidget(self.job_columns, 1)
        self.client_sheet.currentIndexChanged.connect(lambda: self.client_columns.show_sheet(self.client_sheet.value()))
        self.job_sheet.currentIndexChanged.connect(self._job_sheet_chosen)
        return page

    def _report_page(self) -> QWidget:
        page, layout = titled_page(_("Check before importing"))
        self.summary = named(QLabel(), "sheetImportSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = named(QTableWidget(0, 4), "sheetImportProblems", _("Rows that cannot be imported"))
        self.problems.setHorizontalHeaderLabels([_("Sheet"), _("Row"), _("Column"), _("Why")])
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setWordWrap(False)
        FittedColumns(self.problems, stretch=(3,))
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().hide()
        layout.addWidget(self.problems, 1)
        self.notes = named(QLabel(), "sheetImportNotes")
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.skip_invalid = named(
            QCheckBox(_("Import the rows that pass and leave the refused ones out")), "skipInvalidCheck"
        )
        self.skip_invalid.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_invalid)
        return page

    def _done_page(self) -> QWidget:
        page, layout = titled_page(_("Imported"))
        self.done_text = named(QLabel(), "sheetImportDone")
        self.done_text.setWordWrap(True)
        layout.addWidget(self.done_text)
        layout.addStretch()
        return page

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index in (COLUMNS_PAGE, REPORT_PAGE))
        self.cancel_button.setVisible(index != DONE_PAGE)
        texts = {
            FILE_PAGE: _("Next"),
            COLUMNS_PAGE: _("Check the rows"),
            REPORT_PAGE: _("Import"),
            DONE_PAGE: _("Close"),
        }
        self.next_button.setText(texts[index])
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self.pages.currentIndex() == REPORT_PAGE:
            plan = self.plan
            refused = plan is None or (bool(plan.problems) and not self.skip_invalid.isChecked())
            self.next_button.setEnabled(not refused)
        else:
            self.next_button.setEnabled(True)

    # --- steps -------------------------------------------------------------------------------------

    def browse(self, edit: QLineEdit, caption: str) -> None:
        choose_open_path(
            self, caption, _("Spreadsheets ({patterns})").format(patterns=SPREADSHEETS), lambda p: edit.setText(str(p))
        )

    def back(self) -> None:
        self.message.clear()
        self._show_page(max(self.pages.currentIndex() - 1, FILE_PAGE))

    def next(self) -> bool:
        page = self.pages.currentIndex()
        if page == FILE_PAGE:
            return self.read_file()
        if page == COLUMNS_PAGE:
            return self.check_rows()
        if page == REPORT_PAGE:
            return self.confirm_import()
        self.accept()
        return True

    def read_file(self) -> bool:
        """Read the file(s) on a worker thread (bounded: a hostile file is refused with one line)."""
        name, jobs = self.file.text().strip(), self.jobs_file.text().strip()
        if not name:
            self.message.setText(_("Choose the file first."))
            return False
        self.message.clear()

        def read(_progress: Progress) -> tuple[Workbook, Workbook | None]:
            return read_workbook(Path(name)), read_workbook(Path(jobs)) if jobs else None

        return (
            self.ops.run_job(self, _("Reading the file…"), read, self._read, on_error=self.message.setText) is not None
        )

    def _read(self, books: tuple[Workbook, Workbook | None]) -> None:
        self.book, self.jobs_book = books
        clients, jobs = choose_sheets(*books)
        self.client_sheet.blockSignals(True)
        self.job_sheet.blockSignals(True)
        self.client_sheet.clear()
        self.job_sheet.clear()
        self.job_sheet.add(None, _("No jobs"))
        sheets = [*books[0].sheets, *(books[1].sheets[:1] if books[1] else [])]
        for sheet in sheets:
            self.client_sheet.add(sheet, sheet.name)
            self.job_sheet.add(sheet, sheet.name)
        self.client_sheet.select(clients)
        self.job_sheet.select(jobs)
        self.client_sheet.blockSignals(False)
        self.job_sheet.blockSignals(False)
        self.client_columns.show_sheet(clients)
        self._job_sheet_chosen()
        self._show_page(COLUMNS_PAGE)

    def _job_sheet_chosen(self) -> None:
        sheet = self.job_sheet.value()
        self.job_columns.show_sheet(sheet)
        self.job_columns.setVisible(sheet is not None)
        self.job_columns_label.setVisible(sheet is not None)

    def check_rows(self) -> bool:
        """Check every row against the vault on a worker thread; nothing is written."""
        clients, jobs = self.client_sheet.value(), self.job_sheet.value()
        if clients is None:
            self.message.setText(_("Choose the sheet of clients."))
            return False
        overrides = self.client_columns.overrides() | self.job_columns.overrides()
        self.message.clear()

        def check(vault: Vault, progress: Progress) -> ImportPlan:
            return plan_import(
                vault, clients, jobs if jobs is not clients else None, overrides=overrides, progress=progress
            )

        job = self.ops.run_in_background(self, _("Checking the rows…"), check, on_done=self._checked)
        return job is not None

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        new_employers = len(plan.employers)
        self.summary.setText(
            " ".join(
                (
                    ngettext("{n} new client,", "{n} new clients,", len(plan.clients)).format(n=len(plan.clients)),
                    ngettext("{n} already in the vault,", "{n} already in the vault,", plan.matched).format(
                        n=plan.matched
                    ),
                    ngettext("{n} job", "{n} jobs", len(plan.employments)).format(n=len(plan.employments)),
                    ngettext("and {n} new employer.", "and {n} new employers.", new_employers).format(n=new_employers),
                )
            )
        )
        self._fill_problems(plan.problems)
        notes = [_("Row {row}: {message}").format(row=n.row, message=n.message) for n in plan.notices]
        notes += [_("Column left out: {header} ({sheet})").format(header=h, sheet=s) for s, h in plan.ignored]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.skip_invalid.setChecked(False)
        self.skip_invalid.setVisible(bool(plan.problems))
        self._show_page(REPORT_PAGE)

    def _fill_problems(self, problems: list[Problem]) -> None:
        self.problems.setRowCount(0)
        self.problems.setVisible(bool(problems))
        for problem in problems:
            row = self.problems.rowCount()
            self.problems.insertRow(row)
            for column, text in enumerate((problem.sheet, str(problem.row), problem.column, problem.message)):
                self.problems.setItem(row, column, QTableWidgetItem(text))

    def confirm_import(self) -> bool:
        plan = self.plan
        if plan is None or (plan.problems and not self.skip_invalid.isChecked()):
            return False
        text = _("Import {clients} and {jobs}?").format(
            clients=ngettext("{n} client", "{n} clients", len(plan.clients)).format(n=len(plan.clients)),
            jobs=ngettext("{n} job", "{n} jobs", len(plan.employments)).format(n=len(plan.employments)),
        )
        confirm(self, _("Import from a spreadsheet"), text, self.do_import)
        return True

    def do_import(self) -> bool:
        """Write everything in one transaction on a worker thread, with the progress shown."""
        plan = self.plan
        if plan is None:
            return False
        self.plan = None
        self.next_button.setEnabled(False)
        job = self.ops.run_in_background(
            self, _("Importing…"), run_import, plan, skip_invalid=self.skip_invalid.isChecked(), on_done=self._imported
        )
        return job is not None

    def _imported(self, result: ImportResult) -> None:
        self.done_text.setText(result.describe())
        self._show_page(DONE_PAGE)
