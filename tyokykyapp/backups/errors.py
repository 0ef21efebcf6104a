"""What can go wrong with a backup that is not a bug."""

from __future__ import annotations

from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import VaultError


class BackupDamaged(VaultError):
    def __init__(self, problem: str) -> None:
        super().__init__(
            _("This backup is damaged and cannot be restored: {problem} Choose another backup.").format(problem=problem)
        )


class NotABackup(VaultError):
    def default_message(self) -> str:
        return _("There is no Työkyky backup in this folder.")
