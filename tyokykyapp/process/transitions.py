"""The six-phase machine: which moves exist, and what each needs before it is allowed.

The rules follow domain/process.md; where the reports leave room, the choice is written down in
docs/process-rules.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tyokykyapp.domain import (
    ClientFile,
    Closure,
    ClosureDestination,
    ClosureReason,
    EmploymentKind,
    MaintenanceLevel,
    Phase,
    PhaseChange,
    UserError,
)
from tyokykyapp.domain.dates import format_date, today
from tyokykyapp.i18n import _

ALLOWED_MOVES: dict[Phase, frozenset[Phase]] = {
    Phase.INTAKE: frozenset({Phase.MAPPING, Phase.CLOSED}),
    Phase.MAPPING: frozenset({Phase.JOB_SEARCH, Phase.CLOSED}),
    # Back to mapping when the client's situation or goals change during the search.
    Phase.JOB_SEARCH: frozenset({Phase.SUPPORT, Phase.MAPPING, Phase.CLOSED}),
    Phase.SUPPORT: frozenset({Phase.MAINTENANCE, Phase.JOB_SEARCH, Phase.CLOSED}),
    # Back to support when a new job starts or the work changes so much that induction is needed again.
    Phase.MAINTENANCE: frozenset({Phase.SUPPORT, Phase.JOB_SEARCH, Phase.CLOSED}),
    # Re-opening starts a new episode at intake; the history stays.
    Phase.CLOSED: frozenset({Phase.INTAKE}),
}

# Moves against the usual direction: they need a reason so the history explains itself.
BACKWARD_MOVES = frozenset({(Phase.JOB_SEARCH, Phase.MAPPING), (Phase.MAINTENANCE, Phase.SUPPORT)})


class TransitionRefused(UserError):
    """A move the rules do not allow yet; `missing` lists what would make it possible."""

    def __init__(self, message: str, missing: list[str] | None = None) -> None:
        self.missing = missing or []
        full = message if not self.missing else f"{message} {'; '.join(self.missing)}."
        super().__init__(full)


@dataclass(frozen=True, kw_only=True)
class Move:
    to: Phase
    on: date
    reason: str = ""
    level: MaintenanceLevel | None = None
    closure_reason: ClosureReason | None = None
    destination: ClosureDestination | None = None

    @classmethod
    def closing_with(
        cls, to: Phase, on: date, closure: Closure | None, *, reason: str = "", level: MaintenanceLevel | None = None
    ) -> Move:
        """A move whose closing reason and destination are those of `closure` (None when not closing)."""
        return cls(
            to=to,
            on=on,
            reason=reason,
            level=level,
            closure_reason=closure.reason if closure else None,
            destination=closure.destination if closure else None,
        )


def _check_date(on: date, not_before: date, now: date | None) -> None:
    """A move is dated between the day the client entered the current phase and today: a slip of the year
    would otherwise leave the client in a phase that started in the future."""
    if on < not_before:
        raise TransitionRefused(
            _("The move cannot be dated before the client entered the current phase ({date}).").format(
                date=format_date(not_before)
            )
        )
    latest = now or today()
    if on > latest:
        raise TransitionRefused(_("The move cannot be dated after today ({date}).").format(date=format_date(latest)))


def check_move(file: ClientFile, move: Move, now: date | None = None) -> None:
    """Raise TransitionRefused unless `move` is allowed for this client now (`now`: today)."""
    client = file.client
    current = client.phase
    if move.to is current:
        raise TransitionRefused(_("The client is already in this phase: {phase}.").format(phase=current.label))
    if move.to not in ALLOWED_MOVES[current]:
        allowed = ", ".join(p.label for p in Phase if p in ALLOWED_MOVES[current])
        raise TransitionRefused(
            _("{current} cannot move to {target}. Possible next phases: {allowed}.").format(
                current=current.label, target=move.to.label, allowed=allowed
            )
        )
    _check_date(move.on, client.phase_since, now)
    missing = _missing_for(file, current, move)
    if missing:
        raise TransitionRefused(_("{target} needs:").format(target=move.to.label), missing)


def _missing_for(file: ClientFile, current: Phase, move: Move) -> list[str]:
    missing: list[str] = []
    on = move.on
    if (current, move.to) in BACKWARD_MOVES and not move.reason.strip():
        missing.append(_("a reason for moving back"))
    if move.to is Phase.MAPPING and current is Phase.INTAKE:
        if file.signed_agreement(on) is None:
            missing.append(_("a signed job-coaching agreement"))
        if file.consent_in_force(on) is None:
            missing.append(_("a written consent in force"))
    elif move.to is Phase.JOB_SEARCH and current is Phase.MAPPING:
        if file.latest_profile() is None:
            missing.append(_("a vocational profile"))
    elif move.to is Phase.SUPPORT:
        if not file.jobs_ongoing(on):
            missing.append(_("an employment or a work trial that has started"))
    elif move.to is Phase.MAINTENANCE:
        if move.level is None:
            missing.append(_("a maintenance support level (active, sufficient or light)"))
        if not file.jobs_ongoing(on):
            missing.append(_("an employment or a work trial that is still going on"))
    elif move.to is Phase.CLOSED:
        if move.closure_reason is None:
            missing.append(_("a reason for ending the service"))
        if move.destination is None:
            missing.append(_("where the client went"))
        missing += closure_missing(file, on, move.closure_reason, move.destination, since=file.client.started_on)
    return missing


def closure_missing(
    file: ClientFile,
    closure_on: date,
    reason: ClosureReason | None,
    destination: ClosureDestination | None,
    *,
    since: date,
) -> list[str]:
    """What a closure says that the records must show: "employed" needs an employment contract that started by
    the closing day and went on into the episode that began on `since` (a work trial or a gig is not one)."""
    employed = reason is ClosureReason.EMPLOYED or destination is ClosureDestination.EMPLOYED
    jobs = [
        e
        for e in file.employments
        if e.kind is EmploymentKind.EMPLOYMENT and e.start_on <= closure_on and (e.end_on is None or e.end_on >= since)
    ]
    return [_("an employment on record (the client is closed as employed)")] if employed and not jobs else []


def move_notices(file: ClientFile, move: Move) -> list[str]:
    """What the coach should know about an allowed move (it is made all the same): maintenance begins when
    induction is over and the client has settled in, which a support plan and a workplace visit show."""
    notices = []
    if file.client.phase is Phase.SUPPORT and move.to is Phase.MAINTENANCE:
        started = min((e.start_on for e in file.jobs_ongoing(move.on)), default=move.on)
        if not any(p.made_on <= move.on for p in file.support_plans if file.in_episode(p.made_on)):
            notices.append(_("There is no job support plan yet."))
        if not any(m.workplace_visit and started <= m.on <= move.on for m in file.meetings):
            notices.append(_("No support visit at the workplace is recorded for this job."))
    # A job that ends on the day of the move is over: the search is for the next one.
    working = any(e.end_on is None or e.end_on > move.on for e in file.jobs_ongoing(move.on))
    if file.client.phase in (Phase.SUPPORT, Phase.MAINTENANCE) and move.to is Phase.JOB_SEARCH and working:
        notices.append(_("The job goes on: the search is for a second or a better job."))
    return notices


def check_level_change(file: ClientFile, level: MaintenanceLevel, on: date, now: date | None = None) -> None:
    client = file.client
    if client.phase is not Phase.MAINTENANCE:
        raise TransitionRefused(_("Only a client in maintenance has a support level."))
    if level is client.maintenance_level:
        raise TransitionRefused(_("The client already has this support level."))
    _check_date(on, client.phase_since, now)


# --- correcting the latest move ------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class StateBefore:
    """Where the client stood before a move: what undoing it restores."""

    phase: Phase
    level: MaintenanceLevel | None
    phase_since: date
    started_on: date


def latest_move(file: ClientFile) -> PhaseChange | None:
    """The move (or level change) that can be corrected: the latest one not undone, never the start."""
    moves = file.moves()
    if len(moves) < 2 or moves[-1].from_phase is None:
        return None
    return moves[-1]


def _require_latest(file: ClientFile, reason: str) -> tuple[PhaseChange, list[PhaseChange]]:
    change = latest_move(file)
    if change is None:
        raise TransitionRefused(_("There is no move to correct: the client is still where the service started."))
    if not reason.strip():
        raise TransitionRefused(_("Give the reason for the correction: it is kept in the history."))
    return change, file.moves()[:-1]


def _entered(earlier: list[PhaseChange], started: bool = False) -> date:
    """When the client entered the phase the earlier moves leave them in (or, with `started`, when that
    episode of the service started)."""
    for change in reversed(earlier):
        if started and change.from_phase in (None, Phase.CLOSED):
            return change.on
        if not started and change.from_phase != change.to_phase:
            return change.on
    return earlier[0].on


def check_undo(file: ClientFile, reason: str) -> tuple[PhaseChange, StateBefore]:
    """The move to undo and the state it restores; TransitionRefused when there is none or no reason."""
    change, earlier = _require_latest(file, reason)
    client = file.client
    return change, StateBefore(
        phase=change.from_phase or Phase.INTAKE,
        level=change.from_level,
        phase_since=_entered(earlier) if change.from_phase != change.to_phase else client.phase_since,
        started_on=_entered(earlier, started=True) if change.from_phase is Phase.CLOSED else client.started_on,
    )


def check_redate(file: ClientFile, on: date, reason: str, now: date | None = None) -> PhaseChange:
    """The move to re-date to `on`: between the previous move and today, with a reason."""
    change, earlier = _require_latest(file, reason)
    _check_date(on, earlier[-1].on, now)
    return change
