"""Changing the vault's secrets from the desktop app."""

from __future__ import annotations

from tyokykyapp.vault import Vault, check_passphrase
from tyokykyapp.vault.database import Progress


def change_passphrase(vault: Vault, current: str, new: str, *, progress: Progress | None = None) -> None:
    """Set `new` as the passphrase once `current` is proven, re-encrypting the database (slow: progress is
    reported). A weak new passphrase is refused before any slow work."""
    check_passphrase(new)
    vault.verify_passphrase(current)
    vault.change_passphrase(new, progress=progress)
