"""Today's word on backups: the last verified one, and a warning when it is more than 7 days old or the second
location has not been reached for 30 days. *Backups…* opens the backups dialog."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from tyokykyapp.backups.status import BackupStatus, backup_status
from tyokykyapp.i18n import _
from ui.operations import Operations
from ui.theme import card, role, tone
from ui.widgets.named import message_label, named
from ui.widgets.texts import at_left


def show_status(ops: Operations, summary: QLabel, warning: QLabel) -> BackupStatus | None:
    """The last verified backup in `summary`, what to act on in `warning` (hidden when nothing)."""
    vault_id = ops.query(lambda vault: vault.id)
    if vault_id is None:
        return None
    status, now = backup_status(vault_id), datetime.now(UTC)
    summary.setText(status.summary(now))
    warnings = status.warnings(now)
    warning.setText("\n".join("⚠ " + each for each in warnings))
    warning.setVisible(bool(warnings))
    return status


class BackupStatusBox(QFrame):
    """A card on Today; a backup too old is the one thing in it to act on (in the warning tone)."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card(self).setObjectName("backupStatus")
        self.ops = ops
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(role(QLabel(_("Backups")), "heading"))
        self.summary = message_label("lastBackup")
        self.warning = tone(message_label("backupWarning"), "warning")
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        more = named(QPushButton(_("Backups…")), "backupsButton")
        more.clicked.connect(self.open_backups)
        layout.addWidget(at_left(more))

    def refresh(self) -> None:
        show_status(self.ops, self.summary, self.warning)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def open_backups(self) -> None:
        from ui.backup_ops import open_backups

        dialog = open_backups(self)
        dialog.finished.connect(self.refresh)
