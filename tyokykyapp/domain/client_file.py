"""Everything recorded about one client, loaded together (the workspace, `show`, the access report)."""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import TypeVar

from tyokykyapp.domain.client import Client
from tyokykyapp.domain.enums import ClosureDestination, ConsentMethod, Phase
from tyokykyapp.domain.episode import Episode, Referral
from tyokykyapp.domain.records import (
    Agreement,
    ChecklistTick,
    Closure,
    Consent,
    EmployerContact,
    Employment,
    FollowUp,
    JobApplication,
    KykyviisariResult,
    Meeting,
    NetworkContact,
    PhaseChange,
    Plan,
    SupportPlan,
    VocationalProfile,
    Waiting,
)

R = TypeVar("R")


def latest(items: list[R], key: Callable[[R], date]) -> R | None:
    """The item with the latest date; of equal dates the one recorded last (lists are in record order)."""
    best: R | None = None
    for item in items:
        if best is None or key(item) >= key(best):
            best = item
    return best


@dataclass(frozen=True)
class ServicePeriod:
    """One service episode as the reports count it: entry, referral, and the closure that ended it (None while
    the episode is open)."""

    episode: Episode
    closure: Closure | None

    @property
    def started_on(self) -> date:
        return self.episode.started_on

    @property
    def ended_on(self) -> date | None:
        return self.closure.closed_on if self.closure else None

    @property
    def referral(self) -> Referral:
        return self.episode.referral

    @property
    def destination(self) -> ClosureDestination | None:
        return self.closure.destination if self.closure else None

    def overlaps(self, first: date, last: date) -> bool:
        """In service on any day from `first` to `last` (both included)."""
        return self.started_on <= last and (self.ended_on is None or self.ended_on >= first)


def service_periods(episodes: list[Episode], closures: list[Closure]) -> list[ServicePeriod]:
    """Episodes in date order, each with the closure that ended it."""
    ended = {c.episode_id: c for c in closures if c.episode_id}
    return [ServicePeriod(e, ended.get(e.id)) for e in sorted(episodes, key=lambda e: e.started_on)]


@dataclass(kw_only=True)
class ClientFile:
    client: Client
    episodes: list[Episode] = field(default_factory=list)
    network_contacts: list[NetworkContact] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    vocational_profiles: list[VocationalProfile] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    employer_contacts: list[EmployerContact] = field(default_factory=list)
    job_applications: list[JobApplication] = field(default_factory=list)
    employments: list[Employment] = field(default_factory=list)
    support_plans: list[SupportPlan] = field(default_factory=list)
    phase_history: list[PhaseChange] = field(default_factory=list)
    closures: list[Closure] = field(default_factory=list)
    kykyviisari_results: list[KykyviisariResult] = field(default_factory=list)
    checklist_ticks: list[ChecklistTick] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)

    # --- service episodes --------------------------------------------------------------------------

    def service_periods(self) -> list[ServicePeriod]:
        return service_periods(self.episodes, self.closures)

    def episode_started(self, closure: Closure) -> date:
        """The entry day of the episode `closure` ended (the current episode's for a closure without one)."""
        episode = next((e for e in self.episodes if e.id == closure.episode_id), None)
        return episode.started_on if episode else self.client.started_on

    def current_episode(self) -> Episode | None:
        return latest(self.episodes, lambda e: e.started_on)

    def episode_floor(self) -> date | None:
        """The first day whose records belong to the current episode: the day after the previous episode's
        closure (a consent signed at the referral, before entry, still counts), at the latest the entry day.
        None for a first episode: all records count. The vault's due facts use the same rule (due_facts.py)."""
        started = self.client.started_on
        previous = [c.closed_on for c in self.closures if c.closed_on <= started]
        if not previous:
            return None
        return min(max(previous) + timedelta(days=1), started)

    def in_episode(self, day: date) -> bool:
        floor = self.episode_floor()
        return floor is None or day >= floor

    def episode_ended_on(self) -> date | None:
        """The day the current episode was closed, None while it is open."""
        return self.client.phase_since if self.client.phase is Phase.CLOSED else None

    def _in_force(self, dated: date, day: date) -> bool:
        """Made in the current episode, and `day` is not after the episode's closure: consents and agreements
        end with the service, and coming back needs new ones."""
        ended = self.episode_ended_on()
        return self.in_episode(dated) and (ended is None or day <= ended)

    # --- the latest of each ------------------------------------------------------------------------

    def latest_profile(self) -> VocationalProfile | None:
        return latest(self.vocational_profiles, lambda p: p.updated_on)

    def latest_plan(self) -> Plan | None:
        return latest(self.plans, lambda p: p.made_on)

    def episode_plan(self) -> Plan | None:
        """The latest plan made in the current episode (the one the due rules follow)."""
        return latest([p for p in self.plans if self.in_episode(p.made_on)], lambda p: p.made_on)

    def kykyviisari_change(self) -> tuple[KykyviisariResult, KykyviisariResult] | None:
        """The first and the latest Kykyviisari result of the current episode, when there are two or more."""
        results = sorted((r for r in self.kykyviisari_results if self.in_episode(r.done_on)), key=lambda r: r.done_on)
        return (results[0], results[-1]) if len(results) > 1 else None

    def latest_written_consent(self) -> Consent | None:
        """The current episode's latest consent on paper (the one to renew)."""
        written = [c for c in self.consents if c.method is ConsentMethod.SIGNED_PAPER and self.in_episode(c.given_on)]
        return latest(written, lambda c: c.given_on)

    def consent_in_force(self, day: date) -> Consent | None:
        in_force = [c for c in self.consents if c.in_force_on(day) and self._in_force(c.given_on, day)]
        return latest(in_force, lambda c: c.given_on)

    def signed_agreement(self, day: date) -> Agreement | None:
        signed = [
            a
            for a in self.agreements
            if a.signed_on is not None and a.signed_on <= day and self._in_force(a.signed_on, day)
        ]
        return latest(signed, lambda a: a.signed_on or day)

    def moves(self) -> list[PhaseChange]:
        """The phase history in date order, without the moves that were undone."""
        return [p for p in self.phase_history if p.undone_on is None]

    def jobs_ongoing(self, day: date) -> list[Employment]:
        """Jobs and work trials (the episodes that make the support phase) running on `day`."""
        return [e for e in self.employments if e.kind.starts_support and e.ongoing_on(day)]


def _file_lists() -> dict[str, str]:
    hints = typing.get_type_hints(ClientFile)
    lists = {}
    for f in fields(ClientFile):
        if typing.get_origin(hints[f.name]) is list:
            (kind,) = typing.get_args(hints[f.name])
            lists[kind.KIND] = f.name
    return lists


# The ClientFile attribute that holds each record kind, read off the class.
FILE_LISTS: dict[str, str] = _file_lists()
