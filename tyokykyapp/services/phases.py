"""Moving a client through the six phases: each move is checked by the process rules, recorded as a
PhaseChange, and written together with the client's new state in one transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tyokykyapp.domain import Closure, Episode, MaintenanceLevel, Phase, PhaseChange
from tyokykyapp.domain.client_file import latest
from tyokykyapp.domain.dates import today
from tyokykyapp.process import Move, check_level_change, check_move, check_redate, check_undo
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
        # Only what the coach wrote: the closure's reason is a code on the closure, shown by its label.
        reason=reason,
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


def redate_last_move(vault: Vault, client_id: str, on: date, *, reason: str) -> Changes:
    """Correct the date of the latest move (a slip of the year); the earlier date stays in its history."""
    ensure_editable(vault, client_id)
    file = vault.repo.client_file(client_id)
    change = check_redate(file, on, reason)
    client = file.client
    closure = latest(file.closures, lambda c: c.closed_on) if change.to_phase is Phase.CLOSED else None
    if change.from_phase != change.to_phase:
        client.phase_since = on
    episode = _opened_by(file.episodes, change)
    if change.from_phase is Phase.CLOSED:
        client.started_on = on
    with vault.transaction() as repo:
        repo.save_in_transaction(replace(change, on=on, correction=reason))
        if closure is not None and closure.closed_on == change.on:
            repo.save_in_transaction(replace(closure, closed_on=on))
        if episode is not None:
            repo.save_in_transaction(replace(episode, started_on=on))
        repo.save_in_transaction(client)
    return Changes.of(client_id, PhaseChange.KIND, Closure.KIND, Episode.KIND, client.KIND, caseload=True)


def undo_last_move(vault: Vault, client_id: str, *, reason: str) -> Changes:
    """Undo the latest move: the client is back where they were. The move stays in the history, marked
    undone with the reason; a closure made by it goes to the bin."""
    ensure_editable(vault, client_id)
    file = vault.repo.client_file(client_id)
    change, before = check_undo(file, reason)
    client = file.client
    closure = latest(file.closures, lambda c: c.closed_on) if change.to_phase is Phase.CLOSED else None
    episode = _opened_by(file.episodes, change)
    client.phase, client.maintenance_level = before.phase, before.level
    client.phase_since, client.started_on = before.phase_since, before.started_on
    with vault.transaction() as repo:
        repo.save_in_transaction(replace(change, undone_on=today(), correction=reason))
        if closure is not None and closure.closed_on == change.on:
            repo.delete_record(closure.id)
        if episode is not None:
            repo.delete_record(episode.id)
        repo.save_in_transaction(client)
    return Changes.of(client_id, PhaseChange.KIND, Closure.KIND, Episode.KIND, client.KIND, caseload=True)


def _opened_by(episodes: list[Episode], change: PhaseChange) -> Episode | None:
    """The service episode a re-opening move started (it follows the move when that is corrected)."""
    if change.from_phase is not Phase.CLOSED:
        return None
    return next((e for e in episodes if e.started_on == change.on), None)
