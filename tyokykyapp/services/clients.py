"""Adding, editing, deleting (to the bin), restoring and erasing clients."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tyokykyapp.domain import Client, NotFound, Phase, PhaseChange, UserError
from tyokykyapp.domain.dates import today
from tyokykyapp.i18n import _
from tyokykyapp.services.changes import Changes
from tyokykyapp.services.coach import coach_details
from tyokykyapp.services.guard import ensure_editable
from tyokykyapp.services.retention import Progress, erase_clients
from tyokykyapp.vault import Vault


def add_client(vault: Vault, client: Client, *, on: date | None = None) -> Changes:
    """A new client starts at intake; the start is the first entry of their phase history."""
    start = on or client.referral.referred_on or date.today()
    client.phase, client.maintenance_level = Phase.INTAKE, None
    client.phase_since = client.started_on = start
    with vault.transaction() as repo:
        repo.save_in_transaction(client)
        repo.save_in_transaction(
            PhaseChange(
                client_id=client.id, on=start, from_phase=None, to_phase=Phase.INTAKE, by=coach_details(vault).name
            )
        )
    return Changes.of(client.id, Client.KIND, PhaseChange.KIND, caseload=True)


def update_client(vault: Vault, client: Client) -> Changes:
    """Save edited details. The phase fields are kept as stored: only phase operations move a client."""
    ensure_editable(vault, client.id)
    stored = vault.repo.get(Client, client.id)
    client.handed_over_on, client.handed_over_to = stored.handed_over_on, stored.handed_over_to
    client.phase, client.maintenance_level = stored.phase, stored.maintenance_level
    client.phase_since, client.started_on = stored.phase_since, stored.started_on
    vault.repo.save(client)
    return Changes.of(client.id, Client.KIND, caseload=True)


def delete_client(vault: Vault, client_id: str) -> Changes:
    vault.repo.delete_client(client_id)
    return Changes.of(client_id, Client.KIND, caseload=True)


def restore_client(vault: Vault, client_id: str) -> Changes:
    vault.repo.restore_client(client_id)
    return Changes.of(client_id, Client.KIND, caseload=True)


def purge_client(vault: Vault, client_id: str, *, progress: Progress | None = None) -> Changes:
    """Erase for good a client already in the bin (the coach's deliberate step), as every erasure is done:
    with the file rebuilt and an entry in the erasure log (services/retention.py)."""
    if not vault.repo.is_deleted(client_id):
        raise NotFound(_("Only a client in the bin can be erased. Delete the client first."))
    return erase_clients(vault, [client_id], progress=progress).changes


def mark_handed_over(vault: Vault, client_ids: list[str], to: str, *, on: date | None = None) -> Changes:
    """The clients' records went to `to` in a handover file: read-only here from now on (undo_handover)."""
    with vault.transaction() as repo:
        for client_id in client_ids:
            client = repo.get(Client, client_id)
            repo.save_in_transaction(replace(client, handed_over_on=on or today(), handed_over_to=to))
    return Changes(frozenset(client_ids), frozenset({Client.KIND}), caseload=True)


def undo_handover(vault: Vault, client_id: str) -> Changes:
    """Make a handed-over client editable here again (the handover was a mistake, or the client came back).
    The client's history keeps the version that said to whom and when."""
    client = vault.repo.get(Client, client_id)
    if client.handed_over_on is None:
        raise UserError(_("This client is not marked as handed over."))
    vault.repo.save(replace(client, handed_over_on=None, handed_over_to=""))
    return Changes.of(client_id, Client.KIND, caseload=True)
