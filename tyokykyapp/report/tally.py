"""The tally: every number the report shows, kept as counts and distributions that simply add up.

A report is always made from a tally (tyokykyapp/report/figures.py): one vault's tally, or the sum of several
coaches' tallies read from aggregate files. Rates, means and medians are worked out from the counts and the
distributions afterwards, never averaged between coaches, so three coaches' files added together give exactly
the report of one vault holding all three caseloads.

Which counts and distributions exist, and which buckets each may hold, is declared here once: counting writes
only these, and an aggregate file from someone else is checked against them field by field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tyokykyapp.domain.enums import (
    ClosureDestination,
    ClosureReason,
    EmploymentKind,
    MaintenanceLevel,
    Phase,
    ReferralSource,
    Sector,
)
from tyokykyapp.report.period import Period
from tyokykyapp.vault.report_facts import KYKYVIISARI_SCORES, MINUTE_SETTINGS

UNKNOWN = "unknown"
# Day counts (durations) are kept day by day up to ten years; a longer one is kept as this many days.
MAX_DAYS = 3660
# Kykyviisari's scores, as the record names them.
KYKYVIISARI = KYKYVIISARI_SCORES
OPEN_PHASES = tuple(p for p in Phase if p is not Phase.CLOSED)
# Job length bands, in months: under 1, 1–3, 3–6, 6–12, 12 or more.
LENGTH_BANDS = ("lt1", "1to3", "3to6", "6to12", "ge12")
# Months from the closure to a follow-up.
FOLLOW_UP_BANDS = ("le3", "le6", "le12", "gt12")
# Where each served person stood at the end of the period: one bucket per person (the Vaasa table).
STATUS_AT_END = (
    *(f"closed_{d.value}" for d in ClosureDestination),
    "closed_unknown",
    "open_employed",
    "open_work_trial",
    *(f"open_{p.value}" for p in OPEN_PHASES),
)
FIDELITY_COUNTS = (
    "job_starts",
    "job_starts_benefits_checked",
    "job_starts_face_to_face_in_3_days",
    "job_starts_weekly_first_month",
    "job_ends",
    "job_ends_contact_in_3_days",
    "disclosure_asked_of",
    "disclosure_recorded",
    "jobs_held",
    "jobs_held_with_support_plan",
    "competitive_job_starts",
    "job_starts_with_sector",
    "job_starts_with_employer",
    "job_starts_new_employer",
    "employer_contacts_face_to_face",
    "employer_contacts_other",
    "employer_contacts_mode_unknown",
    "meetings_held",
    "meetings_without_duration",
)
COUNTS: tuple[str, ...] = (
    "served",
    "episodes_served",
    "new",
    "new_episodes",
    "open_at_end",
    "closed_people",
    "employed_people",
    "work_trial_only_people",
    "employed_or_trial_people",
    "employer_support_recruitment_people",
    "employer_support_induction_people",
    "employer_support_recruitment_or_induction_people",
    "employer_support_after_induction_people",
    *FIDELITY_COUNTS,
    *(f"kykyviisari_{d}_{part}" for d in KYKYVIISARI for part in ("n", "first_sum", "latest_sum", "better", "worse")),
)


def _codes(*values: object) -> frozenset[str]:
    return frozenset(str(v) for v in values)


def _day_counts(bucket: str) -> bool:
    return bucket.isdigit() and len(bucket) <= 4 and int(bucket) <= MAX_DAYS


def _small_numbers(bucket: str) -> bool:
    return bucket.isdigit() and len(bucket) <= 3


def _quarter(bucket: str) -> bool:
    return len(bucket) == 6 and bucket[:4].isdigit() and bucket[4] == "Q" and bucket[5] in "1234"


def _levels(bucket: str) -> bool:
    return bucket in {level.value for level in MaintenanceLevel}


def _in(values: frozenset[str]) -> Callable[[str], bool]:
    return values.__contains__


_PHASES = _codes(*(p.value for p in Phase))
_OPEN_AT_END = _codes(*(p.value for p in OPEN_PHASES if p is not Phase.MAINTENANCE)) | _codes(
    *(f"maintenance_{level.value}" for level in MaintenanceLevel)
)
# Each distribution and the buckets it may hold.
DISTRIBUTIONS: dict[str, Callable[[str], bool]] = {
    "by_referral": _in(_codes(*(s.value for s in ReferralSource), UNKNOWN)),
    "open_at_end_by_phase": _in(_OPEN_AT_END),
    "jobs_by_kind": _in(_codes(*(k.value for k in EmploymentKind))),
    "employment_terms": _in(_codes("open_market", "open_market_pay_subsidy", "not_open_market")),
    "employment_status_at_end": _in(_codes("ongoing", "ended")),
    "employment_length": _in(_codes(*LENGTH_BANDS)),
    "employment_sector": _in(_codes(*(s.value for s in Sector), UNKNOWN)),
    "job_start_sector": _in(_codes(*(s.value for s in Sector))),
    "quarter_served": _quarter,
    "quarter_working_competitive": _quarter,
    "status_at_end": _in(_codes(*STATUS_AT_END)),
    "closures_by_destination": _in(_codes(*(d.value for d in ClosureDestination), UNKNOWN)),
    "closures_by_reason": _in(_codes(*(r.value for r in ClosureReason))),
    "closures_by_last_phase": _in(_PHASES | {UNKNOWN}),
    "follow_ups_working": _in(_codes(*FOLLOW_UP_BANDS)),
    "follow_ups_not_working": _in(_codes(*FOLLOW_UP_BANDS)),
    "days_entry_to_first_employer_contact": _day_counts,
    "days_entry_to_first_job": _day_counts,
    "days_first_contact_to_plan": _day_counts,
    **{f"days_in_{p.value}": _day_counts for p in OPEN_PHASES},
    "meetings_in_mapping": _small_numbers,
    "maintenance_contacts_on_time": _levels,
    "maintenance_contacts_late": _levels,
    "meeting_minutes": _in(_codes(*MINUTE_SETTINGS)),
}


@dataclass
class Tally:
    """Counts and distributions of one period, for `coaches` coaches."""

    period: Period
    coaches: int = 1
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    dists: dict[str, dict[str, int]] = field(default_factory=lambda: {name: {} for name in DISTRIBUTIONS})

    def add(self, name: str, n: int = 1) -> None:
        self.counts[name] += n

    def put(self, dist: str, bucket: str, n: int = 1) -> None:
        self.dists[dist][bucket] = self.dists[dist].get(bucket, 0) + n

    def days(self, dist: str, days: int) -> None:
        """One duration, in days (a negative one, a record dated before the entry, counts as 0)."""
        self.put(dist, str(min(max(days, 0), MAX_DAYS)))

    def __add__(self, other: Tally) -> Tally:
        total = Tally(self.period, self.coaches + other.coaches)
        for name in COUNTS:
            total.counts[name] = self.counts[name] + other.counts[name]
        for dist in DISTRIBUTIONS:
            merged = dict(self.dists[dist])
            for bucket, n in other.dists[dist].items():
                merged[bucket] = merged.get(bucket, 0) + n
            total.dists[dist] = merged
        return total
