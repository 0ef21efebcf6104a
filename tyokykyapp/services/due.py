"""The caseload's due list for a day."""

from __future__ import annotations

import contextlib
from datetime import date

from tyokykyapp.process.due import DueItem, due_outlook, items_listed
from tyokykyapp.services.coach import service_terms
from tyokykyapp.vault import StorageFailed, Vault, VaultInUse


def due_list(vault: Vault, today: date) -> list[DueItem]:
    """Everything due or overdue across the caseload, most urgent first.

    The vault keeps each client's results until the client changes or the day comes when they could differ;
    only the clients without a result that holds today are run through the rules, and their results kept.
    """
    terms = service_terms(vault)
    kept, stale = vault.due_cache.read(today, terms)
    if not stale:
        return kept
    outlooks = [due_outlook(facts, today) for facts in vault.repo.due_facts(today, ids=stale)]
    # A full disk or a busy file costs only speed: the list is right, and recomputed next time.
    with contextlib.suppress(StorageFailed, VaultInUse):
        vault.due_cache.keep(today, stale, outlooks, terms)
    items = kept + [item for outlook in outlooks for item in items_listed(outlook, today, terms)]
    return sorted(items, key=lambda item: (item.due_on, item.kind.value, item.client_id))
