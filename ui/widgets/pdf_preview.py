"""Previewing a printed document from memory, with Print (the system print dialog) and Save as PDF…
(which warns first when the document names a client). Nothing is written to disk unless the coach saves.
Language and large print can be changed in the preview; the document is rebuilt in memory.

The document is built on a worker thread (a busy client's access report takes seconds) while the window
shows that it is busy and keeps answering: the auto-lock can fire meanwhile. A result that arrives after
the vault was locked, after the dialog closed or after a newer build was asked for is dropped."""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from functools import cache
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QRunnable,
    QSize,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import UserError
from tyokykyapp.forms.render import PrintedForm
from tyokykyapp.i18n import LANGUAGE_NAMES, _
from tyokykyapp.vault.files import write_atomically
from ui.dialogs import open_dialog
from ui.dialogs.ask import Cancel, Save, ask
from ui.dialogs.files import choose_save_path
from ui.theme import sized
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.named import message_label, named

Render = Callable[[str, bool], PrintedForm]  # (language, large print) -> the document; called off the GUI thread


class _Build(QRunnable):
    """One build of a document on a pool thread. `render` must not touch widgets or the vault: it works on
    what was read from them before."""

    def __init__(self, builder: _Builder, render: Render, language: str, large_print: bool, number: int) -> None:
        super().__init__()
        self.builder, self.render, self.language, self.large_print = builder, render, language, large_print
        self.number = number

    def run(self) -> None:
        try:
            printed = self.render(self.language, self.large_print)
        except UserError as error:
            self.builder.finished.emit(self.number, None, str(error))
        except Exception as error:  # a bug: one line, no traceback (it could carry client data)
            self.builder.finished.emit(
                self.number, None, f"{_('Internal error')} ({type(error).__name__}). {_('Please report it.')}"
            )
        else:
            self.builder.finished.emit(self.number, printed, "")


class _Builder(QObject):
    """Runs builds on the thread pool and hands each result to its dialog on the GUI thread, if the dialog
    still exists: a dialog deleted meanwhile (the work area is torn down when the vault locks) is skipped."""

    finished = Signal(int, object, str)  # build number, PrintedForm or None, error message

    def __init__(self) -> None:
        super().__init__()
        self.numbers = itertools.count(1)
        self.waiting: dict[int, tuple[_Build, weakref.ref[PdfPreviewDialog]]] = {}
        self.finished.connect(self._deliver)  # emitted on a pool thread, run here on the GUI thread
        application = QCoreApplication.instance()
        if application is not None:
            # A build still running when the app quits finishes first: Python must not be torn down under it.
            application.aboutToQuit.connect(lambda: QThreadPool.globalInstance().waitForDone())

    def start(self, dialog: PdfPreviewDialog, render: Render, language: str, large_print: bool) -> int:
        number = next(self.numbers)
        build = _Build(self, render, language, large_print, number)
        build.setAutoDelete(False)  # kept in `waiting` until it reports
        self.waiting[number] = (build, weakref.ref(dialog))
        QThreadPool.globalInstance().start(build)
        return number

    def _deliver(self, number: int, printed: PrintedForm | None, error: str) -> None:
        _build, reference = self.waiting.pop(number)
        dialog = reference()
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.take(number, printed, error)


@cache
def _builder() -> _Builder:
    return _Builder()  # made on the GUI thread, by the first preview


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        title: str,
        render: Render,
        *,
        language: str,
        large_print: bool,
        personal: bool,
        file_name: str,
        report: Callable[[str], None],
        still_open: Callable[[], bool] = lambda: True,
        parent: QWidget | None = None,
    ) -> None:
        """`still_open` says whether what the document is made of may still be shown (False once the vault
        is locked): a build that finishes after that is dropped and the preview closes."""
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.render_pdf, self.personal, self.file_name, self.report = render, personal, file_name, report
        self.still_open = still_open
        self.pdf = b""
        self.latest = 0  # the build whose result is wanted; any other result is dropped
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = named(QPdfView(self), "pdfView", title)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        bar = QHBoxLayout()
        self.language = named(ChoiceCombo(), "formLanguage", _("Language of the form"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.add(code, name)
        self.language.select(language)
        self.large = named(QCheckBox(_("Large print")), "largePrint")
        self.large.setChecked(large_print)
        self.print_button = named(QPushButton(_("Print…")), "printButton")
        self.save_button = named(QPushButton(_("Save as PDF…")), "savePdfButton")
        close = named(QPushButton(_("Close")), "closePreviewButton")
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.accept)
        for widget in (self.language, self.large):
            bar.addWidget(widget)
        bar.addStretch()
        for button in (self.print_button, self.save_button, close):
            bar.addWidget(button)
        self.busy = named(QProgressBar(), "previewBusy", _("Making the document…"))
        self.busy.setRange(0, 0)  # an indicator that moves while the document is made
        self.busy.setFormat(_("Making the document…"))
        self.busy.setTextVisible(True)
        self.warning = message_label("previewWarning")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.busy)
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)
        self.language.currentIndexChanged.connect(self.rebuild)
        self.large.toggled.connect(self.rebuild)
        sized(self, 820, 900)
        self.rebuild()

    @property
    def ready(self) -> bool:
        """The document asked for last is shown (or its error was reported)."""
        return self.latest == 0

    def rebuild(self) -> None:
        """Ask for the document in the chosen language and size; it is shown when it is ready."""
        self._set_busy(True)
        self.latest = _builder().start(self, self.render_pdf, self.language.value(), self.large.isChecked())

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.print_button.setEnabled(not busy and bool(self.pdf))
        self.save_button.setEnabled(not busy and bool(self.pdf))

    def take(self, number: int, printed: PrintedForm | None, error: str) -> None:
        """A build finished: show it if it is the one asked for last and the vault is still open."""
        if number != self.latest:
            return
        self.latest = 0
        if not self.still_open():
            self.reject()  # the vault was locked meanwhile: nothing of it is shown
            return
        if printed is None:
            self._set_busy(False)
            self.report(error)
            return
        self.pdf = printed.pdf
        self._set_busy(False)
        self.warning.setText(printed.warning)
        self.warning.setVisible(bool(printed.warning))
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(self.pdf))  # in memory only
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page rendered from the in-memory document at the printer's resolution."""
        painter = QPainter()
        if not painter.begin(printer):
            self.report(_("The printer could not be started."))
            return
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                points = self.document.pagePointSize(page)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                painter.drawImage(QRect(QPoint(0, 0), size), self.document.render(page, size))
        finally:
            painter.end()

    def print_dialog(self) -> QPrintDialog:
        """The system print dialog, opened without blocking (see ui/dialogs)."""
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        dialog.accepted.connect(lambda: self.print_to(self._printer))
        return open_dialog(dialog)

    def save_as(self) -> None:
        if self.personal:
            ask(
                self,
                _("Not encrypted"),
                _("This document names the client. A saved PDF is an ordinary, unencrypted file. Save it anyway?"),
                lambda answer: self._choose_path() if answer == Save else None,
                (Save, Cancel),
                default=Cancel,
                icon=QMessageBox.Icon.Warning,
            )
        else:
            self._choose_path()

    def _choose_path(self) -> None:
        choose_save_path(self, _("Save as PDF"), self.file_name, "PDF (*.pdf)", self.save_to)

    def save_to(self, path: Path) -> bool:
        try:
            write_atomically(path, self.pdf)
        except UserError as error:
            self.report(str(error))
            return False
        return True

    def done(self, result: int) -> None:
        self.latest = -1  # a build still running reports to no one
        self.document.close()  # drop the rendered document from memory
        self.pdf = b""
        super().done(result)
