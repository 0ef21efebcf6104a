"""A caseload as the report reads it: per person, the service episodes, the phase spells, jobs and the few dated
facts the counts need, built from the narrow rows of vault/report_facts.py (no names, no free text)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from tyokykyapp.domain import (
    ChecklistTick,
    Closure,
    Consent,
    Employment,
    Episode,
    FollowUp,
    KykyviisariResult,
    PhaseChange,
    Plan,
    SupportPlan,
    VocationalProfile,
)
from tyokykyapp.domain.enums import (
    ClosureDestination,
    ClosureReason,
    EmploymentKind,
    MaintenanceLevel,
    MeetingMode,
    Phase,
    ReferralSource,
    Sector,
)
from tyokykyapp.process.due import JOB_ENDED_CONTACT_DAYS
from tyokykyapp.report.period import Period
from tyokykyapp.report.tally import KYKYVIISARI
from tyokykyapp.vault import Vault
from tyokykyapp.vault import report_facts as rows

E = TypeVar("E")
BENEFITS_ITEM = "benefits_counselling"  # the checklist item ticked for benefits counselling (process/checklists.py)
# IPS-25 item 23: the first four weeks of a job, and the three days after a job ended.
FIRST_MONTH = timedelta(days=27)
AFTER_JOB = timedelta(days=JOB_ENDED_CONTACT_DAYS)


def _members(enum: type[E]) -> dict[str, E]:
    """Value → member: a dict lookup is ten times cheaper than calling the enum (10,000 clients, 100,000 values)."""
    return {member.value: member for member in enum}  # type: ignore[attr-defined]


PHASES = _members(Phase)
LEVELS = _members(MaintenanceLevel)
KINDS = _members(EmploymentKind)
SECTORS = _members(Sector)
SOURCES = _members(ReferralSource)
REASONS = _members(ClosureReason)
DESTINATIONS = _members(ClosureDestination)
NO_ROWS: list[tuple[Any, ...]] = []


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(slots=True)
class ServiceEpisode:
    started_on: date
    referral: ReferralSource | None = None
    referred_on: date | None = None
    closed_on: date | None = None
    reason: ClosureReason | None = None
    destination: ClosureDestination | None = None
    floor: date | None = None  # the first day whose records belong to this episode (ClientFile.episode_floor)
    first_employer_contact: date | None = None  # face to face, on or after the entry
    first_plan: date | None = None

    def holds(self, day: date) -> bool:
        """`day` belongs to this episode: on or after its floor, not after its closure."""
        return (self.floor is None or day >= self.floor) and (self.closed_on is None or day <= self.closed_on)

    def served_in(self, period: Period) -> bool:
        return period.overlaps(self.started_on, self.closed_on)


@dataclass(slots=True)
class Spell:
    """A stretch in one phase (and maintenance level), from the move into it to the next move (None: going on)."""

    phase: Phase
    level: MaintenanceLevel | None
    start: date
    end: date | None
    from_phase: Phase | None = None


@dataclass(slots=True)
class Job:
    id: str
    start_on: date
    end_on: date | None
    kind: EmploymentKind
    open_labour_market: bool
    pay_subsidy: bool
    sector: Sector | None
    employer_id: str | None
    support_recruitment: bool
    support_induction: bool
    support_after_induction: bool
    support_plan: bool = False

    @property
    def competitive(self) -> bool:
        """A job anyone could apply for on the open labour market, under an employment contract (a pay subsidy
        paid to the employer does not change that; process.md "Outcome coding")."""
        return self.kind is EmploymentKind.EMPLOYMENT and self.open_labour_market

    @property
    def is_work(self) -> bool:
        """A job, a work trial or Jobcenter gig work: what the IPS job items count."""
        return self.kind in (EmploymentKind.EMPLOYMENT, EmploymentKind.WORK_TRIAL, EmploymentKind.GIG)


@dataclass(slots=True)
class HeldMeeting:
    on: date
    face_to_face: bool


@dataclass(slots=True)
class Person:
    episodes: list[ServiceEpisode] = field(default_factory=list)
    spells: list[Spell] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    meetings: list[HeldMeeting] = field(default_factory=list)  # held, in the windows the counts read, by date
    mapping_meetings: dict[date, int] = field(default_factory=dict)  # meetings held in a mapping stretch, by its start
    disclosure_recorded: list[date] = field(default_factory=list)  # consents with a disclosure choice
    benefits_checked: list[date] = field(default_factory=list)
    kykyviisari: list[tuple[date, dict[str, int | None]]] = field(default_factory=list)
    follow_ups: list[tuple[date, bool | None]] = field(default_factory=list)

    def episode_of(self, day: date) -> ServiceEpisode | None:
        return next((e for e in self.episodes if e.holds(day)), None)

    def spell_on(self, day: date) -> Spell | None:
        found = None
        for spell in self.spells:
            if spell.start <= day:
                found = spell
        return found


@dataclass(slots=True)
class Caseload:
    people: dict[str, Person]
    # Meetings held in the period, of them with a duration, minutes by setting (vault/report_facts.py).
    minutes: tuple[int, int, dict[str, int]] = (0, 0, {})
    # (mode or None, contacts) logged in the period.
    contacts: list[tuple[Any, ...]] = field(default_factory=list)


def _episodes(episode_rows: list[tuple[Any, ...]], closure_rows: list[tuple[Any, ...]]) -> list[ServiceEpisode]:
    ended = {row[5]: row for row in closure_rows if row[5]}
    found = []
    for _client, episode_id, started, source, referred in episode_rows:
        episode = ServiceEpisode(date.fromisoformat(started), SOURCES[source] if source else None)
        episode.referred_on = _day(referred)
        closure = ended.get(episode_id)
        if closure is not None:
            episode.closed_on = date.fromisoformat(closure[2])
            episode.reason = REASONS[closure[3]]
            episode.destination = DESTINATIONS[closure[4]] if closure[4] else None
        found.append(episode)
    found.sort(key=lambda e: e.started_on)
    previous: date | None = None
    for episode in found:
        if previous is not None:
            episode.floor = min(previous + timedelta(days=1), episode.started_on)
        previous = episode.closed_on or previous
    return found


def _spells(changes: list[tuple[Any, ...]]) -> list[Spell]:
    spells: list[Spell] = []
    for _client, _id, on, from_phase, to_phase, to_level in changes:
        day = date.fromisoformat(on)
        if spells:
            spells[-1].end = day
        spells.append(
            Spell(PHASES[to_phase], LEVELS[to_level] if to_level else None, day, None, PHASES.get(from_phase or ""))
        )
    return spells


def _first_in(days: Iterable[date], episode: ServiceEpisode, since: date) -> date | None:
    return min((d for d in days if d >= since and episode.holds(d)), default=None)


def mapping_windows(person: Person, period: Period) -> list[tuple[date, date]]:
    """The days of each mapping stretch that ended in the period, up to the day before the move out of it."""
    return [
        (spell.start, spell.end - timedelta(days=1))
        for spell in person.spells
        if spell.phase is Phase.MAPPING and spell.end is not None and period.holds(spell.end)
    ]


def meeting_windows(person: Person, period: Period) -> list[tuple[date, date]]:
    """The days whose meetings the counts read one by one: a maintenance stretch in the period, the first four
    weeks of a job begun in it, the three days after a job ended in it."""
    windows = []
    for spell in person.spells:
        if spell.phase is Phase.MAINTENANCE and period.overlaps(spell.start, spell.end):
            windows.append((spell.start, min(spell.end or period.last, period.last)))
    for job in person.jobs:
        if period.holds(job.start_on):
            windows.append((job.start_on, job.start_on + FIRST_MONTH))
        if job.end_on is not None and period.holds(job.end_on):
            windows.append((job.end_on, job.end_on + AFTER_JOB))
    return windows


def _jobs(rows_: list[tuple[Any, ...]], planned: set[str]) -> list[Job]:
    return [
        Job(
            id=r[1],
            start_on=date.fromisoformat(r[2]),
            end_on=_day(r[3]),
            kind=KINDS[r[4]],
            open_labour_market=bool(r[5]),
            pay_subsidy=bool(r[6]),
            sector=SECTORS[r[7]] if r[7] else None,
            employer_id=r[8],
            support_recruitment=bool(r[9]),
            support_induction=bool(r[10]),
            support_after_induction=bool(r[11]),
            support_plan=r[1] in planned,
        )
        for r in rows_
    ]


def _person(client_id: str, by_kind: dict[type[Any], dict[str, list[tuple[Any, ...]]]]) -> Person:
    def of(cls: type[Any]) -> list[tuple[Any, ...]]:
        return by_kind[cls].get(client_id, NO_ROWS)

    planned = {r[3] for r in of(SupportPlan) if r[3]}
    person = Person(
        episodes=_episodes(of(Episode), of(Closure)),
        spells=_spells(of(PhaseChange)),
        jobs=_jobs(of(Employment), planned),
        disclosure_recorded=[date.fromisoformat(r[2]) for r in of(Consent) if r[3] is not None],
        benefits_checked=[date.fromisoformat(r[3]) for r in of(VocationalProfile) if r[3]]
        + [date.fromisoformat(r[2]) for r in of(ChecklistTick) if r[3] == BENEFITS_ITEM],
        kykyviisari=[
            (date.fromisoformat(r[2]), dict(zip(KYKYVIISARI, r[3:], strict=True))) for r in of(KykyviisariResult)
        ],
        follow_ups=[(date.fromisoformat(r[2]), None if r[3] is None else bool(r[3])) for r in of(FollowUp)],
    )
    return person


def _concerns(client_id: str, by_kind: dict[type[Any], dict[str, list[tuple[Any, ...]]]], period: Period) -> bool:
    """Whether anything of the client can count in the period: a service episode reaching into it (entered by
    its end, and not closed before it began), or a follow-up in it. Others are not built at all."""
    first, last = period.first.isoformat(), period.last.isoformat()
    if any(first <= r[2] <= last for r in by_kind[FollowUp].get(client_id, NO_ROWS)):
        return True
    closures = by_kind[Closure].get(client_id, NO_ROWS)
    latest_closure = max((r[2] for r in closures), default="")
    entries = by_kind[Episode][client_id]
    # The latest episode is open when it began after the latest closure.
    open_now = max(r[2] for r in entries) > latest_closure or len(closures) < len(entries)
    return any(r[2] <= last for r in entries) and (open_now or latest_closure >= first)


def load_caseload(vault: Vault, period: Period) -> Caseload:
    db = vault.connection
    by_kind: dict[type[Any], dict[str, list[tuple[Any, ...]]]] = {}
    for cls in rows.PER_CLIENT:
        grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for row in rows.record_rows(db, cls):
            grouped[row[0]].append(row)
        by_kind[cls] = grouped
    people = {
        client_id: _person(client_id, by_kind)
        for client_id in by_kind[Episode]
        if _concerns(client_id, by_kind, period)
    }
    contacts: dict[str, list[date]] = defaultdict(list)
    for client_id, on in rows.face_to_face_contacts(db):
        contacts[client_id].append(date.fromisoformat(on))
    plans_of = by_kind[Plan]
    for client_id, person in people.items():
        plans = [date.fromisoformat(r[2]) for r in plans_of.get(client_id, NO_ROWS)]
        own = contacts.get(client_id, [])
        for episode in person.episodes:
            episode.first_employer_contact = _first_in(own, episode, episode.started_on)
            episode.first_plan = _first_in(plans, episode, episode.floor or episode.started_on)
    mapping = [(c, first, last) for c, p in people.items() for first, last in mapping_windows(p, period)]
    for index, held in rows.meeting_counts(db, mapping):
        client_id, first, _last = mapping[index]
        people[client_id].mapping_meetings[first] = held
    meeting_windows_ = [(c, first, last) for c, p in people.items() for first, last in meeting_windows(p, period)]
    for client_id, _seq, on, mode in rows.held_meetings(db, meeting_windows_):
        people[client_id].meetings.append(HeldMeeting(date.fromisoformat(on), mode == MeetingMode.FACE_TO_FACE.value))
    for person in people.values():
        person.meetings.sort(key=lambda m: m.on)
    return Caseload(
        people,
        rows.meeting_minutes(db, period.first, period.last),
        rows.contact_rows(db, period.first, period.last),
    )
