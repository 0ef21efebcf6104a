"""Backups on disk. Each backup is a folder `ROOT/VAULT_ID/2026-11-23T10-15-00Z/` holding a copy of the
vault's two files – `vault.db` (still encrypted) and `vault.keys` – and `backup.json`, the manifest written
last, after the copy was opened and checked: when it was made, by which version, and each file's size and
SHA-256. A folder appears under its name only complete and verified (built under a dot-name, then renamed),
so a backup that was never opened after writing never counts.

Backups are files other people may hand over (a USB stick): the manifest is bounded and checked like any
hostile file, and reading it costs nothing beyond its size. A backup folder is also a vault folder: it opens
with the passphrase or recovery key that was valid when it was made."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tyokykyapp import __version__
from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import StorageFailed
from tyokykyapp.vault.files import create_private_file, fsync_directory, write_atomically
from tyokykyapp.vault.instance_lock import LOCK_NAME
from tyokykyapp.vault.location import DB_NAME, KEYS_NAME

MANIFEST = "backup.json"
FORMAT = 1
FILES = (DB_NAME, KEYS_NAME)
MAX_MANIFEST_BYTES = 64 * 1024  # a real one is about 500 bytes
MAX_FOLDERS = 2000  # folders looked at when searching for backups: a chosen folder may be a whole disk
STAGING_PREFIX = ".new-"
_CHUNK = 1 << 20
Progress = Callable[[int, int], None]
UNKNOWN_TIME = datetime.min.replace(tzinfo=UTC)  # a backup whose manifest is unreadable sorts last


@dataclass(frozen=True)
class Backup:
    path: Path
    vault_id: str | None
    created_at: datetime | None  # UTC; None when the manifest cannot be read
    size: int  # bytes of vault.db and vault.keys as they are on disk
    problem: str | None = None  # why it cannot be trusted; None when sound as far as it was checked

    @property
    def intact(self) -> bool:
        return self.problem is None


def folder_name(created_at: datetime) -> str:
    """A name that sorts by time and is valid on every file system (no colons)."""
    return created_at.astimezone(UTC).strftime("%Y-%m-%dT%H-%M-%SZ")


def sha256(path: Path, progress: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            if progress is not None:
                progress(len(chunk))
    return digest.hexdigest()


def _damaged(path: Path, why: str, vault_id: str | None = None, created_at: datetime | None = None) -> Backup:
    return Backup(path, vault_id, created_at, _size(path), why)


def _size(path: Path) -> int:
    total = 0
    for name in FILES:
        with contextlib.suppress(OSError):
            total += (path / name).stat().st_size
    return total


def _manifest(path: Path) -> dict[str, object]:
    """The manifest, checked; ValueError when unusable (missing, too large, not ours, wrong types)."""
    try:
        with (path / MANIFEST).open("rb") as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError as error:
        raise ValueError("no manifest") from error
    if len(raw) > MAX_MANIFEST_BYTES:
        raise ValueError("manifest too large")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ValueError("manifest unreadable") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("not a manifest of this format")
    files = document.get("files")
    if not isinstance(document.get("vault_id"), str) or not isinstance(document.get("created_at"), str):
        raise ValueError("manifest without vault or time")
    if not isinstance(files, dict) or set(files) != set(FILES):
        raise ValueError("manifest without its files")
    for entry in files.values():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("size"), int)
            and isinstance(entry.get("sha256"), str)
            and len(entry["sha256"]) == 64
        ):
            raise ValueError("manifest file entry unusable")
    created = datetime.fromisoformat(str(document["created_at"]))
    if created.tzinfo is None:
        raise ValueError("manifest time without a zone")
    return document


def read_backup(path: Path, *, full: bool = False, progress: Callable[[int], None] | None = None) -> Backup:
    """The backup in folder `path`. Cheap by default (the manifest, and every file there with its size);
    `full` also compares every byte with the SHA-256 recorded when it was verified."""
    try:
        document = _manifest(path)
    except ValueError:
        return _damaged(path, _("The backup's description (backup.json) is missing or damaged."))
    vault_id = str(document["vault_id"])
    created = datetime.fromisoformat(str(document["created_at"])).astimezone(UTC)
    files: dict[str, dict[str, object]] = document["files"]  # type: ignore[assignment]
    for name in FILES:
        try:
            size = (path / name).stat().st_size
        except OSError:
            return _damaged(path, _("The backup's file {name} is missing.").format(name=name), vault_id, created)
        if size != files[name]["size"]:
            return _damaged(path, _("The backup's file {name} is damaged.").format(name=name), vault_id, created)
    if full:
        for name in FILES:
            try:
                digest = sha256(path / name, progress)
            except OSError:
                digest = ""
            if digest != files[name]["sha256"]:
                return _damaged(path, _("The backup's file {name} is damaged.").format(name=name), vault_id, created)
    return Backup(path, vault_id, created, _size(path))


def looks_like_backup(path: Path) -> bool:
    """A folder with a manifest, or with a vault's files but no lock (a vault in use always has its lock file,
    a backup never): one whose manifest was lost is still listed, as damaged."""
    if (path / MANIFEST).exists():
        return True
    return ((path / DB_NAME).exists() or (path / KEYS_NAME).exists()) and not (path / LOCK_NAME).exists()


def _candidates(folder: Path, depth: int) -> Iterator[Path]:
    """Backup folders at most `depth` levels under `folder` (itself included), never following links."""
    seen = 0
    stack = [(folder, 0)]
    while stack and seen < MAX_FOLDERS:
        current, level = stack.pop()
        seen += 1
        if looks_like_backup(current):
            yield current
            continue
        if level == depth:
            continue
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                    stack.append((Path(entry.path), level + 1))


def find_backups(folder: Path, vault_id: str | None = None, *, full: bool = False) -> list[Backup]:
    """The backups in `folder` (a backups root, one vault's folder of backups, or one backup), newest first.
    With `vault_id` only that vault's (and those whose manifest cannot be read, which may be anyone's)."""
    found = [read_backup(path, full=full) for path in _candidates(folder, 3)]
    if vault_id is not None:
        found = [b for b in found if b.vault_id in (vault_id, None)]
    return sorted(found, key=lambda b: b.created_at or UNKNOWN_TIME, reverse=True)


def newest_intact(backups: list[Backup]) -> Backup | None:
    return next((b for b in backups if b.intact and b.created_at is not None), None)


# --- writing ---------------------------------------------------------------------------------------


def staging_folder(parent: Path) -> Path:
    """A private folder beside the backups of one vault, where a new backup is built; leftovers of a build
    that was killed are removed first (only the process holding the vault builds there)."""
    try:
        parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for leftover in parent.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(leftover, ignore_errors=True)
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
    except OSError as error:
        raise StorageFailed() from error


def write_manifest(staging: Path, vault_id: str, created_at: datetime, progress: Callable[[int], None]) -> None:
    files = {
        name: {"size": (staging / name).stat().st_size, "sha256": sha256(staging / name, progress)} for name in FILES
    }
    document = {
        "format": FORMAT,
        "vault_id": vault_id,
        "created_at": created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "app_version": __version__,
        "files": files,
    }
    write_atomically(staging / MANIFEST, (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def put_in_place(staging: Path, created_at: datetime) -> Path:
    """Rename a finished, verified build to its final name (a new name if that one is taken)."""
    parent = staging.parent
    base = folder_name(created_at)
    name, n = base, 1
    try:
        fsync_directory(staging)
        while True:
            try:
                os.rename(staging, parent / name)  # fails on an existing non-empty folder: never replaces one
                break
            except FileExistsError:
                pass
            except OSError:
                if not (parent / name).exists():
                    raise
            n += 1
            name = f"{base}-{n}"
        fsync_directory(parent)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise StorageFailed() from error
    return parent / name


def copy_file(source: Path, target: Path) -> None:
    """Copy to the new file `target` (readable by its owner only) and fsync it; StorageFailed on failure."""
    try:
        create_private_file(target)
        shutil.copyfile(source, target)
        with target.open("rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as error:
        raise StorageFailed() from error


def copy_checked(source: Path, target: Path, progress: Callable[[int], None] | None = None) -> str | None:
    """Copy the backup in `source` into the existing folder `target` (its two files, readable by the owner
    only, fsynced), comparing every byte read with the SHA-256 in the manifest: one pass over the files.
    Returns the problem found (then `target` holds a partial copy), or None."""
    try:
        files: dict[str, dict[str, object]] = _manifest(source)["files"]  # type: ignore[assignment]
    except ValueError:
        return _("The backup's description (backup.json) is missing or damaged.")
    for name in FILES:
        digest = hashlib.sha256()
        try:
            create_private_file(target / name)
            with (source / name).open("rb") as reading, (target / name).open("wb") as writing:
                while chunk := reading.read(_CHUNK):
                    digest.update(chunk)
                    writing.write(chunk)
                    if progress is not None:
                        progress(len(chunk))
                writing.flush()
                os.fsync(writing.fileno())
        except FileNotFoundError:
            return _("The backup's file {name} is missing.").format(name=name)
        except OSError as error:
            raise StorageFailed() from error
        if digest.hexdigest() != files[name]["sha256"]:
            return _("The backup's file {name} is damaged.").format(name=name)
    return None


def remove_backup(backup: Backup) -> bool:
    """Remove a backup folder; False when the disk refused (it is tried again at the next backup)."""
    try:
        # The manifest first: a backup half removed is then never mistaken for a whole one.
        (backup.path / MANIFEST).unlink(missing_ok=True)
        shutil.rmtree(backup.path)
    except OSError:
        return False
    return True
