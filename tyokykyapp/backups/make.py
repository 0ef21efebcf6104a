"""Making a backup (KeePassXC's backup-before-save, Borg/Vorta's verified and pruned archives):

1. the database is copied with SQLite's online backup API through the vault's own connection (a consistent
   copy, still encrypted; never a file copy of a live database and its write-ahead log), and the key file
   that opens it is written beside it, in a private folder under a dot-name;
2. the copy is **opened and checked** (every page's authentication code, the structure, the vault id; the key
   file vouched for by the data key), and only then described in its manifest (sizes, SHA-256) and renamed
   into place – a backup never opened after writing never appears;
3. it is copied to the second location, when one is chosen and reachable, and read back there against the
   manifest; an absent stick or drive is reported, never an error;
4. the backups are pruned: 7 daily, 4 weekly, 12 monthly (rotation.py), and none older than the
   organisation's retention period.

The app makes one after a day with changes, when the vault is locked or closed, at most once a day
(`backup_due`)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tyokykyapp.backups.locations import load_locations, note_second_reached, primary_root, second_root
from tyokykyapp.backups.rotation import to_keep
from tyokykyapp.backups.store import (
    FILES,
    MANIFEST,
    Backup,
    copy_file,
    find_backups,
    newest_intact,
    put_in_place,
    read_backup,
    remove_backup,
    staging_folder,
    write_manifest,
)
from tyokykyapp.domain.dates import years_from
from tyokykyapp.domain.errors import UserError
from tyokykyapp.i18n import _
from tyokykyapp.services.coach import organisation_details
from tyokykyapp.vault import StorageFailed, Vault
from tyokykyapp.vault.files import write_atomically
from tyokykyapp.vault.location import DB_NAME, KEYS_NAME

Progress = Callable[[int, int], None]
_SCALE = 1000  # the progress bar's units: copying to 60 %, checking to 85 %, the manifest to 100 %


class BackupNotVerified(UserError):
    pass


@dataclass(frozen=True)
class SecondCopy:
    location: Path
    copy: Path | None = None  # the copy there, read back against the manifest; None when not reached
    problem: str | None = None

    @property
    def reached(self) -> bool:
        return self.copy is not None


@dataclass(frozen=True)
class BackupMade:
    backup: Backup
    second: SecondCopy | None  # None: no second location chosen (or a backup --to a folder)
    pruned: tuple[Path, ...] = ()


def vault_backups(vault_id: str, root: Path | None = None) -> Path:
    """The folder of one vault's backups under a backups root."""
    return (root or primary_root()) / vault_id


def backup_due(vault: Vault, now: datetime | None = None) -> bool:
    """Whether locking or closing should make a backup: none yet, or changes since the last one and none
    made today (the coach's local day)."""
    newest = newest_intact(find_backups(vault_backups(vault.id)))
    if newest is None or newest.created_at is None:
        return True
    today = (now or datetime.now(UTC)).astimezone().date()
    if newest.created_at.astimezone().date() == today:
        return False
    return vault.changed_since_backup()


def _stage(progress: Progress | None, start: int, end: int) -> Progress:
    def report(done: int, total: int) -> None:
        if progress is not None and total > 0:
            progress(start + (end - start) * min(done, total) // total, _SCALE)

    return report


def _hashing(progress: Progress | None, total: int) -> Callable[[int], None]:
    done = [0]
    report = _stage(progress, 850, _SCALE)

    def add(chunk: int) -> None:
        done[0] += chunk
        report(done[0], total)

    return add


def make_backup(
    vault: Vault, root: Path | None = None, *, progress: Progress | None = None, now: datetime | None = None
) -> BackupMade:
    """Write and verify one backup of `vault` in `root` (default: the per-user backups folder, then also the
    second location, then pruning both). With a `root` of the coach's choosing (`backup --to DIR`) only that
    one backup is written: nothing there is pruned."""
    automatic = root is None
    staging = staging_folder(vault_backups(vault.id, root))
    try:
        vault.write_copy(staging / DB_NAME, _stage(progress, 0, 600))
        write_atomically(staging / KEYS_NAME, vault.key_file.to_bytes())
        created = now or datetime.now(UTC)
        _stage(progress, 600, 850)(0, 1)
        problems = vault.copy_problems(staging)
        if problems:
            raise BackupNotVerified(
                _("The backup was written but did not pass its check, so it was not kept: {problem}").format(
                    problem=problems[0]
                )
            )
        size = sum((staging / name).stat().st_size for name in FILES)
        write_manifest(staging, vault.id, created, _hashing(progress, size))
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise StorageFailed() from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    backup = read_backup(put_in_place(staging, created))
    if not automatic:
        return BackupMade(backup, None)
    vault.mark_backed_up()  # nothing was written since the copy: the job holds the vault
    second = None
    locations = load_locations()
    if locations.second is not None:
        second = copy_to_second(backup, locations.second)
        if second.reached:
            note_second_reached(vault.id, created)
    retention = organisation_details(vault).retention_years
    pruned = prune(vault_backups(vault.id), created, retention)
    if second is not None and second.reached:
        pruned += prune(vault_backups(vault.id, second_root(second.location)), created, retention)
    return BackupMade(backup, second, tuple(pruned))


def copy_to_second(backup: Backup, location: Path) -> SecondCopy:
    """Copy a verified backup to the second location and read it back; never raises for an absent or full
    place (the coach is told, the backup in the data folder stands)."""
    if not second_root(location).is_dir():  # unplugged (an empty mount point has no such folder)
        return SecondCopy(
            location,
            problem=_(
                "The second backup location {path} was not reached. Is the USB stick or the network drive connected?"
            ).format(path=location),
        )
    assert backup.vault_id is not None and backup.created_at is not None
    try:
        staging = staging_folder(vault_backups(backup.vault_id, second_root(location)))
    except StorageFailed:
        return SecondCopy(
            location, problem=_("The second backup location {path} is not writable.").format(path=location)
        )
    try:
        for name in (*FILES, MANIFEST):
            copy_file(backup.path / name, staging / name)
        copied = read_backup(staging, full=True)  # every byte read back against the manifest
        if not copied.intact:
            raise StorageFailed(copied.problem)
        return SecondCopy(location, copy=put_in_place(staging, backup.created_at))
    except StorageFailed:
        shutil.rmtree(staging, ignore_errors=True)
        return SecondCopy(
            location,
            problem=_("Copying to the second backup location {path} failed: it may be full or not writable.").format(
                path=location
            ),
        )


def prune(folder: Path, now: datetime, retention_years: int) -> list[Path]:
    """Remove the backups of one vault that the rotation does not keep, and every one older than the
    retention period. Damaged backups are left alone until they pass the retention period (nothing the coach
    might still want is removed for being unreadable to us). Returns the folders removed."""
    backups = [b for b in find_backups(folder) if b.created_at is not None]
    intact = [b for b in backups if b.intact]
    kept = to_keep([b.created_at for b in intact if b.created_at is not None])
    oldest_kept = years_from(now.astimezone().date(), -retention_years)
    removed = []
    for backup in backups:
        assert backup.created_at is not None
        expired = backup.created_at.astimezone().date() < oldest_kept
        rotated_out = backup.intact and intact.index(backup) not in kept
        if (expired or rotated_out) and remove_backup(backup):
            removed.append(backup.path)
    return removed
