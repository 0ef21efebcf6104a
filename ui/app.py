"""The QApplication and the main window: first-run welcome, unlock, the work area, locking (on demand and
after inactivity), the language switch, and keeping unsaved forms through a lock."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from tyokykyapp.i18n import _, current_language
from tyokykyapp.vault.location import default_vault_folder, vault_exists
from ui.operations import Operations
from ui.qt_language import apply_language
from ui.screens.unlock import UnlockScreen
from ui.settings import Preferences
from ui.widgets.busy import busy_cursor

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from tyokykyapp.domain import Record
    from tyokykyapp.vault import Vault
    from ui.activity import ActivityWatcher
    from ui.work_area import WorkArea

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "tyokyky.svg"
DEMO_PASSPHRASE = "kokeile työkykyä rauhassa"
PRELOAD_DELAY_MS = 300
PRELOADED = ("tyokykyapp.vault.vault", "ui.work_area", "ui.activity")


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
        self._watcher: ActivityWatcher | None = None
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
        # While the coach types the passphrase, load what unlocking and the work area need, so pressing
        # Enter costs the key derivation and the first screen, not importing half the app. Delayed so the
        # unlock screen is drawn first.
        QTimer.singleShot(PRELOAD_DELAY_MS, self, self._preload)

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
            from ui.screens.welcome import WelcomeScreen  # first run only: not loaded on every start

            welcome = WelcomeScreen(self.folder)
            welcome.finished.connect(self.on_unlocked)
            welcome.demo_requested.connect(self.open_demo)
            self._replace(welcome)

    def _preload(self) -> None:
        if self.ops.vault is None:
            for module in PRELOADED:
                importlib.import_module(module)

    def on_unlocked(self, vault: Vault) -> None:
        from ui.work_area import WorkArea  # the screens load once the vault is open, not at start-up

        self.ops.vault = vault
        if self._watcher is None:
            from ui.activity import ActivityWatcher  # needed once unlocked, like the work area

            self._watcher = ActivityWatcher(self.auto_lock)
        self._watcher.watch(True)
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
        if self.prefs.get("language") != current_language():
            self.switch_language(self.prefs.get("language"))

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
        if self._watcher is not None:
            self._watcher.watch(False)
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
        from datetime import date

        from tyokykyapp.demo import fill_demo
        from tyokykyapp.services import CoachDetails, set_coach_details
        from tyokykyapp.vault import Vault

        self.demo = True
        self.folder = self.home_folder.with_name(self.home_folder.name + "-demo")
        with busy_cursor():
            if vault_exists(self.folder):
                vault = Vault.unlock(self.folder, passphrase=DEMO_PASSPHRASE)
            else:
                vault, _recovery_key = Vault.create(self.folder, DEMO_PASSPHRASE)
                set_coach_details(vault, CoachDetails(name=_("Demo coach"), organisation=_("Demo organisation")))
                fill_demo(vault, seed=date.today().toordinal(), coach=_("Demo coach"))
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
        if self.work is not None and not self.work.may_close():
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
