"""The clients the coach opened last, kept in the vault (they are client data, so never in the app's
settings file)."""

from __future__ import annotations

from tyokykyapp.domain import Client, NotFound
from tyokykyapp.vault import Vault
from tyokykyapp.vault.repository import RECENT_KEY

RECENT_COUNT = 8


def recent_clients(vault: Vault) -> list[str]:
    stored = vault.repo.setting(RECENT_KEY, [])
    return [c for c in stored if isinstance(c, str)] if isinstance(stored, list) else []


def remember_opened(vault: Vault, client_id: str) -> None:
    try:
        vault.repo.get(Client, client_id)
    except NotFound:
        return
    recent = [client_id, *[c for c in recent_clients(vault) if c != client_id]][:RECENT_COUNT]
    vault.repo.set_setting(RECENT_KEY, recent)
