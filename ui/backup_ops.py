"""The window's backup work: the day's backup before locking or closing, and restoring a backup in place of
the vault (from the unlock screen, the welcome screen or Settings), then opening it. Long work runs on a
worker thread behind a progress window (ops.run_job); the window stays live."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _, ngettext
from ui.dialogs import open_dialog
from ui.dialogs.ask import inform
from ui.screens.unlock import UnlockScreen
from ui.widgets.busy import busy_cursor

if TYPE_CHECKING:
    from tyokykyapp.backups.make import BackupMade
    from tyokykyapp.backups.restore import OpenedBackup, Restored, Secret
    from ui.app import MainWindow
    from ui.dialogs.backups import BackupsDialog
    from ui.dialogs.restore import RestoreDialog


def main_window(widget: QWidget) -> MainWindow:
    """The main window a screen or dialog belongs to."""
    from ui.app import MainWindow

    current: QWidget | None = widget
    while current is not None and not isinstance(current, MainWindow):
        current = current.parentWidget()
    if current is None:
        raise RuntimeError("not inside the main window")
    return current


# --- the day's backup ------------------------------------------------------------------------------


def start_daily_backup(window: MainWindow) -> bool:
    """Start the backup when one is due (changes since the last one, none made today); False when none is.
    What came of it is told on the unlock screen shown next (`window.backup_note`)."""
    from tyokykyapp.backups.make import backup_due, make_backup

    if not window.ops.query(backup_due):
        return False

    def done(made: BackupMade) -> None:
        if made.second is not None and made.second.problem:
            _note(window, _("The backup was made on this computer. {problem}").format(problem=made.second.problem))

    def failed(message: str) -> None:
        _note(window, _("The backup could not be made: {problem}").format(problem=message))

    job = window.ops.run_in_background(
        window, _("Making the day's backup…"), make_backup, on_done=done, on_error=failed
    )
    return job is not None


def _note(window: MainWindow, text: str) -> None:
    """Tell on the unlock screen: the one on view (the lock may have come first), else the next one shown."""
    screen = window.stack.currentWidget()
    if isinstance(screen, UnlockScreen):
        screen.message.setText(text)
    else:
        window.backup_note = text


# --- restoring -------------------------------------------------------------------------------------


def open_restore(window: MainWindow, passphrase: str = "", parent: QWidget | None = None) -> RestoreDialog:
    """The list of backups to restore from; `passphrase` (typed on the unlock screen) opens them at once."""
    from ui.dialogs.restore import RestoreDialog

    dialog = RestoreDialog(
        window.ops, _known_vault_id(window), lambda opened, secret: restore_into(window, opened, secret),
        passphrase=passphrase, parent=parent or window,
    )  # fmt: skip
    return open_dialog(dialog)


def open_backups(widget: QWidget) -> BackupsDialog:
    """Backups from Settings or Today: the last ones, making one now, the second location, restoring."""
    from ui.dialogs.backups import BackupsDialog

    window = main_window(widget)
    return open_dialog(BackupsDialog(window.ops, lambda parent: open_restore(window, parent=parent), widget))


def _known_vault_id(window: MainWindow) -> str | None:
    from tyokykyapp.vault import VaultError
    from tyokykyapp.vault.keyslots import KeyFile
    from tyokykyapp.vault.location import KEYS_NAME

    try:
        return KeyFile.load(window.folder / KEYS_NAME).vault_id
    except VaultError:  # lost or damaged too: every vault's backups are offered
        return None


def restore_into(window: MainWindow, opened: OpenedBackup, secret: Secret) -> None:
    """Close the vault if it is open (no backup first: it is kept aside whole), restore, then open the
    restored vault with the secret that opened the backup."""
    from tyokykyapp.backups.restore import restore_backup

    if window.work is not None:
        window.backup_tried = True
        window.lock()
    # Forms kept through the lock belong to the data being replaced.
    window.pending_client, window.pending_drafts = None, []
    folder = window.folder
    window.ops.run_job(
        window,
        _("Restoring the backup…"),
        lambda progress: restore_backup(opened, folder, progress=progress),
        lambda restored: _restored(window, restored, secret),
        lambda message: _tell_on_unlock_screen(window, message),
    )


def _tell_on_unlock_screen(window: MainWindow, message: str) -> None:
    window.backup_note = message
    window.show_entry_screen()


def _restored(window: MainWindow, restored: Restored, secret: Secret) -> None:
    if not window.isVisible():  # the app was closed while the restore ran: it is in place, open it next time
        return
    from tyokykyapp.domain.dates import format_moment
    from tyokykyapp.vault import Vault

    when = format_moment(restored.backup.created_at) if restored.backup.created_at else "—"
    done = ngettext(
        "The backup of {when} is restored: {n} client.",
        "The backup of {when} is restored: {n} clients.",
        restored.clients,
    ).format(when=when, n=restored.clients)
    if restored.kept_aside is not None:
        done += " " + _("The vault that was in use is kept in {path}.").format(path=restored.kept_aside)
    if secret.passphrase is None:  # opened with the recovery key: a new passphrase is chosen on unlocking
        _tell_on_unlock_screen(window, done)
        screen = window.stack.currentWidget()
        if isinstance(screen, UnlockScreen):
            screen.show_recovery()
            screen.recovery_key.setText(secret.recovery_key or "")
            screen.recovery_message.setText(done)
        return
    try:
        with busy_cursor():
            vault = Vault.unlock(window.folder, passphrase=secret.passphrase)
    except UserError as error:
        _tell_on_unlock_screen(window, f"{done} {error}")
        return
    window.on_unlocked(vault)
    inform(window, _("Restored"), done)
