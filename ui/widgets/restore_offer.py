"""On the unlock screen: *Restore from a backup…*, always at hand, and offered plainly when the vault's
database or key file is missing or damaged (also before anything is typed, when vault.db is gone or empty)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import DatabaseDamaged, DatabaseEmpty, KeyFileDamaged, KeyFileMissing, VaultError
from tyokykyapp.vault.location import DB_NAME
from ui.widgets.named import message_label, named
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

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.explanation = message_label("restoreOfferText")
        self.explanation.setVisible(False)
        layout.addWidget(self.explanation)
        self.button = named(QPushButton(_("Restore from a backup…")), "restoreFromBackupButton")
        self.button.setFlat(True)
        self.button.clicked.connect(self.requested)
        layout.addWidget(at_left(self.button))
        if database_lost(folder):
            self.offer(_("The vault database (vault.db) is missing or empty."))

    def offer_for(self, error: VaultError) -> bool:
        """Offer the restore when `error` is one a backup mends; False for any other."""
        if not isinstance(error, RESTORABLE):
            return False
        self.offer()  # the unlock screen shows the error itself
        return True

    def offer(self, problem: str = "") -> None:
        hint = _("Every client comes back from the latest backup: choose Restore from a backup.")
        self.explanation.setText(f"{problem} {hint}".strip())
        self.explanation.setVisible(True)
        self.button.setFlat(False)
        self.button.setDefault(True)
