"""A vault folder: `vault.db` (SQLCipher, random data key), `vault.keys` (key slots), `vault.lock`.

Create, unlock by passphrase or recovery key, change the passphrase, make a new recovery key, check,
close. Only the key file is rewritten when a secret changes, atomically.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from tyokykyapp.vault.database import Connection, DatabaseError, connect, known_errors, transaction
from tyokykyapp.vault.due_cache import DueCache
from tyokykyapp.vault.errors import DatabaseDamaged, NoVault, VaultExists, WrongRecoveryKey
from tyokykyapp.vault.files import create_private_file
from tyokykyapp.vault.instance_lock import InstanceLock
from tyokykyapp.vault.keyslots import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KdfParams,
    KeyFile,
    calibrated_params,
    new_data_key,
)
from tyokykyapp.vault.location import DB_NAME, KEYS_NAME, vault_exists
from tyokykyapp.vault.migrations import migrate
from tyokykyapp.vault.passphrase_policy import check_passphrase
from tyokykyapp.vault.recovery_key import generate_recovery_key, normalise_recovery_key
from tyokykyapp.vault.repository import Repository
from tyokykyapp.vault.transfer import Transfer


class Vault:
    """An unlocked vault. Use as a context manager, or call close()."""

    def __init__(
        self, folder: Path, connection: Connection, key_file: KeyFile, lock: InstanceLock, data_key: bytes
    ) -> None:
        self.folder = folder
        self.key_file = key_file
        self.repo = Repository(connection)
        self.transfer = Transfer(connection)
        self.due_cache = DueCache(connection)
        self._connection: Connection | None = connection
        self._lock = lock
        self._data_key: bytes | None = data_key

    @property
    def id(self) -> str:
        return self.key_file.vault_id

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.key_file.created_at)

    @property
    def connection(self) -> Connection:
        if self._connection is None:
            raise RuntimeError("the vault is closed")
        return self._connection

    # --- opening -----------------------------------------------------------------------------------

    @classmethod
    def create(cls, folder: Path, passphrase: str, *, kdf: KdfParams | None = None) -> tuple[Vault, str]:
        """Make a new vault; returns it unlocked, with the recovery key (shown to the coach once)."""
        check_passphrase(passphrase)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if vault_exists(folder):
            raise VaultExists()
        lock = InstanceLock(folder)
        lock.acquire()
        try:
            params = kdf or calibrated_params()
            data_key = new_data_key()
            recovery_key = generate_recovery_key()
            key_file = KeyFile(str(uuid.uuid4()), datetime.now(UTC).isoformat(timespec="seconds"), {})
            key_file.add_slot(PASSPHRASE_SLOT, passphrase, data_key, params)
            key_file.add_slot(RECOVERY_SLOT, recovery_key, data_key, params)
            create_private_file(folder / DB_NAME)  # SQLite gives its -wal and -shm files the same mode
            connection = connect(folder / DB_NAME, data_key, create=True)
            migrate(connection)
            # The database is complete before the key file appears: a folder with a key file is a vault.
            key_file.save(folder / KEYS_NAME)
        except BaseException:
            lock.release()
            raise
        vault = cls(folder, connection, key_file, lock, data_key)
        vault.repo.set_setting("vault_id", key_file.vault_id)
        return vault, recovery_key

    @classmethod
    def unlock(cls, folder: Path, *, passphrase: str | None = None, recovery_key: str | None = None) -> Vault:
        if (passphrase is None) == (recovery_key is None):
            raise ValueError("give exactly one of passphrase or recovery_key")
        if not vault_exists(folder):
            raise NoVault()
        key_file = KeyFile.load(folder / KEYS_NAME)
        lock = InstanceLock(folder)
        lock.acquire()
        try:
            if recovery_key is not None:
                data_key = key_file.unwrap(RECOVERY_SLOT, normalise_recovery_key(recovery_key), WrongRecoveryKey)
            else:
                assert passphrase is not None
                data_key = key_file.unwrap(PASSPHRASE_SLOT, passphrase)
            connection = connect(folder / DB_NAME, data_key)
            try:
                migrate(connection)
            except BaseException:
                connection.close()
                raise
        except BaseException:
            lock.release()
            raise
        return cls(folder, connection, key_file, lock, data_key)

    # --- secrets -----------------------------------------------------------------------------------

    def _rewrap(self, slot: str, secret: str, kdf: KdfParams | None) -> None:
        if self._data_key is None:
            raise RuntimeError("the vault is closed")
        updated = KeyFile(self.key_file.vault_id, self.key_file.created_at, dict(self.key_file.slots))
        updated.add_slot(slot, secret, self._data_key, kdf or calibrated_params())
        updated.save(self.folder / KEYS_NAME)
        self.key_file = updated

    def change_passphrase(self, new_passphrase: str, *, kdf: KdfParams | None = None) -> None:
        check_passphrase(new_passphrase)
        self._rewrap(PASSPHRASE_SLOT, new_passphrase, kdf)

    def new_recovery_key(self, *, kdf: KdfParams | None = None) -> str:
        """Replace the recovery key; the old one stops working. Returns the new one (show it once)."""
        recovery_key = generate_recovery_key()
        self._rewrap(RECOVERY_SLOT, recovery_key, kdf)
        return recovery_key

    # --- upkeep ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Repository]:
        with transaction(self.connection):
            yield self.repo

    def check(self) -> list[str]:
        """Integrity problems found (empty when the vault is sound): pages, structure, links, records."""
        problems: list[str] = []
        try:
            with known_errors():
                pages = [row[0] for row in self.connection.execute("PRAGMA cipher_integrity_check")]
                problems += [f"page check: {p}" for p in pages]
                structure = [row[0] for row in self.connection.execute("PRAGMA integrity_check")]
                problems += [f"structure: {s}" for s in structure if s != "ok"]
                links = self.connection.execute("PRAGMA foreign_key_check").fetchall()
                problems += [f"link: {row}" for row in links]
                problems += self.repo.unreadable_records()
        except (DatabaseDamaged, DatabaseError) as error:
            problems.append(str(error))
        return problems

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(DatabaseError):
                self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._connection.close()
            self._connection = None
        self._data_key = None
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
