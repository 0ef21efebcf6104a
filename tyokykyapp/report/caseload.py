"""A caseload as the report reads it: per person, the service episodes, the phase spells, jobs and the few dated
facts the counts need, built from the narrow rows of vault/report_facts.py (no names, no free text)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

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

BENEFITS_ITEM = "benefits_counselling"  # the checklist item ticked for benefits counselling (process/checklists.py)
# IPS-25 item 23: the first four weeks of a job, and the three days after a job ended.
FIRST_MONTH = timedelta(days=27)
AFTER_JOB = timedelta(days=JOB_ENDED_CONTACT_DAYS)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass
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


@dataclass
class Spell:
    """A stretch in one phase (and maintenance level), from the move into it to the next move (None: going on)."""

    phase: Phase
    level: MaintenanceLevel | None
    start: date
    end: date | None
    from_phase: Phase | None = None


@dataclass
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


@dataclass
class HeldMeeting:
    on: date
    face_to_face: bool


@dataclass
class Person:
    episodes: list[ServiceEpisode] = field(default_factory=list)
    spells: list[Spell] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    meetings: list[HeldMeeting] = field(default_factory=list)  # held, in the windows the counts read, by date
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


@dataclass
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
        episode = ServiceEpisode(date.fromisoformat(started), ReferralSource(source) if source else None)
        episode.referred_on = _day(referred)
        closure = ended.get(episode_id)
        if closure is not None:
            episode.closed_on = date.fromisoformat(closure[2])
            episode.reason = ClosureReason(closure[3])
            episode.destination = ClosureDestination(closure[4]) if closure[4] else None
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
            Spell(
                Phase(to_phase),
                MaintenanceLevel(to_level) if to_level else None,
                day,
                None,
                Phase(from_phase) if from_phase else None,
            )
        )
    return spells


def _first_in(days: Iterable[date], episode: ServiceEpisode, since: date) -> date | None:
    return min((d for d in days if d >= since and episode.holds(d)), default=None)


def meeting_windows(person: Person, period: Period) -> list[tuple[date, date]]:
    """The days whose meetings the counts read: a mapping spell that ended in the period, a maintenance spell in
    it, the first four weeks of a job begun in it, the three days after a job ended in it."""
    windows = []
    for spell in person.spells:
        if spell.phase is Phase.MAPPING and spell.end is not None and period.holds(spell.end):
            windows.append((spell.start, spell.end))
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
            kind=EmploymentKind(r[4]),
            open_labour_market=bool(r[5]),
            pay_subsidy=bool(r[6]),
            sector=Sector(r[7]) if r[7] else None,
            employer_id=r[8],
            support_recruitment=bool(r[9]),
            support_induction=bool(r[10]),
            support_after_induction=bool(r[11]),
            support_plan=r[1] in planned,
        )
        for r in rows_
    ]


def _person(rows_: dict[type[Any], list[tuple[Any, ...]]]) -> Person:
    planned = {r[3] for r in rows_[SupportPlan] if r[3]}
    return Person(
        episodes=_episodes(rows_[Episode], rows_[Closure]),
        spells=_spells(rows_[PhaseChange]),
        jobs=_jobs(rows_[Employment], planned),
        disclosure_recorded=[date.fromisoformat(r[2]) for r in rows_[Consent] if r[3] is not None],
        benefits_checked=[date.fromisoformat(r[3]) for r in rows_[VocationalProfile] if r[3]]
        + [date.fromisoformat(r[2]) for r in rows_[ChecklistTick] if r[3] == BENEFITS_ITEM],
        kykyviisari=[
            (date.fromisoformat(r[2]), dict(zip(KYKYVIISARI, r[3:], strict=True))) for r in rows_[KykyviisariResult]
        ],
        follow_ups=[(date.fromisoformat(r[2]), None if r[3] is None else bool(r[3])) for r in rows_[FollowUp]],
    )


def load_caseload(vault: Vault, period: Period) -> Caseload:
    db = vault.connection
    grouped: dict[str, dict[type[Any], list[tuple[Any, ...]]]] = defaultdict(lambda: {k: [] for k in rows.PER_CLIENT})
    for cls in rows.PER_CLIENT:
        for row in rows.record_rows(db, cls):
            grouped[row[0]][cls].append(row)
    people = {client_id: _person(found) for client_id, found in grouped.items() if found[Episode]}
    contacts: dict[str, list[date]] = defaultdict(list)
    for client_id, on in rows.face_to_face_contacts(db):
        contacts[client_id].append(date.fromisoformat(on))
    for client_id, person in people.items():
        plans = [date.fromisoformat(r[2]) for r in grouped[client_id][Plan]]
        for episode in person.episodes:
            episode.first_employer_contact = _first_in(contacts.get(client_id, ()), episode, episode.started_on)
            episode.first_plan = _first_in(plans, episode, episode.floor or episode.started_on)
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
