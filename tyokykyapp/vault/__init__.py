"""The encrypted vault: SQLCipher with a random data key, Argon2id + AES-GCM key slots, migrations,
and the repository that holds all SQL."""

from typing import TYPE_CHECKING

from tyokykyapp.lazy import lazy_exports

if TYPE_CHECKING:
    from tyokykyapp.vault.errors import (
        CannotOpenStorage,
        DatabaseDamaged,
        DatabaseEmpty,
        FolderNotEmpty,
        KeyFileDamaged,
        KeyFileMissing,
        NoVault,
        StorageFailed,
        VaultError,
        VaultExists,
        VaultInUse,
        VaultMismatch,
        VaultTooNew,
        WeakPassphrase,
        WrongRecoveryKey,
        WrongSecret,
    )
    from tyokykyapp.vault.keyslots import KdfParams
    from tyokykyapp.vault.location import default_vault_folder, vault_exists
    from tyokykyapp.vault.passphrase_policy import check_passphrase, passphrase_problem
    from tyokykyapp.vault.repository import ClientSummary, Repository, Revision
    from tyokykyapp.vault.vault import NewVault, Vault

_EXPORTS = {
    "CannotOpenStorage": "tyokykyapp.vault.errors",
    "ClientSummary": "tyokykyapp.vault.repository",
    "DatabaseDamaged": "tyokykyapp.vault.errors",
    "DatabaseEmpty": "tyokykyapp.vault.errors",
    "FolderNotEmpty": "tyokykyapp.vault.errors",
    "KdfParams": "tyokykyapp.vault.keyslots",
    "KeyFileDamaged": "tyokykyapp.vault.errors",
    "KeyFileMissing": "tyokykyapp.vault.errors",
    "NewVault": "tyokykyapp.vault.vault",
    "NoVault": "tyokykyapp.vault.errors",
    "Repository": "tyokykyapp.vault.repository",
    "Revision": "tyokykyapp.vault.repository",
    "StorageFailed": "tyokykyapp.vault.errors",
    "Vault": "tyokykyapp.vault.vault",
    "VaultError": "tyokykyapp.vault.errors",
    "VaultExists": "tyokykyapp.vault.errors",
    "VaultInUse": "tyokykyapp.vault.errors",
    "VaultMismatch": "tyokykyapp.vault.errors",
    "VaultTooNew": "tyokykyapp.vault.errors",
    "WeakPassphrase": "tyokykyapp.vault.errors",
    "WrongRecoveryKey": "tyokykyapp.vault.errors",
    "WrongSecret": "tyokykyapp.vault.errors",
    "check_passphrase": "tyokykyapp.vault.passphrase_policy",
    "default_vault_folder": "tyokykyapp.vault.location",
    "passphrase_problem": "tyokykyapp.vault.passphrase_policy",
    "vault_exists": "tyokykyapp.vault.location",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "CannotOpenStorage",
    "ClientSummary",
    "DatabaseDamaged",
    "DatabaseEmpty",
    "FolderNotEmpty",
    "KdfParams",
    "KeyFileDamaged",
    "KeyFileMissing",
    "NewVault",
    "NoVault",
    "Repository",
    "Revision",
    "StorageFailed",
    "Vault",
    "VaultError",
    "VaultExists",
    "VaultInUse",
    "VaultMismatch",
    "VaultTooNew",
    "WeakPassphrase",
    "WrongRecoveryKey",
    "WrongSecret",
    "check_passphrase",
    "default_vault_folder",
    "passphrase_problem",
    "vault_exists",
]
