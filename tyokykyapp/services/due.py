"""The caseload's due list for a day."""

from __future__ import annotations

from datetime import date

from tyokykyapp.process import DueItem, due_items
from tyokykyapp.vault import Vault


def due_list(vault: Vault, today: date) -> list[DueItem]:
    """Everything due or overdue across the caseload, most urgent first."""
    items = [item for facts in vault.repo.due_facts(today) for item in due_items(facts, today)]
    return sorted(items, key=lambda item: (item.due_on, item.kind.value, item.client_id))
