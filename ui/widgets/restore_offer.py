"""On the unlock screen: *Restore from a backup…*, always at hand, and offered plainly in the screen's message
when the vault's database or key file is missing or damaged (also before anything is typed, when vault.db is
gone or empty)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import DatabaseDamaged, DatabaseEmpty, KeyFileDamaged, KeyFileMissing, VaultError
from tyokykyapp.vault.location import DB_NAME
from ui.theme import link, primary, restyle
from ui.widgets.named import named
from ui.widgets.texts import at_left

# What a backup mends: a database or key file lost, emptied or damaged.
RESTORABLE = (DatabaseDamaged, DatabaseEmpty, KeyFileMissing, KeyFileDamaged)


def database_lost(folder: Path) -> bool:
    """vault.db missing or empty: known before the passphrase is typed."""
    try:
        return (folder / DB_NAME).stat().st_size == 0
    except OSError:
        return True


class RestoreOffer(QWidget):
    requested = Signal()

    def __init__(self, folder: Path, message: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message  # the unlock screen's own message line
        self.offered = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = link(named(QPushButton(_("Restore from a backup…")), "restoreFromBackupButton"))
        self.button.clicked.connect(self.requested)
        layout.addWidget(at_left(self.button))
        if database_lost(folder):
            self.offer(_("The vault database (vault.db) is missing or empty."))

    def offer_for(self, error: VaultError) -> None:
        """Say what a backup mends after `error`, when it is one that a backup mends."""
        if isinstance(error, RESTORABLE):
            self.offer(str(error))

    def offer(self, problem: str) -> None:
        hint = _("Every client comes back from the latest backup: choose Restore from a backup.")
        self.message.setText(f"{problem} {hint}")
        self.offered = True
        self.button.setProperty("link", False)  # offered: drawn as the action to take, no longer a quiet link
        restyle(primary(self.button))
