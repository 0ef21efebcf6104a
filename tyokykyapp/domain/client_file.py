"""Everything recorded about one client, loaded together (the workspace, `show`, the access report)."""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TypeVar

from tyokykyapp.domain.client import Client
from tyokykyapp.domain.enums import ConsentMethod
from tyokykyapp.domain.records import (
    Agreement,
    ChecklistTick,
    Closure,
    Consent,
    EmployerContact,
    Employment,
    JobApplication,
    KykyviisariResult,
    Meeting,
    NetworkContact,
    PhaseChange,
    Plan,
    SupportPlan,
    VocationalProfile,
)

R = TypeVar("R")


def latest(items: list[R], key: Callable[[R], date]) -> R | None:
    """The item with the latest date; of equal dates the one recorded last (lists are in record order)."""
    best: R | None = None
    for item in items:
        if best is None or key(item) >= key(best):
            best = item
    return best


@dataclass(kw_only=True)
class ClientFile:
    client: Client
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

    def latest_profile(self) -> VocationalProfile | None:
        return latest(self.vocational_profiles, lambda p: p.updated_on)

    def latest_plan(self) -> Plan | None:
        return latest(self.plans, lambda p: p.made_on)

    def latest_written_consent(self) -> Consent | None:
        return latest([c for c in self.consents if c.method is ConsentMethod.SIGNED_PAPER], lambda c: c.given_on)

    def consent_in_force(self, day: date) -> Consent | None:
        in_force = [c for c in self.consents if c.in_force_on(day)]
        return latest(in_force, lambda c: c.given_on)

    def signed_agreement(self, day: date) -> Agreement | None:
        signed = [a for a in self.agreements if a.signed_on is not None and a.signed_on <= day]
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
