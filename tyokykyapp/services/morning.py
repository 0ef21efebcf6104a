"""What Today shows, read in one go: what is due, the week's meetings and their clients, the caseload, the
clients opened recently and how many closed clients are past the retention period. Reading only, no Qt: the
app reads it on the worker thread that unlocks the vault, so the first screen is filled the moment the vault
is open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tyokykyapp.domain import MaintenanceLevel, Phase
from tyokykyapp.process import DueItem
from tyokykyapp.services.agenda import AgendaItem, agenda
from tyokykyapp.services.due import due_list
from tyokykyapp.services.recent import recent_clients
from tyokykyapp.services.retention import past_retention
from tyokykyapp.vault import ClientSummary, Vault


@dataclass(frozen=True)
class Morning:
    day: date
    due: list[DueItem]
    meetings: list[AgendaItem]
    names: dict[str, ClientSummary]  # the clients of `meetings`
    counts: dict[tuple[Phase, MaintenanceLevel | None], int]
    recent: list[ClientSummary]  # most recently opened first
    past_retention: int


def morning(vault: Vault, day: date, days: int) -> Morning:
    """Today's facts for `day` and the `days` - 1 days after it."""
    meetings = agenda(vault, day, days)
    names = {c.id: c for c in vault.repo.clients(ids={item.client_id for item in meetings})}
    recent_ids = recent_clients(vault)
    found = {c.id: c for c in vault.repo.clients(ids=recent_ids)}
    return Morning(
        day=day,
        due=due_list(vault, day),
        meetings=meetings,
        names=names,
        counts=vault.repo.caseload_counts(),
        recent=[found[client_id] for client_id in recent_ids if client_id in found],
        past_retention=len(past_retention(vault, day)),
    )
