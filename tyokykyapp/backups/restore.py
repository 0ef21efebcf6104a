"""Opening a backup and restoring it.

A backup opens with the passphrase or recovery key that was valid **when it was made**: it holds the key file
of that day, and a change of secrets since then gave today's vault a new data key, not the backup. Opening
reads the backup only (read-only), so listing or checking never changes one.

Restoring puts the backup's two files in place of the vault's, after the whole backup was checked (every byte
against its manifest, every page against its authentication code, the structure); the vault's own files are
first moved aside into a folder beside it (`vault-before-restore-…`), never deleted: that folder is itself a
vault that opens with the secrets that opened it."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tyokykyapp.backups.errors import BackupDamaged, NotABackup
from tyokykyapp.backups.store import FILES, Backup, copy_checked, looks_like_backup, read_backup
from tyokykyapp.vault import KeyFileDamaged, StorageFailed, VaultError, WrongRecoveryKey, WrongSecret
from tyokykyapp.vault.files import fsync_directory, make_private_folder
from tyokykyapp.vault.instance_lock import LOCK_NAME, InstanceLock
from tyokykyapp.vault.keyslots import PASSPHRASE_SLOT, RECOVERY_SLOT, KeyFile
from tyokykyapp.vault.location import DB_NAME, KEYS_NAME
from tyokykyapp.vault.recovery_key import normalise_recovery_key
from tyokykyapp.vault.snapshot import count_clients, open_copy, verify_copy

Progress = Callable[[int, int], None]
# The vault's own files, moved aside by a restore (the log too: it may hold saves not yet in vault.db).
VAULT_FILES = (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", KEYS_NAME)


@dataclass(frozen=True)
class Secret:
    """The passphrase or the recovery key a backup is opened with (in memory only)."""

    passphrase: str | None = field(default=None, repr=False)
    recovery_key: str | None = field(default=None, repr=False)

    def slot(self) -> tuple[str, str, type[WrongSecret]]:
        if self.recovery_key is not None:
            return RECOVERY_SLOT, normalise_recovery_key(self.recovery_key), WrongRecoveryKey
        return PASSPHRASE_SLOT, self.passphrase or "", WrongSecret


@dataclass(frozen=True)
class OpenedBackup:
    backup: Backup
    clients: int
    data_key: bytes = field(repr=False)


def _key_candidates(key_file: KeyFile, secret: Secret) -> list[bytes]:
    """The data keys the secret opens in the backup's key file (two while a change of secrets was pending)."""
    slot, text, wrong = secret.slot()
    keys: list[bytes] = []
    refused: list[VaultError] = []
    for pending in (False, True) if key_file.pending is not None else (False,):
        try:
            keys.append(key_file.open(slot, text, wrong, pending=pending).data_key)
        except (WrongSecret, KeyFileDamaged) as error:
            refused.append(error)
    if not keys:
        raise refused[0]
    return keys


def open_backup(backup: Backup, secret: Secret) -> OpenedBackup:
    """Unlock a backup with the secret valid when it was made and count its clients (read-only)."""
    if not backup.intact:
        raise BackupDamaged(backup.problem or "")
    key_file = KeyFile.load(backup.path / KEYS_NAME)
    failure: VaultError | None = None
    for data_key in _key_candidates(key_file, secret):
        try:
            connection = open_copy(backup.path / DB_NAME, data_key)
        except VaultError as error:
            failure = error
            continue
        try:
            return OpenedBackup(backup, count_clients(connection), data_key)
        except VaultError as error:
            failure = error
        finally:
            connection.close()
    assert failure is not None
    raise BackupDamaged(str(failure))


@dataclass(frozen=True)
class NotOpened:
    backup: Backup
    reason: str
    damaged: bool  # False: only the secret did not open it (one valid when it was made would)


def open_backups(backups: Sequence[Backup], secret: Secret) -> list[OpenedBackup | NotOpened]:
    """Each backup opened, or why not. Backups whose key files hold the same slot (no change of secrets in
    between) share one key derivation, whether it opened them or not: a year of backups costs one or two."""
    slot, _text, _wrong = secret.slot()
    known: dict[str, bytes | WrongSecret] = {}  # slot digest -> the data key it opened, or its refusal
    results: list[OpenedBackup | NotOpened] = []
    for backup in backups:
        try:
            results.append(_open_sharing(backup, secret, slot, known))
        except WrongSecret as error:
            results.append(NotOpened(backup, str(error), damaged=False))
        except VaultError as error:
            results.append(NotOpened(backup, str(error), damaged=True))
    return results


def _open_sharing(backup: Backup, secret: Secret, slot: str, known: dict[str, bytes | WrongSecret]) -> OpenedBackup:
    if not backup.intact:
        raise BackupDamaged(backup.problem or "")
    key_file = KeyFile.load(backup.path / KEYS_NAME)
    digest = key_file.slots.get(slot, {}).get("digest")
    shared = digest if isinstance(digest, str) and key_file.pending is None else None
    earlier = known.get(shared) if shared is not None else None
    if isinstance(earlier, WrongSecret):
        raise type(earlier)(str(earlier))
    if isinstance(earlier, bytes):
        try:
            connection = open_copy(backup.path / DB_NAME, earlier)
        except VaultError:
            pass  # the same slot but another data key (only if edited): opened the slow way below
        else:
            try:
                return OpenedBackup(backup, count_clients(connection), earlier)
            finally:
                connection.close()
    try:
        opened = open_backup(backup, secret)
    except WrongSecret as error:
        if shared is not None:
            known[shared] = error
        raise
    if shared is not None:
        known[shared] = opened.data_key
    return opened


def backup_at(path: Path) -> Backup:
    """The backup in folder `path` (as `backups` lists it), cheaply checked."""
    if not path.is_dir() or not looks_like_backup(path):
        raise NotABackup()
    return read_backup(path)


@dataclass(frozen=True)
class Restored:
    backup: Backup
    clients: int
    folder: Path
    kept_aside: Path | None  # where the vault's own files went; None when the folder held none


def aside_name(folder: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H-%M-%SZ")
    return folder.with_name(f"{folder.name}-before-restore-{stamp}")


def restore_backup(
    opened: OpenedBackup, folder: Path, *, progress: Progress | None = None, now: datetime | None = None
) -> Restored:
    """Put the backup in place of the vault in `folder` (made if missing). The vault must not be open
    (VaultInUse). The backup is copied into a private folder inside `folder` while it is checked whole –
    every byte against its manifest, every page against its authentication code, side by side – and only a
    sound copy goes on (BackupDamaged: nothing of the vault was touched). Then the vault's files are moved
    aside and the copies renamed in."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StorageFailed() from error
    make_private_folder(folder)
    lock = InstanceLock(folder)
    lock.acquire()
    try:
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=folder))
        try:
            problem = _copy_and_check(opened, staging, progress)
            if problem is not None:
                raise BackupDamaged(problem)
            kept = _move_aside(folder, aside_name(folder, now or datetime.now(UTC)))
            for name in FILES:
                os.replace(staging / name, folder / name)
            fsync_directory(folder)
        except OSError as error:
            raise StorageFailed() from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        lock.release()
    if progress is not None:
        progress(1, 1)
    return Restored(opened.backup, opened.clients, folder, kept)


def _copy_and_check(opened: OpenedBackup, staging: Path, progress: Progress | None) -> str | None:
    """The copy (which hashes what it reads) and the page check run side by side: the check decrypts, the
    copy waits on the disk. The structure was checked when the backup was made, and the hashes prove these
    are the same bytes."""
    backup = opened.backup
    pages: list[str] = []
    failures: list[BaseException] = []

    def check() -> None:
        try:
            pages.extend(verify_copy(backup.path / DB_NAME, opened.data_key, backup.vault_id or "", structure=False))
        except BaseException as error:  # a bug: raised again below
            failures.append(error)

    checking = threading.Thread(target=check, name="restore check")
    checking.start()
    total, done = max(backup.size, 1), [0]

    def copied(chunk: int) -> None:
        done[0] += chunk
        if progress is not None:
            progress(min(done[0], total), total + total // 2)  # the check usually ends last: leave it room

    try:
        problem = copy_checked(backup.path, staging, copied)
    finally:
        checking.join()
    if failures:
        raise failures[0]
    return problem or (pages[0] if pages else None)


def _move_aside(folder: Path, aside: Path) -> Path | None:
    present = [name for name in VAULT_FILES if (folder / name).exists()]
    if not present:
        return None
    aside.mkdir(mode=0o700)
    for name in present:
        os.replace(folder / name, aside / name)
    with contextlib.suppress(OSError):
        # A vault folder, not a backup: a search for backups passes it by (store.looks_like_backup).
        (aside / LOCK_NAME).touch(mode=0o600)
    fsync_directory(aside)
    fsync_directory(folder)
    return aside
