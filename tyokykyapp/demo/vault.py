"""The demo vault: synthetic clients for trying the app, made the same way from the GUI and the command
line."""

from __future__ import annotations

from pathlib import Path

from tyokykyapp.demo.caseload import fill_demo
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.dates import today
from tyokykyapp.services.coach import set_coach_details
from tyokykyapp.vault import Vault
from tyokykyapp.vault.location import vault_exists


def open_demo_vault(folder: Path, passphrase: str, *, coach: str, organisation: str) -> Vault:
    """The demo vault in `folder`, unlocked; made and filled on first use (seeded with today's date)."""
    if vault_exists(folder):
        return Vault.unlock(folder, passphrase=passphrase)
    vault, _recovery_key = Vault.create(folder, passphrase)
    try:
        set_coach_details(vault, CoachDetails(name=coach, organisation=organisation))
        fill_demo(vault, seed=today().toordinal(), coach=coach)
    except BaseException:
        vault.close()
        raise
    return vault
