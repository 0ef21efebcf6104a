"""Backups (from Settings or Today): the last verified backup, making one now, the second location (a USB stick
or a network drive), and restoring one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from tyokykyapp.backups.locations import set_second_location
from tyokykyapp.backups.make import BackupMade, make_backup
from tyokykyapp.i18n import _
from tyokykyapp.vault import StorageFailed
from ui.dialogs.files import choose_folder
from ui.operations import Operations
from ui.theme import tone
from ui.widgets.backup_status import show_status
from ui.widgets.named import message_label, named
from ui.widgets.texts import at_left, heading, paragraph


class BackupsDialog(QDialog):
    def __init__(
        self, ops: Operations, open_restore: Callable[[QWidget], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(_("Backups"))
        self.ops, self.open_restore = ops, open_restore
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Backups")))
        layout.addWidget(
            paragraph(
                _(
                    "A backup is made when you lock the app or close it after a day with changes, at most once a"
                    " day, and checked by opening it. Kept: one a day for 7 days, one a week for 4 weeks, one a"
                    " month for 12 months. A backup opens with the passphrase or recovery key that was valid"
                    " when it was made."
                )
            )
        )
        self.status = message_label("backupSummary")
        layout.addWidget(self.status)
        self.warnings = tone(message_label("backupWarnings"), "warning")
        layout.addWidget(self.warnings)
        now = named(QPushButton(_("Back up now")), "backUpNowButton")
        now.clicked.connect(self.back_up_now)
        layout.addWidget(at_left(now))
        layout.addWidget(heading(_("Second location")))
        layout.addWidget(
            paragraph(
                _(
                    "A copy on a USB stick or a network drive survives a lost or broken computer. When it is not"
                    " connected, the backup on this computer is still made."
                )
            )
        )
        self.second = message_label("secondLocationSummary")
        layout.addWidget(self.second)
        row = QHBoxLayout()
        choose = named(QPushButton(_("Choose the second location…")), "chooseSecondLocationButton")
        choose.clicked.connect(lambda: choose_folder(self, _("Second backup location"), self.set_second))
        self.forget = named(QPushButton(_("Use no second location")), "forgetSecondLocationButton")
        self.forget.clicked.connect(lambda: self.set_second(None))
        row.addWidget(choose)
        row.addWidget(self.forget)
        row.addStretch()
        layout.addLayout(row)
        self.message = message_label("backupsMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        restore = named(QPushButton(_("Restore from a backup…")), "openRestoreButton")
        restore.clicked.connect(lambda: self.open_restore(self))
        buttons.addButton(restore, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        # About 80 characters wide at any text size, and as tall as the wrapped texts need at that width (the
        # size Qt picks by itself cut them at 200 %).
        width = max(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().width())
        self.resize(width, self.heightForWidth(width))

    def refresh(self) -> None:
        status = show_status(self.ops, self.status, self.warnings)
        if status is not None:
            self.second.setText(status.second_summary(datetime.now(UTC)))
            self.forget.setEnabled(status.second_location is not None)

    def back_up_now(self) -> None:
        self.ops.run_in_background(self, _("Making a backup…"), make_backup, on_done=self._made)

    def _made(self, made: BackupMade) -> None:
        text = _("The backup is made and verified: {path}").format(path=made.backup.path)
        if made.second is not None:
            text += "\n" + (made.second.problem or _("Copied to the second location."))
        self.message.setText(text)
        self.refresh()

    def set_second(self, folder: Path | None) -> None:
        try:
            set_second_location(folder, datetime.now(UTC))
        except StorageFailed as error:
            self.message.setText(str(error))
            return
        self.message.setText(
            _("The next backup is copied to {path} as well.").format(path=folder) if folder is not None else ""
        )
        self.refresh()
