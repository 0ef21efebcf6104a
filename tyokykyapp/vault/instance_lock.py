"""One app instance per vault: an OS file lock on `vault.lock`, held while the vault is open.

The OS drops the lock when the process ends, so a crash never leaves a stale lock behind. The lock file
holds nothing about clients. It is only the quick, clear refusal: the database file itself stays locked by
SQLite while it is open (`database.connect`), so deleting `vault.lock` lets no second process in.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from tyokykyapp.vault.errors import VaultInUse

LOCK_NAME = "vault.lock"


class InstanceLock:
    def __init__(self, folder: Path) -> None:
        self._path = folder / LOCK_NAME
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        # Mode 0600 whatever the umask, also for a lock file left by an older version.
        handle = os.fdopen(os.open(self._path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600), "r+b")
        try:
            if os.name == "posix":
                os.fchmod(handle.fileno(), 0o600)
            _lock(handle)
        except OSError:
            handle.close()
            raise VaultInUse() from None
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
