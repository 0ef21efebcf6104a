"""A synthetic client's story: entry, each move along the process (checked by the process rules as it is made, so
the demo never shows a history the app would refuse), and the closure with a destination that fits its reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from tyokykyapp.demo import vocabulary as words
from tyokykyapp.demo.builder import (
    Builder,
    add_agreement_and_consent,
    add_employer_contact,
    add_employment,
    add_episode,
    add_intake,
    add_job_search_records,
    add_mapping_results,
    add_meetings,
)
from tyokykyapp.domain import (
    Client,
    Closure,
    ClosureDestination,
    ClosureReason,
    ContactMode,
    EmploymentKind,
    FollowUp,
    MaintenanceLevel,
    Phase,
    PhaseChange,
    ReferralSource,
)
from tyokykyapp.process import Move, check_move

PHASE_WEIGHTS = {
    Phase.INTAKE: 6,
    Phase.MAPPING: 14,
    Phase.JOB_SEARCH: 26,
    Phase.SUPPORT: 12,
    Phase.MAINTENANCE: 20,
    Phase.CLOSED: 22,
}


PROGRESSION = (Phase.INTAKE, Phase.MAPPING, Phase.JOB_SEARCH, Phase.SUPPORT, Phase.MAINTENANCE)


# Where a client goes, by why the service ended (the first destination is the usual one).
DESTINATIONS = {
    ClosureReason.EMPLOYED: (ClosureDestination.EMPLOYED,),
    ClosureReason.OTHER_SERVICE: (ClosureDestination.WORK_ACTIVITY, ClosureDestination.OTHER_SERVICE),
    ClosureReason.HEALTH: (ClosureDestination.KELA_REHABILITATION, ClosureDestination.DROPPED_OUT_HEALTH),
    ClosureReason.MOVED: (ClosureDestination.OTHER_SERVICE,),
    ClosureReason.STUDIES: (ClosureDestination.STUDIES,),
    ClosureReason.NOT_REACHED: (ClosureDestination.DROPPED_OUT_NOT_REACHED,),
    ClosureReason.DIED: (ClosureDestination.DIED,),
    ClosureReason.OWN_DECISION: (ClosureDestination.DROPPED_OUT_OWN_DECISION, ClosureDestination.PENSION),
    ClosureReason.SERVICE_ENDED: (ClosureDestination.OTHER_SERVICE, ClosureDestination.WORK_TRIAL),
    ClosureReason.OTHER: (ClosureDestination.OTHER,),
}


@dataclass(frozen=True)
class Persona:
    """A scripted client: where they are today and the days of their moves (days before today)."""

    target: Phase
    entered: int
    moves: tuple[int, ...] = ()  # one day per move along PROGRESSION after intake
    level: MaintenanceLevel | None = None
    reason: ClosureReason | None = None  # for a closed client
    closed: int = 0  # days before today the (first) episode ended
    quiet: int = 0  # no meeting in the last days, and none booked
    twist: Callable[[Builder, Client], None] | None = None
    source: ReferralSource | None = None  # who referred them (random, mostly work activity, when not given)
    first_contact: bool = True  # most clients past intake meet an employer face to face in their first month


def make_move(
    b: Builder,
    client: Client,
    to: Phase,
    on: date,
    level: MaintenanceLevel | None = None,
    closure: Closure | None = None,
) -> None:
    """A move the process rules allow (a demo that breaks them is a bug, and raises)."""
    assert b.file is not None
    reason = (
        "Tilanne muuttui; palataan kartoitukseen." if (client.phase, to) == (Phase.JOB_SEARCH, Phase.MAPPING) else ""
    )
    check_move(b.file, Move.closing_with(to, on, closure, reason=reason, level=level), b.today)
    b.add(
        PhaseChange,
        client_id=client.id,
        on=on,
        from_phase=client.phase,
        to_phase=to,
        from_level=client.maintenance_level,
        to_level=level,
        reason=reason,
        by=b.coach,
    )
    if client.phase is Phase.CLOSED:
        client.started_on = on
        add_episode(b, client, on, ReferralSource.SELF)
    client.phase, client.phase_since, client.maintenance_level = to, on, level


def close_service(b: Builder, client: Client, on: date, reason: ClosureReason) -> None:
    rng = b.rng
    destination = rng.choice(DESTINATIONS[reason])
    assert b.file is not None
    episode = b.file.current_episode()
    closure = Closure(
        id=b.uuid(),
        client_id=client.id,
        closed_on=on,
        reason=reason,
        destination=destination,
        continuation_path=words.CONTINUATIONS.get(destination, ""),
        achieved="Työnhaun taidot vahvistuivat." if reason is not ClosureReason.DIED else "",
        episode_id=episode.id if episode else None,
    )
    make_move(b, client, Phase.CLOSED, on, closure=closure)
    b.records.append(closure)
    b.file.closures.append(closure)
    # Follow-up after the service: is the client still working a few months on (Helsinki: "jatkoseuranta")?
    follow_up = on + timedelta(days=rng.randint(60, 100))
    if destination is ClosureDestination.EMPLOYED and follow_up <= b.today:
        b.add(FollowUp, client_id=client.id, on=follow_up, still_working=rng.random() < 0.8, mode=ContactMode.PHONE)


def tell_story(
    b: Builder, client: Client, start: date, path: list[tuple[Phase, date]], persona: Persona | None
) -> None:
    """The client's episode from entry along `path` (phase, day), its records, and a closure if it has one."""
    rng = b.rng
    level = persona.level if persona else rng.choice(list(MaintenanceLevel))
    reason = persona.reason if persona else None
    end_of_all = b.ago(persona.closed) if persona and persona.closed else b.today
    closing = end_of_all if persona and persona.target is Phase.CLOSED else None
    employed_end = reason is ClosureReason.EMPLOYED
    add_intake(b, client, start)
    # IPS: a face-to-face employer contact within a month of entry, for most clients past intake.
    if path and rng.random() < 0.8 and (persona is None or persona.first_contact):
        add_employer_contact(b, client, start + timedelta(days=rng.randint(5, 25)), ContactMode.FACE_TO_FACE)
    for phase, on in path:
        if phase is Phase.MAPPING:
            add_agreement_and_consent(b, client, on, disclosure=rng.random() < 0.85)
            make_move(b, client, phase, on)
        elif phase is Phase.JOB_SEARCH:
            add_mapping_results(b, client, client.phase_since, on, end_of_all)
            make_move(b, client, phase, on)
        elif phase is Phase.SUPPORT:
            add_job_search_records(b, client, client.phase_since, on)
            add_employment(b, client, on, end_of_all, trial=False if employed_end else None)
            make_move(b, client, phase, on)
        else:
            make_move(b, client, phase, on, level)
    if client.phase is Phase.JOB_SEARCH and (persona is None or persona.target in (Phase.JOB_SEARCH, Phase.CLOSED)):
        add_job_search_records(b, client, client.phase_since, end_of_all)
    if persona and persona.twist:
        persona.twist(b, client)
    add_meetings(b, client, end_of_all, persona.quiet if persona else 0)
    if closing is not None:
        close_service(b, client, closing, reason or _random_reason(b))


def _random_reason(b: Builder) -> ClosureReason:
    """Beyond the scripted clients "employed" is the most common reason, as in the pilots, for a client with an
    employment on record (without one it is not a reason the rules accept)."""
    assert b.file is not None
    # "Other" is for what the codes do not name: a scripted caseload names every reason it uses.
    others = [r for r in ClosureReason if r not in (ClosureReason.EMPLOYED, ClosureReason.OTHER)]
    employed = any(e.kind is EmploymentKind.EMPLOYMENT for e in b.file.employments)
    return b.rng.choice(others + [ClosureReason.EMPLOYED] * 4 if employed else others)


def random_path(b: Builder, target: Phase) -> tuple[date, list[tuple[Phase, date]], Persona | None]:
    rng = b.rng
    # Later phases have been going on longer.
    age_days = {
        Phase.INTAKE: (0, 20),
        Phase.MAPPING: (15, 70),
        Phase.JOB_SEARCH: (40, 400),
        Phase.SUPPORT: (80, 500),
        Phase.MAINTENANCE: (150, 1000),
        Phase.CLOSED: (120, 1100),
    }[target]
    start = b.ago(rng.randint(*age_days))
    final = target if target is not Phase.CLOSED else rng.choice(PROGRESSION)
    closing = b.ago(rng.randint(0, 60)) if target is Phase.CLOSED else None
    end_of_all = closing or b.today
    span = (end_of_all - start).days
    steps = PROGRESSION.index(final)
    cut = sorted(start + timedelta(days=int(span * f)) for f in sorted(rng.random() for _ in range(steps)))
    cut = [min(max(day, start + timedelta(days=1 + i)), end_of_all) for i, day in enumerate(cut)]
    persona = None
    if closing is not None:
        level = rng.choice(list(MaintenanceLevel))
        persona = Persona(Phase.CLOSED, (b.today - start).days, level=level, closed=(b.today - closing).days)
    return start, list(zip(PROGRESSION[1 : steps + 1], cut, strict=True)), persona
