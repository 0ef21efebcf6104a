"""The demo vault: synthetic clients for trying the app, made the same way from the GUI and the command
line."""

from __future__ import annotations

from pathlib import Path

from tyokykyapp.demo.caseload import generate_caseload
from tyokykyapp.domain import UserError
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.dates import today
from tyokykyapp.i18n import _
from tyokykyapp.services.coach import set_coach_details
from tyokykyapp.vault import Vault
from tyokykyapp.vault.location import vault_exists

DEMO_CLIENTS = 40


def fill_demo_vault(vault: Vault, clients: int, *, seed: int, coach: str) -> int:
    """Synthetic clients into an empty vault, which is then marked a demo vault; returns the records written."""
    if vault.repo.clients(limit=1) or vault.repo.clients(deleted=True, limit=1):
        raise UserError(_("This vault already has clients: demo data goes into an empty vault."))
    written = generate_caseload(vault, clients, seed=seed, coach=coach)
    vault.repo.set_setting("demo", True)
    return written


def open_demo_vault(folder: Path, passphrase: str, *, coach: str, organisation: str) -> Vault:
    """The demo vault in `folder`, unlocked; made and filled on first use (seeded with today's date)."""
    if vault_exists(folder):
        return Vault.unlock(folder, passphrase=passphrase)
    vault, _recovery_key = Vault.create(folder, passphrase)
    try:
        set_coach_details(vault, CoachDetails(name=coach, organisation=organisation))
        fill_demo_vault(vault, DEMO_CLIENTS, seed=today().toordinal(), coach=coach)
    except BaseException:
        vault.close()
        raise
    return vault
