"""A vault folder: `vault.db` (SQLCipher, random data key), `vault.keys` (key slots), `vault.lock`.

Create (built beside the folder and moved into place only once the recovery key has been seen), unlock by
passphrase or recovery key, change the passphrase, make a new recovery key (both re-encrypt the database under
a new data key), check, close.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from tyokykyapp.i18n import _
from tyokykyapp.vault.change_marker import changed_since_backup, clear_mark, set_mark, track_changes
from tyokykyapp.vault.database import (
    Connection,
    DatabaseError,
    Progress,
    compact,
    connect,
    known_errors,
    rekey,
    transaction,
)
from tyokykyapp.vault.due_cache import DueCache
from tyokykyapp.vault.errors import (
    CannotOpenStorage,
    DatabaseDamaged,
    FolderNotEmpty,
    KeyFileDamaged,
    NoVault,
    StorageFailed,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultMismatch,
    WrongRecoveryKey,
    WrongSecret,
)
from tyokykyapp.vault.files import create_private_file, fsync_directory, make_private_folder, remove_leftovers
from tyokykyapp.vault.instance_lock import LOCK_NAME, InstanceLock
from tyokykyapp.vault.keyslots import (
    PASSPHRASE_SLOT,
    RECOVERY_SLOT,
    KdfParams,
    KeyFile,
    OpenedSlot,
    calibrated_params,
    new_data_key,
    slot_label,
)
from tyokykyapp.vault.location import DB_NAME, KEYS_NAME, vault_exists
from tyokykyapp.vault.meetings import MeetingQueries
from tyokykyapp.vault.migrations import migrate
from tyokykyapp.vault.passphrase_policy import check_passphrase
from tyokykyapp.vault.recovery_key import generate_recovery_key, normalise_recovery_key
from tyokykyapp.vault.repository import VAULT_ID_KEY, Repository
from tyokykyapp.vault.search import ClientSearch
from tyokykyapp.vault.snapshot import copy_database, verify_copy
from tyokykyapp.vault.transfer import Transfer


class Vault:
    """An unlocked vault. Use as a context manager, or call close()."""

    def __init__(
        self,
        folder: Path,
        connection: Connection,
        key_file: KeyFile,
        lock: InstanceLock,
        data_key: bytes,
        trusted: frozenset[str],
    ) -> None:
        self.folder = folder
        self.key_file = key_file
        self.repo = Repository(connection)
        self.transfer = Transfer(connection)
        self.due_cache = DueCache(connection)
        track_changes(connection)  # so the next backup knows whether anything changed since the last one
        self.meetings = MeetingQueries(connection)
        self.search = ClientSearch(connection)
        self._connection: Connection | None = connection
        self._lock = lock
        self._data_key: bytes | None = data_key
        # Slots whose public key may be given a new data key: the one just opened (its private key proves
        # it), or all of them when the key file's MAC holds.
        self._trusted = trusted

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
    def prepare(cls, folder: Path, passphrase: str, *, kdf: KdfParams | None = None) -> NewVault:
        """Build a new vault in a private folder beside `folder`; NewVault.install() moves it into place."""
        check_passphrase(passphrase)
        if vault_exists(folder):
            raise VaultExists()
        if folder.is_dir() and any(entry.name != LOCK_NAME for entry in folder.iterdir()):
            raise FolderNotEmpty()  # (a lone lock file is what a failed create of version 0.1 left)
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            _remove_abandoned_builds(folder)
            staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(folder), dir=folder.parent))
        except OSError as error:
            raise StorageFailed() from error
        lock = InstanceLock(staging)
        try:
            lock.acquire()
            params = kdf or calibrated_params()
            data_key = new_data_key()
            recovery_key = generate_recovery_key()
            key_file = KeyFile(str(uuid.uuid4()), datetime.now(UTC).isoformat(timespec="seconds"), {})
            key_file.add_slot(PASSPHRASE_SLOT, passphrase, data_key, params)
            key_file.add_slot(RECOVERY_SLOT, recovery_key, data_key, params)
            key_file.sign(data_key)
            create_private_file(staging / DB_NAME)  # SQLite gives its -wal file the same mode
            connection = connect(staging / DB_NAME, data_key, create=True)
            try:
                migrate(connection)
                Repository(connection).set_setting(VAULT_ID_KEY, key_file.vault_id)
            except BaseException:
                connection.close()
                raise
            key_file.save(staging / KEYS_NAME)
        except BaseException:
            lock.release()
            shutil.rmtree(staging, ignore_errors=True)
            raise
        vault = cls(staging, connection, key_file, lock, data_key, frozenset(key_file.slots))
        return NewVault(folder, vault, recovery_key)

    @classmethod
    def create(cls, folder: Path, passphrase: str, *, kdf: KdfParams | None = None) -> tuple[Vault, str]:
        """Make a new vault and put it in place at once; returns it unlocked, with the recovery key. (The
        command line shows the key before the vault is put in place: see prepare().)"""
        new = cls.prepare(folder, passphrase, kdf=kdf)
        return new.install(), new.recovery_key

    @classmethod
    def unlock(cls, folder: Path, *, passphrase: str | None = None, recovery_key: str | None = None) -> Vault:
        if (passphrase is None) == (recovery_key is None):
            raise ValueError("give exactly one of passphrase or recovery_key")
        if not vault_exists(folder):
            raise NoVault()
        wrong: type[WrongSecret]
        if recovery_key is not None:
            slot, secret, wrong = RECOVERY_SLOT, normalise_recovery_key(recovery_key), WrongRecoveryKey
        else:
            assert passphrase is not None
            slot, secret, wrong = PASSPHRASE_SLOT, passphrase, WrongSecret
        make_private_folder(folder)
        lock = InstanceLock(folder)
        lock.acquire()
        try:
            if not (folder / DB_NAME).exists():
                raise DatabaseDamaged(_("The vault database (vault.db) is missing. Restore it from a backup."))
            key_file = KeyFile.load(folder / KEYS_NAME)  # read under the lock: no change of secrets is under way
            remove_leftovers(folder / KEYS_NAME)  # an old copy of the key slots, from a rewrite that was killed
            connection, opened, from_pending = _open_database(folder, key_file, slot, secret, wrong)
            try:
                _bind(connection, key_file)
                migrate(connection)
                key_file, trusted = _settle_key_file(folder, connection, key_file, slot, secret, opened, from_pending)
            except BaseException:
                connection.close()
                raise
        except StorageFailed as error:
            lock.release()
            raise CannotOpenStorage() from error
        except BaseException:
            lock.release()
            raise
        return cls(folder, connection, key_file, lock, opened.data_key, trusted)

    @classmethod
    def _reopen(cls, folder: Path, key_file: KeyFile, data_key: bytes, trusted: frozenset[str]) -> Vault:
        lock = InstanceLock(folder)
        lock.acquire()
        try:
            connection = connect(folder / DB_NAME, data_key)
        except BaseException:
            lock.release()
            raise
        return cls(folder, connection, key_file, lock, data_key, trusted)

    # --- secrets -----------------------------------------------------------------------------------

    def change_passphrase(
        self, new_passphrase: str, *, kdf: KdfParams | None = None, progress: Progress | None = None
    ) -> None:
        """Set a new passphrase and re-encrypt the database under a new data key: an old copy of vault.keys
        opened with the old passphrase no longer opens today's data."""
        check_passphrase(new_passphrase)
        self._replace_slot(PASSPHRASE_SLOT, new_passphrase, kdf, progress)

    def verify_passphrase(self, passphrase: str) -> None:
        """Raise WrongSecret unless `passphrase` is the vault's current passphrase (asked again before it is
        changed: someone at an unlocked laptop must not set a passphrase of their own)."""
        if self._data_key is None:
            raise RuntimeError("the vault is closed")
        if self.key_file.unwrap(PASSPHRASE_SLOT, passphrase) != self._data_key:
            raise WrongSecret()

    def new_recovery_key(self, *, kdf: KdfParams | None = None, progress: Progress | None = None) -> str:
        """Replace the recovery key (the old one stops working, also in old copies of vault.keys) and
        re-encrypt the database. Returns the new key (show it once)."""
        recovery_key = generate_recovery_key()
        self._replace_slot(RECOVERY_SLOT, recovery_key, kdf, progress)
        return recovery_key

    def _replace_slot(self, name: str, secret: str, kdf: KdfParams | None, progress: Progress | None) -> None:
        data_key, current = self._open_key(), self.key_file
        others = [other for other in current.slots if other != name]
        params = kdf or calibrated_params()
        path = self.folder / KEYS_NAME
        if not all(current.can_reseal(other) for other in others):
            # A slot of format 1 can hold only the current data key: replace this slot, keep the key.
            updated = KeyFile(current.vault_id, current.created_at, dict(current.slots))
            updated.add_slot(name, secret, data_key, params)
            updated.sign(data_key)
            updated.save(path)
            self.key_file = updated
            return
        for other in others:
            if other not in self._trusted:
                raise KeyFileDamaged(
                    _(
                        "The key file (vault.keys) was changed or damaged in the part that {slot} opens, so that"
                        " part cannot take a new key. Replace it first (set a new passphrase or make a new recovery"
                        " key), or restore vault.keys from a backup."
                    ).format(slot=slot_label(other))
                )
        next_key = new_data_key()
        pending = {other: current.resealed(other, next_key) for other in others}
        pending[name] = current.make_slot(name, secret, next_key, params)
        staged = KeyFile(current.vault_id, current.created_at, dict(current.slots), pending=pending)
        staged.sign_pending(next_key)
        staged.sign(data_key)
        staged.save(path)  # from here until the rekey commits, the old secrets open the vault
        committed = threading.Event()
        try:
            rekey(self.connection, self.folder / DB_NAME, next_key, committed, progress)
        finally:
            if committed.is_set():
                # The new secrets open the vault now, whether or not the final key file below is written
                # (the next unlock finishes the change): a failure to write it is no failure of the change.
                final = KeyFile(current.vault_id, current.created_at, pending)
                final.sign(next_key)
                self._data_key, self.key_file, self._trusted = next_key, final, frozenset(pending)
                with contextlib.suppress(StorageFailed):
                    final.save(path)
                with contextlib.suppress(StorageFailed):
                    set_mark(self.connection)  # the next backup opens with the new secrets
            else:
                with contextlib.suppress(StorageFailed):
                    current.save(path)  # otherwise the next unlock drops the pending slots

    # --- backups -----------------------------------------------------------------------------------

    def write_copy(self, target: Path, progress: Progress | None = None) -> None:
        """A consistent copy of the database, still encrypted, in the new file `target` (see snapshot.py)."""
        copy_database(self.connection, target, self._open_key(), progress)

    def copy_problems(self, folder: Path) -> list[str]:
        """What is wrong with a copy of this vault's two files in `folder` (empty when it is sound): the
        database opens with today's data key and passes the integrity check, and the key file is this vault's
        and vouched for by the data key."""
        data_key = self._open_key()
        problems = verify_copy(folder / DB_NAME, data_key, self.id)
        try:
            keys = KeyFile.load(folder / KEYS_NAME)
        except VaultError as error:
            return [*problems, str(error)]
        if keys.vault_id != self.id or (keys.mac is not None and not keys.verified(data_key)):
            problems.append(_("The backup's key file (vault.keys) does not belong to its database."))
        return problems

    def changed_since_backup(self) -> bool:
        return changed_since_backup(self.connection)

    def mark_backed_up(self) -> None:
        """Called after a verified backup of the database as it is now."""
        clear_mark(self.connection)

    def _open_key(self) -> bytes:
        if self._data_key is None:
            raise RuntimeError("the vault is closed")
        return self._data_key

    # --- upkeep ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Repository]:
        with transaction(self.connection):
            yield self.repo

    def compact(self) -> None:
        """After an erasure: the file rebuilt without free pages, and the write-ahead log emptied."""
        compact(self.connection)

    def check(self) -> list[str]:
        """Integrity problems found (empty when the vault is sound): pages, structure, links, records, every
        earlier version, and the key file."""
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
        if self._data_key is not None:
            problems += self.key_file.problems(self._data_key)
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


@dataclass
class NewVault:
    """A vault built in a private folder beside its place. install() moves it in, to be called only once the
    recovery key has been shown or written to a sheet; until then a crash or an error leaves no vault at all,
    and a new `init` works."""

    folder: Path
    vault: Vault
    recovery_key: str

    def install(self) -> Vault:
        staging, key_file, data_key = self.vault.folder, self.vault.key_file, self.vault._data_key
        assert data_key is not None
        self.vault.close()
        try:
            if self.folder.is_dir():
                (self.folder / LOCK_NAME).unlink(missing_ok=True)
                self.folder.rmdir()  # empty (checked in prepare); a folder with files in it stays and refuses
            os.rename(staging, self.folder)
            fsync_directory(self.folder.parent)
        except OSError as error:
            self.discard()
            raise (VaultExists() if vault_exists(self.folder) else StorageFailed()) from error
        return Vault._reopen(self.folder, key_file, data_key, frozenset(key_file.slots))

    def discard(self) -> None:
        self.vault.close()
        shutil.rmtree(self.vault.folder, ignore_errors=True)


def _staging_prefix(folder: Path) -> str:
    return f".{folder.name}.new-"


def _remove_abandoned_builds(folder: Path) -> None:
    """Builds left by an `init` that was killed before its vault was put in place (no lock held on them)."""
    for staging in folder.parent.glob(_staging_prefix(folder) + "*"):
        lock = InstanceLock(staging)
        try:
            lock.acquire()
        except (OSError, VaultInUse):  # a running init holds it
            continue
        lock.release()
        shutil.rmtree(staging, ignore_errors=True)


def _open_database(
    folder: Path, key_file: KeyFile, slot: str, secret: str, wrong: type[WrongSecret]
) -> tuple[Connection, OpenedSlot, bool]:
    """Open the database with the data key `secret` opens. During a change of secrets (pending slots) the
    database is under the old key or the new one: the secret opens whichever slot matches it."""
    opened: list[tuple[OpenedSlot, bool]] = []
    refused: list[Exception] = []
    for from_pending in (False, True) if key_file.pending is not None else (False,):
        try:
            opened.append((key_file.open(slot, secret, wrong, pending=from_pending), from_pending))
        except (WrongSecret, KeyFileDamaged) as error:
            refused.append(error)
    if not opened:
        raise refused[0]
    for candidate, from_pending in opened:
        try:
            return connect(folder / DB_NAME, candidate.data_key), candidate, from_pending
        except DatabaseDamaged:
            continue
    if key_file.pending is not None:
        raise wrong()  # the secret belongs to the side of an interrupted change that did not happen
    raise DatabaseDamaged(
        _(
            "The vault database does not open with this key file: it is damaged, or one of vault.db and"
            " vault.keys was replaced (perhaps from an older backup). Put back the two files saved together."
        )
    )


def _bind(connection: Connection, key_file: KeyFile) -> None:
    """The database names the vault its key file belongs to; a vault made before the binding adopts it."""
    repo = Repository(connection)
    stored = repo.setting(VAULT_ID_KEY)
    if stored is None:
        with contextlib.suppress(StorageFailed):  # written next time; the data key has already proved the pair
            repo.set_setting(VAULT_ID_KEY, key_file.vault_id)
    elif stored != key_file.vault_id:
        raise VaultMismatch()


def _settle_key_file(
    folder: Path,
    connection: Connection,
    key_file: KeyFile,
    slot: str,
    secret: str,
    opened: OpenedSlot,
    from_pending: bool,
) -> tuple[KeyFile, frozenset[str]]:
    """Finish or undo a change of secrets a crash interrupted, convert a format-1 slot just opened, and say
    which slots are trusted. Writing is best effort: each state left behind opens the same way."""
    data_key = opened.data_key
    settled = key_file
    if from_pending:
        assert key_file.pending is not None
        with contextlib.suppress(DatabaseError):  # no page under the old key stays (a full disk: next time)
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        verified = key_file.pending_verified(data_key)
        settled = KeyFile(key_file.vault_id, key_file.created_at, dict(key_file.pending))
    elif key_file.pending is not None:
        verified = key_file.verified(data_key)
        settled = KeyFile(key_file.vault_id, key_file.created_at, dict(key_file.slots))
    else:
        verified = key_file.verified(data_key)
    converting = opened.private_key is None
    if converting:  # format 1: give this slot a key pair, with the salt already derived
        settled = KeyFile(settled.vault_id, settled.created_at, dict(settled.slots))
        settled.slots[slot] = settled.make_slot(
            slot, secret, data_key, opened.params, wrapping=(opened.salt, opened.wrapping_key)
        )
    if settled is not key_file:
        # A format-1 file has no MAC yet: it gets one, unless it holds a key pair no MAC vouched for (a
        # planted slot must never be blessed, or the next data key would be sealed to it).
        if verified or (converting and not any(key_file.can_reseal(other) for other in key_file.slots)):
            settled.sign(data_key)
        with contextlib.suppress(StorageFailed):
            settled.save(folder / KEYS_NAME)
    trusted = frozenset(settled.slots) if verified else frozenset({slot})
    return settled, trusted
