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
    return [Path(root) / name for root, _dirs, files in os.walk(folder) for name in files]
