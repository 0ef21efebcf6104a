"""Crash-safe file writes: a temporary file beside the target, fsync, then one atomic rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from tyokykyapp.vault.errors import StorageFailed


def fsync_directory(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; its rename is durable enough.
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_leftovers(path: Path) -> None:
    """Temporary files of `path` left by a process killed mid-write (call only while holding the vault)."""
    for leftover in path.parent.glob(_temporary_prefix(path) + "*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def write_atomically(path: Path, data: bytes) -> None:
    """After a crash at any moment `path` holds the old or the new content, never neither."""
    try:
        fd, temporary = tempfile.mkstemp(prefix=_temporary_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise StorageFailed() from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
        fsync_directory(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise StorageFailed() from error


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as error:
        raise StorageFailed() from error


def make_private_folder(folder: Path) -> None:
    """The vault folder readable by its owner only, also when it existed before (`--vault` on a shared
    folder). Windows has no such mode bits; a file system without them (a FAT stick) keeps its own."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        if folder.stat().st_mode & 0o077:
            os.chmod(folder, 0o700)
