"""Constants and helpers for tests that use vaults."""

from __future__ import annotations

import os
from pathlib import Path

from tyokykyapp.vault import KdfParams

PASSPHRASE = "kolme pientä kissaa hyppii aidalla"
NEW_PASSPHRASE = "neljä isoa koiraa juoksee rannalla"
# Cheap Argon2id parameters keep the suite fast; tests marked `real_kdf` use the calibrated ones.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def all_files(folder: Path) -> list[Path]:
    """Regular files only: a device or a FIFO under a scanned folder (e.g. a chroot in /tmp) has no end."""
    found = (Path(root) / name for root, _dirs, files in os.walk(folder) for name in files)
    return [path for path in found if path.is_file() and not path.is_symlink()]
