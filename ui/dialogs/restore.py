"""Restore from a backup: the backups found (this computer, the second location, or a folder chosen, e.g. a
USB stick), unlocked with the passphrase or recovery key valid when they were made to show how many clients
each holds, each checked byte by byte; the chosen one restored in place of the vault, which is moved aside
(never deleted). The work runs on a worker thread; the window stays live."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tyokykyapp.backups.listing import CHOSEN, PRIMARY, SECOND, Placed, all_backups
from tyokykyapp.backups.restore import NotOpened, OpenedBackup, Secret, open_backups
from tyokykyapp.backups.store import find_backups
from tyokykyapp.domain.dates import format_moment
from tyokykyapp.i18n import N_, _, ngettext
from ui.dialogs.ask import confirm
from ui.dialogs.files import choose_folder
from ui.operations import Operations, Progress
from ui.theme import sized
from ui.widgets.named import message_label, named, secret_edit
from ui.widgets.texts import at_left, paragraph, titled_page

PLACES = {PRIMARY: N_("This computer"), SECOND: N_("Second location"), CHOSEN: N_("Chosen folder")}
COLUMNS = (N_("Made"), N_("Where"), N_("Size"), N_("Clients"), N_("State"))


@dataclass(frozen=True)
class Found:
    placed: Placed
    opened: OpenedBackup | NotOpened | None  # None: not unlocked (no secret given yet)

    @property
    def state(self) -> str:
        backup = self.placed.backup
        if backup.problem:
            return _("Damaged: {problem}").format(problem=backup.problem)
        if isinstance(self.opened, NotOpened):
            if self.opened.damaged:
                return _("Damaged: {problem}").format(problem=self.opened.reason)
            return _("Does not open with this passphrase: it opens with the one valid when it was made.")
        return _("Verified")

    @property
    def restorable(self) -> bool:
        return isinstance(self.opened, OpenedBackup)


def survey(
    vault_id: str | None, chosen: list[Path], secret: Secret | None, progress: Progress | None = None
) -> list[Found]:
    """On the worker thread: the backups, each checked byte by byte, and unlocked when a secret is given."""
    placed = all_backups(vault_id, full=True) + [
        Placed(CHOSEN, backup) for folder in chosen for backup in find_backups(folder, full=True)
    ]
    if progress is not None:
        progress(1, 2)
    if secret is None:
        return [Found(p, None) for p in placed]
    opened = open_backups([p.backup for p in placed], secret)
    return [Found(p, result) for p, result in zip(placed, opened, strict=True)]


def size_text(size: int) -> str:
    return _("{mb} MB").format(mb=f"{size / 1_000_000:.1f}".replace(".", ","))


class RestoreDialog(QDialog):
    def __init__(
        self,
        ops: Operations,
        vault_id: str | None,
        on_restore: Callable[[OpenedBackup, Secret], None],
        *,
        passphrase: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(_("Restore from a backup"))
        self.ops, self.vault_id, self.on_restore = ops, vault_id, on_restore
        self.chosen: list[Path] = []
        self.found: list[Found] = []
        self.surveys = 0  # how many times the list was filled (tests wait for it)
        page, layout = titled_page(_("Restore from a backup"))
        layout.addWidget(
            paragraph(
                _(
                    "Choose a backup and type the passphrase (or the recovery key) that was valid when it was made."
                    " The vault now in this folder is not deleted: it is moved aside into a folder beside it."
                )
            )
        )
        self.table = named(QTableWidget(0, len(COLUMNS)), "backupList", _("Backups"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        elsewhere = named(QPushButton(_("Look in another folder… (a USB stick)")), "chooseBackupFolderButton")
        elsewhere.clicked.connect(self.choose_folder)
        layout.addWidget(at_left(elsewhere))
        form = QFormLayout()
        self.secret = secret_edit("backupSecretEdit", _("Passphrase valid when the backup was made"))
        self.secret.setText(passphrase)
        self.secret.returnPressed.connect(self.look)
        form.addRow(_("Passphrase valid when the backup was made"), self.secret)
        self.is_recovery_key = named(QCheckBox(_("This is the recovery key")), "backupRecoveryKeyCheck")
        form.addRow("", self.is_recovery_key)
        layout.addLayout(form)
        self.message = message_label("restoreMessage")
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.open_button = named(QPushButton(_("Open the backups")), "openBackupsButton")
        self.open_button.clicked.connect(self.look)
        self.restore_button = named(QPushButton(_("Restore this backup…")), "restoreBackupButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.ask_to_restore)
        close = named(QPushButton(_("Cancel")), "closeRestoreButton")
        close.clicked.connect(self.reject)
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        QVBoxLayout(self).addWidget(page)
        sized(self, 860, 560)
        QTimer.singleShot(0, self, self.look)  # once the dialog is on screen, above it

    def _secret(self) -> Secret | None:
        text = self.secret.text()
        if not text:
            return None
        return Secret(recovery_key=text) if self.is_recovery_key.isChecked() else Secret(passphrase=text)

    def look(self) -> None:
        """Find the backups (and unlock them when a secret was typed) on the worker thread."""
        vault_id, chosen, secret = self.vault_id, list(self.chosen), self._secret()
        self.ops.run_job(
            self,
            _("Checking the backups…"),
            lambda progress: survey(vault_id, chosen, secret, progress),
            self.show_found,
            self.message.setText,
        )

    def choose_folder(self) -> None:
        choose_folder(self, _("The folder with the backups"), self.add_folder)

    def add_folder(self, folder: Path) -> None:
        self.chosen.append(folder)
        self.look()

    def show_found(self, found: list[Found]) -> None:
        self.found = found
        self.surveys += 1
        self.table.setRowCount(len(found))
        for row, item in enumerate(found):
            backup = item.placed.backup
            opened = item.opened
            cells = (
                format_moment(backup.created_at) if backup.created_at else "—",
                _(PLACES[item.placed.where]),
                size_text(backup.size),
                str(opened.clients) if isinstance(opened, OpenedBackup) else "—",
                item.state,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(backup.path) if column == 1 else text)
                self.table.setItem(row, column, cell)
        restorable = [row for row, item in enumerate(found) if item.restorable]
        if not found:
            self.message.setText(
                _(
                    "No backups were found. If they are on a USB stick or a network drive, connect it and choose"
                    " Look in another folder."
                )
            )
        elif self._secret() is None:
            self.message.setText(_("Type the passphrase valid when the backup was made, then Open the backups."))
        elif not restorable:
            self.message.setText(_("None of the backups opens with this passphrase or recovery key."))
        else:
            self.message.setText(
                ngettext("{n} backup opens.", "{n} backups open.", len(restorable)).format(n=len(restorable))
            )
        if restorable:
            self.table.selectRow(restorable[0])  # the newest that opens
        self._selection_changed()

    def selected(self) -> Found | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        item = self.selected()
        self.restore_button.setEnabled(item is not None and item.restorable)

    def ask_to_restore(self) -> None:
        item, secret = self.selected(), self._secret()
        if item is None or secret is None or not isinstance(item.opened, OpenedBackup):
            return
        opened = item.opened
        when = format_moment(opened.backup.created_at) if opened.backup.created_at else "—"
        confirm(
            self,
            _("Restore from a backup"),
            ngettext(
                "Restore the backup of {when} ({n} client)?",
                "Restore the backup of {when} ({n} clients)?",
                opened.clients,
            ).format(when=when, n=opened.clients)
            + " "
            + _(
                "Whatever was saved after it is not in it. The vault now in use is moved aside, not deleted. The"
                " restored vault opens with the passphrase or recovery key that was valid then."
            ),
            lambda: self.restore(opened, secret),
        )

    def restore(self, opened: OpenedBackup, secret: Secret) -> None:
        self.accept()
        self.on_restore(opened, secret)

    def done(self, result: int) -> None:
        self.secret.clear()  # no secret stays in a widget, nor a backup's key in memory
        self.found = []
        super().done(result)
