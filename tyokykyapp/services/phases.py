"""Moving a client through the six phases: each move is checked by the process rules, recorded as a
PhaseChange, and written together with the client's new state in one transaction."""

from __future__ import annotations

from datetime import date

from tyokykyapp.domain import Closure, Episode, MaintenanceLevel, Phase, PhaseChange
from tyokykyapp.process import Move, check_level_change, check_move
from tyokykyapp.process.transitions import move_notices
from tyokykyapp.services.changes import Changes
from tyokykyapp.services.coach import coach_details
from tyokykyapp.services.guard import ensure_editable
from tyokykyapp.vault import Vault


def advance_phase(
    vault: Vault,
    client_id: str,
    to: Phase,
    on: date,
    *,
    reason: str = "",
    level: MaintenanceLevel | None = None,
    closure: Closure | None = None,
) -> Changes:
    """Move the client to `to` on `on`. Closing needs `closure` (its reason, destination and continuation path);
    re-opening a closed client starts a new service episode.

    Raises TransitionRefused saying what is missing when the rules do not allow the move yet; what the coach
    should know about an allowed move comes back as notices.
    """
    ensure_editable(vault, client_id)
    file = vault.repo.client_file(client_id)
    client = file.client
    move = Move.closing_with(to, on, closure, reason=reason, level=level)
    check_move(file, move)
    notices = move_notices(file, move)
    episode = file.current_episode()
    change = PhaseChange(
        client_id=client_id,
        on=on,
        from_phase=client.phase,
        to_phase=to,
        from_level=client.maintenance_level,
        to_level=level if to is Phase.MAINTENANCE else None,
        reason=reason or (closure.reason.value if closure else ""),
        by=coach_details(vault).name,
    )
    reopened = client.phase is Phase.CLOSED
    if reopened:
        client.started_on = on  # the current episode's entry; the earlier episodes keep theirs
    client.phase, client.phase_since = to, on
    client.maintenance_level = change.to_level
    kinds = {PhaseChange.KIND, client.KIND}
    with vault.transaction() as repo:
        repo.save_in_transaction(change)
        if reopened:
            repo.save_in_transaction(Episode(client_id=client_id, started_on=on))
            kinds.add(Episode.KIND)
        if closure is not None and to is Phase.CLOSED:
            closure.client_id, closure.closed_on = client_id, on
            closure.episode_id = episode.id if episode else None
            repo.save_in_transaction(closure)
            kinds.add(Closure.KIND)
        repo.save_in_transaction(client)
    return Changes.of(client_id, *kinds, caseload=True, notices=notices)


def change_level(vault: Vault, client_id: str, level: MaintenanceLevel, on: date, *, reason: str = "") -> Changes:
    """Raise or lower the maintenance support level; recorded like a move."""
    ensure_editable(vault, client_id)
    file = vault.repo.client_file(client_id)
    client = file.client
    check_level_change(file, level, on)
    change = PhaseChange(
        client_id=client_id,
        on=on,
        from_phase=Phase.MAINTENANCE,
        to_phase=Phase.MAINTENANCE,
        from_level=client.maintenance_level,
        to_level=level,
        reason=reason,
        by=coach_details(vault).name,
    )
    client.maintenance_level = level
    with vault.transaction() as repo:
        repo.save_in_transaction(change)
        repo.save_in_transaction(client)
    return Changes.of(client_id, PhaseChange.KIND, client.KIND, caseload=True)
