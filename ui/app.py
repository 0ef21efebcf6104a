"""The QApplication and the main window: first-run welcome, unlock, the work area, locking (on demand and
after inactivity), the language switch, and keeping unsaved forms through a lock."""

from __future__ import annotations

import functools
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Client, Record
from tyokykyapp.forms.render import FormKind, form_title
from tyokykyapp.i18n import _, current_language
from tyokykyapp.services import CoachDetails, add_client, set_coach_details
from tyokykyapp.vault import Vault, default_vault_folder, vault_exists
from ui.operations import Operations
from ui.print_ops import BLANK_FORMS, preview_blank_form
from ui.qt_language import apply_language
from ui.screens.bin import BinScreen
from ui.screens.client_list import ClientListScreen
from ui.screens.employers import EmployersScreen
from ui.screens.handover_dialogs import ExportDialog, ImportDialog
from ui.screens.settings_dialog import LANGUAGE_NAMES, SettingsDialog
from ui.screens.today import TodayScreen, remember_opened
from ui.screens.unlock import UnlockScreen
from ui.screens.welcome import WelcomeScreen
from ui.screens.workspace import ClientWorkspace
from ui.settings import Preferences
from ui.widgets.named import named
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.record_form import RecordDialog

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "tyokyky.svg"
DEMO_PASSPHRASE = "kokeile työkykyä rauhassa"
ACTIVITY_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}
)


class ActivityWatcher(QObject):
    """Restarts the auto-lock timer on any keyboard or mouse use anywhere in the app."""

    def __init__(self, timer: QTimer) -> None:
        super().__init__(timer)
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


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
                self.nav.clearSelection()
                self.content.setCurrentWidget(self.workspace)
                return self.workspace
            self.close_client()
        self.workspace = ClientWorkspace(self.ops, client_id, large_print=self.window_.prefs.get("large_print"))
        self.workspace.closed.connect(self.close_client)
        self.content.addWidget(self.workspace)
        self.nav.clearSelection()
        self.content.setCurrentWidget(self.workspace)
        remember_opened(self.ops, client_id)
        self.today.refresh()
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
            QTimer.singleShot(0, lambda: self.open_client(record.id))
            return True

        dialog = RecordDialog(Client(family_name="", given_names=""), save, self.ops.show_error, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

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

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.window_.prefs, self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.window_.apply_preferences)
        dialog.open()


class MainWindow(QMainWindow):
    def __init__(self, vault_path: Path | None = None, prefs: Preferences | None = None) -> None:
        super().__init__()
        self.home_folder = vault_path or default_vault_folder()
        self.folder = self.home_folder
        self.demo = False
        self.prefs = prefs or Preferences()
        apply_language(self.prefs.get("language"))
        self.ops = Operations(self)
        self.work: WorkArea | None = None
        # Unsaved forms kept through a lock: in memory only, restored after unlock.
        self.pending_client: str | None = None
        self.pending_drafts: list[Record] = []
        if ICON.exists():
            self.setWindowIcon(QIcon(str(ICON)))
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.auto_lock = QTimer(self)
        self.auto_lock.setSingleShot(True)
        self.auto_lock.timeout.connect(self.lock)
        self._watcher = ActivityWatcher(self.auto_lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._watcher)
        for keys, action in (
            ("Ctrl+L", self.lock),
            ("Ctrl+M", self._new_meeting_shortcut),
            ("Ctrl+N", self._new_client_shortcut),
            ("Ctrl+F", self._search_shortcut),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(action)
        self._update_title()
        self.show_entry_screen()
        self.resize(1180, 780)

    # --- screens -----------------------------------------------------------------------------------

    def _update_title(self) -> None:
        # The title never names a client: it shows in the taskbar and when the screen is shared.
        self.setWindowTitle("Työkyky" + (" — " + _("demo") if self.demo else ""))

    def _replace(self, widget: QWidget) -> None:
        old = self.stack.currentWidget()
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def show_entry_screen(self) -> None:
        if vault_exists(self.folder):
            unlock = UnlockScreen(self.folder)
            if self.demo:
                unlock.message.setText(_("Demo passphrase: {passphrase}").format(passphrase=DEMO_PASSPHRASE))
            unlock.unlocked.connect(self.on_unlocked)
            self._replace(unlock)
            unlock.passphrase.setFocus()
        else:
            welcome = WelcomeScreen(self.folder)
            welcome.finished.connect(self.on_unlocked)
            welcome.demo_requested.connect(self.open_demo)
            self._replace(welcome)

    def on_unlocked(self, vault: Vault) -> None:
        self.ops.vault = vault
        self.work = WorkArea(self)
        self._replace(self.work)
        self.apply_preferences()
        if self.pending_client is not None:
            try:
                workspace = self.work.open_client(self.pending_client)
            except Exception:
                workspace = None
            if workspace is not None:
                for draft in self.pending_drafts:
                    workspace.edit(draft)
        self.pending_client, self.pending_drafts = None, []

    def apply_preferences(self) -> None:
        self.auto_lock.setInterval(self.prefs.get("auto_lock_minutes") * 60_000)
        if self.ops.vault is not None:
            self.auto_lock.start()
        if self.prefs.get("language") != self._language_shown():
            self.switch_language(self.prefs.get("language"))

    def _language_shown(self) -> str:
        return current_language()

    # --- locking -----------------------------------------------------------------------------------

    def _take_work(self) -> None:
        """Keep the open client and its unsaved forms in memory, and tear the work area down."""
        if self.work is not None:
            if self.work.workspace is not None:
                self.pending_client = self.work.workspace.client_id
                self.pending_drafts = self.work.workspace.take_drafts()
            self.work = None

    def lock(self) -> None:
        if self.ops.vault is None:
            return
        self.auto_lock.stop()
        self._take_work()
        vault, self.ops.vault = self.ops.vault, None
        self.show_entry_screen()  # replaces (and deletes) the work area
        vault.close()

    def switch_language(self, language: str) -> None:
        self.prefs.set("language", language)
        apply_language(language)
        self._update_title()
        if self.ops.vault is None:
            self.show_entry_screen()
            return
        self._take_work()
        self.on_unlocked(self.ops.vault)

    # --- demo --------------------------------------------------------------------------------------

    def open_demo(self) -> None:
        self.demo = True
        self.folder = self.home_folder.with_name(self.home_folder.name + "-demo")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if vault_exists(self.folder):
                vault = Vault.unlock(self.folder, passphrase=DEMO_PASSPHRASE)
            else:
                vault, _recovery_key = Vault.create(self.folder, DEMO_PASSPHRASE)
                set_coach_details(vault, CoachDetails(name=_("Demo coach"), organisation=_("Demo organisation")))
                generate_caseload(vault, 40, seed=date.today().toordinal(), coach=_("Demo coach"))
                vault.repo.set_setting("demo", True)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._update_title()
        self.on_unlocked(vault)

    def leave_demo(self) -> None:
        self.lock()
        self.demo = False
        self.folder = self.home_folder
        self._update_title()
        self.show_entry_screen()

    # --- shortcuts and closing ---------------------------------------------------------------------

    def _new_meeting_shortcut(self) -> None:
        if self.work is not None:
            self.work.new_meeting_anywhere()

    def _new_client_shortcut(self) -> None:
        if self.work is not None:
            self.work.new_client()

    def _search_shortcut(self) -> None:
        if self.work is not None:
            self.work.show_section(self.work.clients)
            self.work.clients.search.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        dialogs = self.work.workspace.dialogs if self.work is not None and self.work.workspace else []
        if dialogs:
            answer = QMessageBox.question(
                self,
                _("Unsaved changes"),
                _("Some forms have unsaved changes. Save them before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                for dialog in list(dialogs):
                    dialog.save_button.click()
                if dialogs:  # a form that could not be saved stays open with its message
                    event.ignore()
                    return
        self.lock()
        event.accept()


def run(vault_path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Työkyky")
    window = MainWindow(vault_path)
    window.show()
    return int(app.exec())
