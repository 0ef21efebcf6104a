"""Where the vault lives: `--vault DIR`, else $TYOKYKY_VAULT, else the per-user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def default_vault_folder() -> Path:
    configured = os.environ.get("TYOKYKY_VAULT")
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_data_path("tyokyky", appauthor=False) / "vault"


DB_NAME = "vault.db"
KEYS_NAME = "vault.keys"


def vault_exists(folder: Path) -> bool:
    return (folder / KEYS_NAME).exists() or (folder / DB_NAME).exists()
