"""Everything shown while the vault is open: the bar, the sections, and the client workspace. Loaded
when the vault is unlocked, not at start-up, and destroyed on lock."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.domain import Client, Record
from tyokykyapp.forms.render import FormKind, form_title
from tyokykyapp.i18n import _, current_language
from tyokykyapp.services import add_client
from ui.print_ops import BLANK_FORMS, preview_blank_form
from ui.screens.bin import BinScreen
from ui.screens.client_list import ClientListScreen
from ui.screens.employers import EmployersScreen
from ui.screens.handover_dialogs import ExportDialog, ImportDialog
from ui.screens.settings_dialog import LANGUAGE_NAMES, SettingsDialog
from ui.screens.today import TodayScreen, remember_opened
from ui.screens.workspace import ClientWorkspace
from ui.widgets.named import named
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.record_form import RecordDialog

if TYPE_CHECKING:
    from ui.app import MainWindow


class WorkArea(QWidget):
    """Everything shown while the vault is open. Built on unlock, destroyed on lock: no client data
    survives in any widget or model once locked."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.ops = window.ops
        self.workspace: ClientWorkspace | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_meeting = named(QPushButton(_("New meeting") + "  (Ctrl+M)"), "newMeetingButton")
        self.new_meeting.clicked.connect(self.new_meeting_anywhere)
        bar.addWidget(self.new_meeting)
        hand_over = named(QPushButton(_("Hand over…")), "handOverButton")
        hand_over.clicked.connect(self.open_export)
        receive = named(QPushButton(_("Import…")), "openImportButton")
        receive.clicked.connect(self.open_import)
        forms = named(QPushButton(_("Blank forms")), "blankFormsButton")
        forms_menu = QMenu(forms)
        for kind in BLANK_FORMS:
            forms_menu.addAction(form_title(kind, current_language()), functools.partial(self.print_blank, kind))
        forms.setMenu(forms_menu)
        bar.addWidget(forms)
        bar.addWidget(hand_over)
        bar.addWidget(receive)
        bar.addStretch()
        if window.demo:
            bar.addWidget(named(QLabel("⚑ " + _("Demo vault: synthetic clients only")), "demoBanner"))
            leave = named(QPushButton(_("Leave the demo")), "leaveDemoButton")
            leave.clicked.connect(window.leave_demo)
            bar.addWidget(leave)
        self.language = named(QComboBox(), "languageCombo", _("Language"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(window.prefs.get("language")))
        self.language.currentIndexChanged.connect(lambda: window.switch_language(self.language.currentData()))
        bar.addWidget(self.language)
        settings = named(QPushButton(_("Settings…")), "settingsButton")
        settings.clicked.connect(self.open_settings)
        bar.addWidget(settings)
        lock = named(QPushButton(_("Lock") + "  (Ctrl+L)"), "lockButton")
        lock.clicked.connect(window.lock)
        bar.addWidget(lock)
        layout.addLayout(bar)

        body = QHBoxLayout()
        self.nav = named(QListWidget(), "navigation", _("Sections"))
        self.content = QStackedWidget()
        self.today = TodayScreen(self.ops)
        self.clients = ClientListScreen(self.ops)
        self.employers = EmployersScreen(self.ops)
        self.bin = BinScreen(self.ops)
        for title, screen in (
            (_("Today"), self.today),
            (_("Clients"), self.clients),
            (_("Employers"), self.employers),
            (_("Bin"), self.bin),
        ):
            self.nav.addItem(title)
            self.content.addWidget(screen)
        # Wide enough for the longest section name at any text size (200 % included).
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24)
        self.nav.currentRowChanged.connect(self._show_section)
        body.addWidget(self.nav)
        body.addWidget(self.content, 1)
        layout.addLayout(body, 1)

        self.today.open_client.connect(self.open_client)
        self.today.filter_requested.connect(self._filter_clients)
        self.clients.open_client.connect(self.open_client)
        self.clients.new_client.connect(self.new_client)
        self.nav.setCurrentRow(0)

    def _show_section(self, row: int) -> None:
        if row >= 0:
            self.content.setCurrentIndex(row)

    def show_section(self, screen: QWidget) -> None:
        self.nav.setCurrentRow(self.content.indexOf(screen))

    def _filter_clients(self, phase: object, level: object) -> None:
        self.clients.show_filter(phase, level)  # type: ignore[arg-type]
        self.show_section(self.clients)

    def open_client(self, client_id: str) -> ClientWorkspace:
        if self.workspace is not None:
            if self.workspace.client_id == client_id:
                self.nav.setCurrentRow(-1)  # so choosing any section again switches back
                self.content.setCurrentWidget(self.workspace)
                return self.workspace
            self.close_client()
        self.workspace = ClientWorkspace(self.ops, client_id, large_print=self.window_.prefs.get("large_print"))
        self.workspace.closed.connect(self.close_client)
        self.content.addWidget(self.workspace)
        self.nav.setCurrentRow(-1)  # so choosing any section again switches back
        self.content.setCurrentWidget(self.workspace)
        remember_opened(self.ops, client_id)
        self.today.refresh_recent()
        return self.workspace

    def close_client(self) -> None:
        if self.workspace is not None:
            self.workspace.take_drafts()
            self.content.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self.show_section(self.clients)

    def new_client(self) -> RecordDialog:
        def save(record: Record) -> bool:
            assert isinstance(record, Client)
            if self.ops.call(add_client, record) is None:
                return False
            QTimer.singleShot(0, lambda: self._open_new_client(record.id))
            return True

        dialog = RecordDialog(Client(family_name="", given_names=""), save, self.ops.show_error, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_new_client(self, client_id: str) -> None:
        """The new client's workspace, with their service period open for the referral and the entry date."""
        workspace = self.open_client(client_id)
        episode = workspace.file.current_episode() if workspace.file else None
        if episode is not None:
            workspace.edit(episode)

    def new_meeting_anywhere(self) -> None:
        if self.workspace is None:
            rows = self.clients.view.selectionModel().selectedRows()
            if not rows:
                self.ops.show_error(_("Open or select a client first, then start the meeting."))
                return
            self.open_client(self.clients.model.client_id(rows[0].row()))
        assert self.workspace is not None
        self.workspace.add_record("meeting")

    def print_blank(self, kind: FormKind) -> PdfPreviewDialog:
        return preview_blank_form(self, self.ops, kind, large_print=self.window_.prefs.get("large_print"))

    def selected_clients(self) -> list[str]:
        if self.workspace is not None and self.content.currentWidget() is self.workspace:
            return [self.workspace.client_id]
        rows = self.clients.view.selectionModel().selectedRows()
        return [self.clients.model.client_id(index.row()) for index in rows]

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self.ops, self.selected_clients(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def may_close(self) -> bool:
        """Before the app closes: offer to save forms with unsaved changes; False to keep the app open."""
        dialogs = self.workspace.dialogs if self.workspace is not None else []
        if not dialogs:
            return True
        answer = QMessageBox.question(
            self,
            _("Unsaved changes"),
            _("Some forms have unsaved changes. Save them before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            for dialog in list(dialogs):
                dialog.save_button.click()
            return not dialogs  # a form that could not be saved stays open with its message
        return True

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.window_.prefs, self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.window_.apply_preferences)
        dialog.open()
