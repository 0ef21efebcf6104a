"""The employer register as the other records refer to it."""

from __future__ import annotations

from tyokykyapp.vault import Vault


def employer_names(vault: Vault) -> dict[str, str]:
    """Each employer's id in the register and its name: jobs, applications and contacts refer to employers
    by id, and every list, timeline and printed form shows the name."""
    return vault.repo.employer_names()
