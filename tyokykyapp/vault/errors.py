"""What can go wrong with a vault that is not a bug, each as its own type with a plain message."""

from __future__ import annotations

from tyokykyapp.domain.errors import ExplainedError
from tyokykyapp.i18n import _


class VaultError(ExplainedError):
    def default_message(self) -> str:
        return _("The vault could not be used.")


class WrongSecret(VaultError):
    def default_message(self) -> str:
        return _("Wrong passphrase.")


class WrongRecoveryKey(WrongSecret):
    def default_message(self) -> str:
        return _("Wrong recovery key.")


class KeyFileMissing(VaultError):
    def default_message(self) -> str:
        return _("The vault's key file (vault.keys) is missing. Restore it from a backup.")


class KeyFileDamaged(VaultError):
    def default_message(self) -> str:
        return _("The vault's key file (vault.keys) is damaged. Restore it from a backup.")


class NoVault(VaultError):
    def default_message(self) -> str:
        return _("There is no vault in this folder yet.")


class VaultExists(VaultError):
    def default_message(self) -> str:
        return _("A vault already exists in this folder.")


class FolderNotEmpty(VaultError):
    def default_message(self) -> str:
        return _("This folder already holds other files. A new vault needs an empty or a new folder.")


class DatabaseDamaged(VaultError):
    def default_message(self) -> str:
        return _("The vault database is damaged or is not a Työkyky vault. Restore it from a backup.")


class DatabaseEmpty(VaultError):
    """A 0-byte `vault.db` is what a failed copy or a sync conflict leaves; it is never made a new vault."""

    def default_message(self) -> str:
        return _(
            "The vault database (vault.db) is empty: a copy or a sync may have failed. Restore it from a backup."
            " Nothing was changed."
        )


class VaultMismatch(DatabaseDamaged):
    def default_message(self) -> str:
        return _(
            "The vault database (vault.db) and the key file (vault.keys) are from different vaults. Put back the"
            " two files that were saved together."
        )


class VaultTooNew(VaultError):
    def default_message(self) -> str:
        return _("This vault was made by a newer version of Työkyky. Update the app to open it.")


class VaultInUse(VaultError):
    def default_message(self) -> str:
        return _("The vault is already open in another Työkyky window or program. Close that one first.")


class StorageFailed(VaultError):
    def default_message(self) -> str:
        return _("Saving failed: the disk may be full or not writable. Nothing was changed.")


class CannotOpenStorage(StorageFailed):
    """Opening needs a little room on the disk (SQLite's log file); nothing was being saved."""

    def default_message(self) -> str:
        return _("The vault could not be opened: the disk may be full or the folder not writable.")


class WeakPassphrase(VaultError):
    pass
