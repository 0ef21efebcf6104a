"""The QApplication and the main window: first-run welcome, unlock, the work area, locking (on demand and
after inactivity), the language switch, and keeping unsaved forms through a lock.

Locking closes every open window first (questions, forms, file and print choosers, previews): each form's
typed text is kept in memory as a draft and the form comes back after unlocking. No window runs a nested
event loop (they are all opened with `open()`), so tearing the work area down never pulls a window out from
under a loop still running it. While long work runs on a worker thread the auto-lock waits for it."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from tyokykyapp.i18n import _, current_language, ngettext
from tyokykyapp.vault.location import default_vault_folder, vault_exists
from ui.operations import Operations
from ui.qt_language import apply_language
from ui.screens.unlock import UnlockScreen
from ui.settings import Preferences
from ui.theme import apply_theme

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from tyokykyapp.services.morning import Morning
    from tyokykyapp.vault import Vault
    from ui.activity import ActivityWatcher
    from ui.dialogs.ask import Answer
    from ui.dialogs.form_dialog import Draft, FormDialog
    from ui.work_area import WorkArea

ICON = Path(__file__).resolve().parent / "resources" / "tyokyky.svg"
DEMO_PASSPHRASE = "kokeile työkykyä rauhassa"
PRELOAD_DELAY_MS = 300
PRELOADED = ("tyokykyapp.vault.vault", "ui.work_area", "ui.activity", "tyokykyapp.services.morning")


class MainWindow(QMainWindow):
    def __init__(self, vault_path: Path | None = None, prefs: Preferences | None = None) -> None:
        super().__init__()
        self.home_folder = vault_path or default_vault_folder()
        self.folder = self.home_folder
        self.demo = False
        self.prefs = prefs or Preferences()
        apply_language(self.prefs.get("language"))
        self.look = self._current_look()
        apply_theme(*self.look)
        # The system switching between light, dark or high contrast restyles the app (when it follows the system).
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_look_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self._system_look_changed)
        self.ops = Operations(self)
        self.work: WorkArea | None = None
        self._shell: WorkArea | None = None  # the work area built, still empty, while the vault is unlocked
        # The open client and unsaved forms kept through a lock: in memory only, restored after unlock.
        self.pending_client: str | None = None
        self.pending_drafts: list[Draft] = []
        self._lock_after_job = False
        self._close_after_job = False
        # The day's backup is tried once per lock or close; what came of it is told on the unlock screen.
        self.backup_tried = False
        self.backup_note = ""
        self.setWindowIcon(QIcon(str(ICON)))
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.auto_lock = QTimer(self)
        self.auto_lock.setSingleShot(True)
        self.auto_lock.timeout.connect(self.lock)
        self.ops.busy_changed.connect(self._busy_changed)
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
            unlock = UnlockScreen(self.folder, prepare=_first_screen_facts)
            if self.demo:
                unlock.show_note(
                    _("This is the demo vault of synthetic clients. Its passphrase: {passphrase}").format(
                        passphrase=DEMO_PASSPHRASE
                    )
                )
                leave = QPushButton(_("Leave the demo"))
                leave.setObjectName("leaveDemoLink")
                leave.clicked.connect(self.leave_demo)
                unlock.add_link(leave)
            if self.backup_note:
                unlock.show_note(self.backup_note)
            self.backup_note = ""
            unlock.started.connect(self._prepare_work)
            unlock.unlocked.connect(self.on_unlocked)
            unlock.settled.connect(self._unlock_settled)
            unlock.restore_offer.requested.connect(lambda: self._open_restore(unlock.passphrase.text()))
            self._replace(unlock)
            unlock.passphrase.setFocus()
        else:
            from ui.screens.welcome import WelcomeScreen  # first run only: not loaded on every start

            welcome = WelcomeScreen(self.folder)
            welcome.finished.connect(self.on_unlocked)
            welcome.demo_requested.connect(self.open_demo)
            welcome.restore_requested.connect(lambda: self._open_restore(""))
            self._replace(welcome)

    def _preload(self) -> None:
        if self.ops.vault is None:
            for module in PRELOADED:
                importlib.import_module(module)

    def _unlocking(self) -> bool:
        screen = self.stack.currentWidget()
        return isinstance(screen, UnlockScreen) and screen.busy

    def _prepare_work(self) -> None:
        """While the key is derived on the worker thread, the work area is built here, empty, a part per turn
        of the event loop (the window keeps answering); it is filled once the vault is open."""
        from ui.work_area import WorkArea

        def step() -> None:
            if self._shell is not None and self._unlocking() and self._shell.build_step():
                QTimer.singleShot(0, self, step)

        self._shell = WorkArea(self, in_steps=True)
        QTimer.singleShot(0, self, step)

    def _unlock_settled(self) -> None:
        if self._shell is not None:  # refused: the empty work area goes
            self._shell.deleteLater()
            self._shell = None
        if self._close_after_job:  # the window was closed while the vault was being unlocked
            self._close_after_job = False
            self.close()

    def on_unlocked(self, vault: Vault, facts: Morning | None = None) -> None:
        """The work area over the opened vault; `facts` are Today's, when read while unlocking."""
        from ui.work_area import WorkArea  # the screens load once the vault is open, not at start-up

        self.ops.vault = vault
        self.backup_tried = False
        if self._watcher is None:
            from ui.activity import ActivityWatcher  # needed once unlocked, like the work area

            self._watcher = ActivityWatcher(self.auto_lock)
        self._watcher.watch(True)
        if self._shell is not None:  # built while the key was derived
            self.work, self._shell = self._shell, None
            self.work.fill(facts)
        else:
            self.work = WorkArea(self, facts)
        self._replace(self.work)
        self.apply_preferences()
        self._restore_work(self.work)

    def _restore_work(self, work: WorkArea) -> None:
        """The client that was open and every form kept through the lock, as they were."""
        client, drafts = self.pending_client, self.pending_drafts
        self.pending_client, self.pending_drafts = None, []
        if client is not None:
            work.open_client(client)
        lost = sum(1 for draft in drafts if draft(work) is None)
        if lost:  # their client is no longer in the vault: say so rather than drop them silently
            self.ops.show_error(
                ngettext(
                    "{n} unsaved form could not be brought back: its client is no longer in this vault.",
                    "{n} unsaved forms could not be brought back: their client is no longer in this vault.",
                    lost,
                ).format(n=lost)
            )

    def apply_preferences(self) -> None:
        self.auto_lock.setInterval(self.prefs.get("auto_lock_minutes") * 60_000)
        if self.ops.vault is not None:
            self.auto_lock.start()
        if self.prefs.get("language") != current_language():
            self.switch_language(self.prefs.get("language"))
        elif self._current_look() != self.look:
            self._restyle()

    def _current_look(self) -> tuple[str, int]:
        return self.prefs.get("appearance"), self.prefs.get("text_size")

    def _system_look_changed(self) -> None:
        if self.prefs.get("appearance") == "system":
            self._restyle()

    def _restyle(self) -> None:
        """Apply the look and build the screens again (icons and sizes are set as widgets are made)."""
        self.look = self._current_look()
        apply_theme(*self.look)
        self._rebuild()

    # --- locking -----------------------------------------------------------------------------------

    def _take_work(self) -> None:
        """Keep the open client and every typed form in memory, close every window, and let go of the work
        area (replacing it deletes it)."""
        self.pending_drafts += self._close_windows()
        if self.work is not None:
            if self.work.workspace is not None:
                self.pending_client = self.work.workspace.client_id
            self.work = None

    def _close_windows(self) -> list[Draft]:
        """Close every dialog, question and chooser, innermost first, keeping each form's typed work."""
        from PySide6.QtWidgets import QDialog

        from ui.dialogs.form_dialog import FormDialog

        drafts: list[Draft] = []
        for dialog in reversed(self.findChildren(QDialog)):
            if not dialog.isVisible():
                continue
            if isinstance(dialog, FormDialog):
                draft = dialog.draft()
                if draft is not None:
                    drafts.append(draft)
            dialog.done(QDialog.DialogCode.Rejected)  # not reject(): nothing asks "discard?" now
        drafts.reverse()  # in the order they were opened
        return drafts

    def lock(self) -> None:
        if self.ops.vault is None:
            return
        if self.ops.busy:  # the vault is in use by a job: lock the moment it ends
            self._lock_after_job = True
            return
        if self._backup_first():
            self._lock_after_job = True
            return
        self.auto_lock.stop()
        if self._watcher is not None:
            self._watcher.watch(False)
        self._take_work()
        vault, self.ops.vault = self.ops.vault, None
        self.show_entry_screen()  # replaces (and deletes) the work area
        vault.close()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.auto_lock.stop()
        elif self._close_after_job:
            self._close_after_job = False
            self.close()
        elif self._lock_after_job:
            self._lock_after_job = False
            self.lock()
        elif self.ops.vault is not None:
            self.auto_lock.start()

    def switch_language(self, language: str) -> None:
        self.prefs.set("language", language)
        apply_language(language)
        self._update_title()
        self._rebuild()

    def _rebuild(self) -> None:
        """The screen on view made again, keeping the open client and every typed form."""
        if self.ops.vault is None:
            self.show_entry_screen()
            return
        self._take_work()
        self.on_unlocked(self.ops.vault)

    # --- demo --------------------------------------------------------------------------------------

    def open_demo(self) -> None:
        """The demo vault beside the coach's own, made on first use (on a worker thread: one coach's caseload)."""
        from tyokykyapp.demo.vault import open_demo_vault

        self.demo = True
        self.folder = self.home_folder.with_name(self.home_folder.name + "-demo")
        folder = self.folder
        self._update_title()
        self.ops.run_job(
            self,
            _("Preparing the demo vault…"),
            lambda _progress: open_demo_vault(
                folder, DEMO_PASSPHRASE, coach=_("Demo coach"), organisation=_("Demo organisation")
            ),
            self.on_unlocked,
        )

    def leave_demo(self) -> None:
        if self._unlocking():  # the demo is being opened: leaving now would open it as the coach's own vault
            return
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
        # A job, or an unlock under way, finishes first (the vault stays consistent), then the app closes.
        if self.ops.busy or self._unlocking():
            event.ignore()
            self._close_after_job = True
            return
        unsaved = self._unsaved_forms()
        if unsaved:
            event.ignore()
            self._ask_before_closing(unsaved)
            return
        if self.ops.vault is not None and self._backup_first():
            event.ignore()
            self._close_after_job = True
            return
        self.lock()
        event.accept()

    def _backup_first(self) -> bool:
        """Start the day's backup when one is due (not for the demo vault); locking or closing follows when
        it ends."""
        if self.demo or self.backup_tried:
            return False
        from ui.backup_ops import start_daily_backup  # loaded when first locking, not at start-up

        self.backup_tried = True
        return start_daily_backup(self)

    def _open_restore(self, passphrase: str) -> None:
        from ui.backup_ops import open_restore

        open_restore(self, passphrase, self.stack.currentWidget())

    def _unsaved_forms(self) -> list[FormDialog]:
        from ui.dialogs.form_dialog import FormDialog

        return [d for d in self.findChildren(FormDialog) if d.isVisible() and d.is_dirty()]

    def _ask_before_closing(self, unsaved: list[FormDialog]) -> None:
        """Save, discard or keep working; the app closes once no form holds unsaved changes."""
        from ui.dialogs.ask import Cancel, Discard, Save, ask

        def answered(answer: Answer) -> None:
            if answer == Save:
                saved = [form.save() for form in unsaved]
                if all(saved):
                    self.close()
            elif answer == Discard:
                for form in unsaved:
                    form.discard()
                self.close()

        ask(
            self,
            _("Unsaved changes"),
            _("Some forms have unsaved changes. Save them before closing?"),
            answered,
            (Save, Discard, Cancel),
            default=Save,
        )


def _first_screen_facts(vault: Vault) -> Morning:
    """Read on the unlocking thread, right after the vault opens: what Today shows."""
    from tyokykyapp.domain.dates import today
    from tyokykyapp.services.morning import morning
    from ui.screens.today import WEEK_DAYS

    return morning(vault, today(), WEEK_DAYS)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Työkyky")
    return app


def run(vault_path: Path | None = None) -> int:
    from ui.crash import install_crash_handler

    app = application()
    window = MainWindow(vault_path)
    install_crash_handler(window)
    window.show()
    return int(app.exec())
