"""Previewing a printed document from memory, with Print (the system print dialog) and Save as PDF…
(which warns first when the document names a client). Nothing is written to disk unless the coach saves.
Language and large print can be changed in the preview; the document is rebuilt in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import UserError
from tyokykyapp.i18n import LANGUAGE_NAMES, _
from tyokykyapp.vault.files import write_atomically
from ui.dialogs import open_dialog
from ui.dialogs.ask import Cancel, Save, ask
from ui.dialogs.files import choose_save_path
from ui.widgets.choice_combo import ChoiceCombo
from ui.widgets.named import named

Render = Callable[[str, bool], bytes]  # (language, large print) -> PDF bytes


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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.render_pdf, self.personal, self.file_name, self.report = render, personal, file_name, report
        self.pdf = b""
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
        print_button = named(QPushButton(_("Print…")), "printButton")
        save = named(QPushButton(_("Save as PDF…")), "savePdfButton")
        close = named(QPushButton(_("Close")), "closePreviewButton")
        print_button.clicked.connect(self.print_dialog)
        save.clicked.connect(self.save_as)
        close.clicked.connect(self.accept)
        for widget in (self.language, self.large):
            bar.addWidget(widget)
        bar.addStretch()
        for button in (print_button, save, close):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.language.currentIndexChanged.connect(self.rebuild)
        self.large.toggled.connect(self.rebuild)
        self.resize(820, 900)
        self.rebuild()

    def rebuild(self) -> None:
        try:
            self.pdf = self.render_pdf(self.language.value(), self.large.isChecked())
        except UserError as error:
            self.report(str(error))
            return
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
        self.document.close()  # drop the rendered document from memory
        self.pdf = b""
        super().done(result)
