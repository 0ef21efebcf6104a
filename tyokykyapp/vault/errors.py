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


class DatabaseDamaged(VaultError):
    def default_message(self) -> str:
        return _("The vault database is damaged or is not a Työkyky vault. Restore it from a backup.")


class VaultTooNew(VaultError):
    def default_message(self) -> str:
        return _("This vault was made by a newer version of Työkyky. Update the app to open it.")


class VaultInUse(VaultError):
    def default_message(self) -> str:
        return _("The vault is already open in another Työkyky window or program. Close that one first.")


class StorageFailed(VaultError):
    def default_message(self) -> str:
        return _("Saving failed: the disk may be full or not writable. Nothing was changed.")


class WeakPassphrase(VaultError):
    pass
