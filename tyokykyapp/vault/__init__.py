"""The encrypted vault: SQLCipher with a random data key, Argon2id + AES-GCM key slots, migrations,
and the repository that holds all SQL."""

from tyokykyapp.vault.errors import (
    DatabaseDamaged,
    KeyFileDamaged,
    KeyFileMissing,
    NoVault,
    StorageFailed,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultTooNew,
    WeakPassphrase,
    WrongRecoveryKey,
    WrongSecret,
)
from tyokykyapp.vault.keyslots import KdfParams
from tyokykyapp.vault.location import default_vault_folder
from tyokykyapp.vault.passphrase_policy import check_passphrase, passphrase_problem
from tyokykyapp.vault.repository import ClientSummary, Repository, Revision, SearchHit
from tyokykyapp.vault.vault import Vault, vault_exists

__all__ = [
    "ClientSummary",
    "DatabaseDamaged",
    "KdfParams",
    "KeyFileDamaged",
    "KeyFileMissing",
    "NoVault",
    "Repository",
    "Revision",
    "SearchHit",
    "StorageFailed",
    "Vault",
    "VaultError",
    "VaultExists",
    "VaultInUse",
    "VaultTooNew",
    "WeakPassphrase",
    "WrongRecoveryKey",
    "WrongSecret",
    "check_passphrase",
    "default_vault_folder",
    "passphrase_problem",
    "vault_exists",
]
