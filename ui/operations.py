"""The one door from the GUI to the core (Anki's operations): screens never hold the vault.

- `call(operation, ...)` runs a write on the GUI thread with a busy cursor, turns user errors into a plain
  message, and broadcasts what changed (`Changes`, or a result carrying `.changes`) so each screen can decide
  whether to refresh;
- `query(reader, ...)` runs a read the same way, and quietly gives None while the vault is locked (a view
  repainted during locking has nothing to show);
- `run_in_background(...)` runs long work (export, import, a demo caseload) on a worker thread behind a
  progress window. One job at a time; writes from the GUI wait for it, and the auto-lock is paused
  (`busy_changed`) so the vault is never closed under a running job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QWidget

from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _
from ui.widgets.busy import busy_cursor

if TYPE_CHECKING:
    from tyokykyapp.vault import Vault
    from ui.dialogs.progress import ProgressWindow

T = TypeVar("T")
Progress = Callable[[int, int], None]


class Operations(QObject):
    changed = Signal(object)  # Changes
    busy_changed = Signal(bool)  # a background job started (True) or ended (False)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.vault: Vault | None = None
        self.job: Job | None = None
        self.last_notice = ""  # the latest notice shown (what the coach was told after an operation)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def holds(self, vault: Vault) -> bool:
        """Whether `vault` is still the open one (False once locked): work begun on it may still be shown."""
        return self.vault is vault

    def require_vault(self) -> Vault:
        if self.vault is None:
            raise RuntimeError("the vault is locked")
        return self.vault

    def call(self, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run `operation(vault, *args)`; None when it failed with a user-facing error (already shown)."""
        if self.busy:
            self.show_error(_("Wait until the work in progress has finished."))
            return None
        try:
            with busy_cursor():
                result = operation(self.require_vault(), *args, **kwargs)
        except UserError as error:
            self.show_error(str(error))
            return None
        self._announce(result)
        return result

    def query(self, reader: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Read with `reader(vault, *args)`; None while locked, or when a user-facing error was shown."""
        if self.vault is None:
            return None
        try:
            return reader(self.vault, *args, **kwargs)
        except UserError as error:
            self.show_error(str(error))
            return None

    def _announce(self, result: object) -> None:
        # Imported when first used (after unlocking): this module is on the start-up path.
        from tyokykyapp.services.changes import Changes

        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(changes, Changes) and (changes.client_ids or changes.kinds or changes.caseload):
            self.changed.emit(changes)
        if isinstance(changes, Changes) and changes.notices:
            self.show_notice("\n".join(changes.notices))

    def run_in_background(
        self,
        parent: QWidget,
        title: str,
        operation: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_error: Callable[[str], None] | None = None,
        **kwargs: Any,
    ) -> Job | None:
        """Run `operation(vault, *args, progress=..., **kwargs)` on a worker thread."""
        vault = self.require_vault()
        return self.run_job(
            parent, title, lambda progress: operation(vault, *args, progress=progress, **kwargs), on_done, on_error
        )

    def run_job(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[str], None] | None = None,
    ) -> Job | None:
        """Run `work(progress)` on a worker thread behind a progress window; `on_done(result)` afterwards on
        the GUI thread. A user-facing error goes to `on_error` (default: a message box); any other error is
        raised on the GUI thread (the crash handler reports it)."""
        if self.busy:
            self.show_error(_("Wait until the work in progress has finished."))
            return None
        from ui.dialogs.progress import ProgressWindow

        self.job = Job(work, ProgressWindow(title, parent), on_done, on_error or self.show_error, self)
        self.busy_changed.emit(True)
        self.job.start()
        return self.job

    def _job_ended(self, job: Job) -> None:
        self.job = None
        self.busy_changed.emit(False)
        # The window that asked for the work may be gone (a dialog closed by the auto-lock or by Esc while its
        # work ran): what was done is still announced to the rest of the app, an error shown over the main
        # window; only the gone window's own follow-up is skipped (it has nothing left to show it in).
        owner_gone = not shiboken6.isValid(job.owner)
        if isinstance(job.error, UserError):
            (self.show_error if owner_gone else job.on_error)(str(job.error))
        elif job.error is not None:
            raise job.error
        else:
            self._announce(job.result)
            if not owner_gone:
                job.on_done(job.result)

    def show_notice(self, message: str) -> None:
        """Something the coach should know about what was just done (it was done all the same)."""
        from PySide6.QtWidgets import QMessageBox  # see _announce()

        self.last_notice = message
        box = QMessageBox(
            QMessageBox.Icon.Information, _("Työkyky"), message, QMessageBox.StandardButton.Ok, self._window
        )
        box.setObjectName("noticeBox")
        box.finished.connect(box.deleteLater)
        box.open()  # not exec(): see show_error()

    def show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # see _announce()

        box = QMessageBox(QMessageBox.Icon.Warning, _("Työkyky"), message, QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("errorMessage")
        box.finished.connect(box.deleteLater)
        box.open()  # not exec(): the app keeps running (auto-lock, tests)


class Worker(QThread):
    """Work on its own thread: `result`, or the `error` it raised, once `finished` (on the GUI thread)."""

    def __init__(self, work: Callable[[], Any], parent: QObject) -> None:
        super().__init__(parent)
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except BaseException as error:  # handed to the GUI thread, which shows or raises it
            self.error = error


class Job(Worker):
    """One piece of long work on its own thread; the progress window shows how far it has come."""

    progressed = Signal(int, int)

    def __init__(
        self,
        work: Callable[[Progress], Any],
        window: ProgressWindow,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        ops: Operations,
    ) -> None:
        super().__init__(lambda: work(self.progressed.emit), ops)
        self.window, self.on_done, self.on_error, self._ops = window, on_done, on_error, ops
        self.owner = window.parentWidget()  # the window that asked for the work
        self.progressed.connect(window.show_progress)  # queued: the window lives on the GUI thread
        self.finished.connect(self._ended)

    def _ended(self) -> None:
        if shiboken6.isValid(self.window):  # deleted with the window that asked for the work
            self.window.done_and_close()
        try:
            self._ops._job_ended(self)
        finally:
            self.deleteLater()
