"""What is due or overdue for a client on a given day.

The rules work on `DueFacts`, a few dates per client that the vault can compute for a whole caseload in
one query, or that `facts_from_file` reads off one loaded client. Each rule has a due date and a lead
time: an item is listed from `due_on - lead` and is overdue from the day after `due_on`.

`due_outlook` gives a client's candidates before the lead-time filter together with the last day they stay
true, so the vault can keep them and Today need not rerun the rules for a whole caseload every time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from tyokykyapp.domain import ClientFile, EmploymentKind, MaintenanceLevel, Phase
from tyokykyapp.domain.client_file import latest
from tyokykyapp.domain.enums import Labelled
from tyokykyapp.i18n import N_
from tyokykyapp.process.calendar import add_months


class DueKind(Labelled):
    MAINTENANCE_CONTACT = "maintenance_contact"
    PLAN_REVIEW = "plan_review"
    CONSENT_RENEWAL = "consent_renewal"
    PAY_SUBSIDY_RENEWAL = "pay_subsidy_renewal"
    WORK_TRIAL_END = "work_trial_end"
    EMPLOYER_CONTACT = "employer_contact"
    NEXT_MEETING = "next_meeting"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "maintenance_contact": N_("Maintenance contact"),
            "plan_review": N_("Plan review"),
            "consent_renewal": N_("Consent renewal"),
            "pay_subsidy_renewal": N_("Pay-subsidy renewal"),
            "work_trial_end": N_("Work trial ends"),
            "employer_contact": N_("Employer contact for the job search"),
            "next_meeting": N_("Book the next meeting"),
        }


# Months between maintenance contacts: active about monthly, sufficient every 2–3 months (the item is due
# at 3, the latest the criteria allow), light every 6 months.
MAINTENANCE_CADENCE_MONTHS = {MaintenanceLevel.ACTIVE: 1, MaintenanceLevel.SUFFICIENT: 3, MaintenanceLevel.LIGHT: 6}
PLAN_REVIEW_MONTHS = 12
EMPLOYER_CONTACT_DAYS = 30
NEXT_MEETING_DAYS = 14

LEAD_DAYS = {
    DueKind.MAINTENANCE_CONTACT: 7,
    DueKind.PLAN_REVIEW: 30,
    DueKind.CONSENT_RENEWAL: 30,
    DueKind.PAY_SUBSIDY_RENEWAL: 30,
    DueKind.WORK_TRIAL_END: 14,
    DueKind.EMPLOYER_CONTACT: 7,
    # An intake without a booked meeting is listed at once.
    DueKind.NEXT_MEETING: NEXT_MEETING_DAYS,
}


# Bump when a rule or a constant above changes: vaults then recompute the due candidates they keep.
RULES_VERSION = 1


# Slotted, not frozen: a caseload of 10,000 builds these by the thousand on every Today refresh.
@dataclass(kw_only=True, slots=True)
class JobFacts:
    kind: EmploymentKind
    start_on: date
    end_on: date | None = None
    pay_subsidy_renewal_on: date | None = None


@dataclass(kw_only=True, slots=True)
class DueFacts:
    client_id: str
    phase: Phase
    phase_since: date
    maintenance_level: MaintenanceLevel | None = None
    last_meeting_on: date | None = None
    next_meeting_booked: bool = False
    # The dates on which the facts above change by themselves as days pass (see `due_outlook`).
    upcoming_meeting_on: date | None = None  # the first meeting after the day
    agreed_meeting_on: date | None = None  # the next meeting the latest meeting agreed
    upcoming_employer_contact_on: date | None = None  # the first employer contact or application after the day
    plan_made_on: date | None = None
    plan_review_on: date | None = None
    # The latest written consent.
    consent_valid_until: date | None = None
    consent_withdrawn: bool = False
    jobs: tuple[JobFacts, ...] = field(default_factory=tuple)
    last_employer_contact_on: date | None = None


@dataclass(kw_only=True, slots=True)
class DueItem:
    client_id: str
    kind: DueKind
    due_on: date
    overdue: bool


@dataclass(kw_only=True, slots=True)
class DueOutlook:
    """A client's due candidates (kind, due date) before the lead-time filter, the same on every day from the
    facts' day until `valid_until` (exclusive; None: until the client's records change)."""

    client_id: str
    candidates: list[tuple[DueKind, date]]
    valid_until: date | None


def listed_from(kind: DueKind, due_on: date) -> date:
    return due_on - timedelta(days=LEAD_DAYS[kind])


def due_items(facts: DueFacts, today: date) -> list[DueItem]:
    return items_listed(due_outlook(facts, today), today)


def items_listed(outlook: DueOutlook, today: date) -> list[DueItem]:
    """The candidates listed on `today`, most urgent first."""
    return sorted(
        (
            DueItem(client_id=outlook.client_id, kind=kind, due_on=due_on, overdue=today > due_on)
            for kind, due_on in outlook.candidates
            if today >= listed_from(kind, due_on)
        ),
        key=lambda item: (item.due_on, item.kind.value),
    )


def due_outlook(facts: DueFacts, today: date) -> DueOutlook:
    return DueOutlook(
        client_id=facts.client_id, candidates=_candidates(facts, today), valid_until=_facts_valid_until(facts, today)
    )


def _candidates(facts: DueFacts, today: date) -> list[tuple[DueKind, date]]:
    if facts.phase is Phase.CLOSED:
        return []
    candidates: list[tuple[DueKind, date]] = []
    add = candidates.append
    if facts.phase is Phase.MAINTENANCE and facts.maintenance_level is not None:
        since = max(d for d in (facts.last_meeting_on, facts.phase_since) if d is not None)
        add((DueKind.MAINTENANCE_CONTACT, add_months(since, MAINTENANCE_CADENCE_MONTHS[facts.maintenance_level])))
    if facts.plan_made_on is not None:
        yearly = add_months(facts.plan_made_on, PLAN_REVIEW_MONTHS)
        add((DueKind.PLAN_REVIEW, min(yearly, facts.plan_review_on) if facts.plan_review_on else yearly))
    if facts.consent_valid_until is not None and not facts.consent_withdrawn:
        add((DueKind.CONSENT_RENEWAL, facts.consent_valid_until))
    for job in facts.jobs:
        still_on = job.end_on is None or job.end_on >= today
        if job.pay_subsidy_renewal_on is not None and still_on and job.start_on <= today:
            add((DueKind.PAY_SUBSIDY_RENEWAL, job.pay_subsidy_renewal_on))
        # A trial that ended is listed until the coach records the next move after its end.
        if (
            job.kind is EmploymentKind.WORK_TRIAL
            and job.end_on is not None
            and facts.phase in (Phase.SUPPORT, Phase.MAINTENANCE)
            and facts.phase_since <= job.end_on
        ):
            add((DueKind.WORK_TRIAL_END, job.end_on))
    if facts.phase is Phase.JOB_SEARCH:
        since = max(d for d in (facts.last_employer_contact_on, facts.phase_since) if d is not None)
        add((DueKind.EMPLOYER_CONTACT, since + timedelta(days=EMPLOYER_CONTACT_DAYS)))
    if facts.phase is Phase.INTAKE and not facts.next_meeting_booked:
        add((DueKind.NEXT_MEETING, facts.phase_since + timedelta(days=NEXT_MEETING_DAYS)))
    # Two jobs can share a renewal or end date: one line says it.
    return list(dict.fromkeys(candidates))


def _facts_valid_until(facts: DueFacts, today: date) -> date | None:
    """The first day on which the candidates may differ without any record changing: a booked meeting or
    employer contact comes, an agreed meeting date passes, a job starts or ends."""
    days = [facts.upcoming_meeting_on, facts.upcoming_employer_contact_on]
    if facts.agreed_meeting_on is not None and facts.agreed_meeting_on >= today:
        days.append(facts.agreed_meeting_on + timedelta(days=1))
    for job in facts.jobs:
        if job.start_on > today:
            days.append(job.start_on)
        if job.end_on is not None and job.end_on >= today:
            days.append(job.end_on + timedelta(days=1))
    return min((d for d in days if d is not None), default=None)


def facts_from_file(file: ClientFile, today: date) -> DueFacts:
    """The same facts the vault computes in SQL, read off one loaded client."""
    client = file.client
    past_meetings = [m for m in file.meetings if m.on <= today]
    last_meeting = latest(past_meetings, lambda m: m.on)
    plan = file.latest_plan()
    consent = file.latest_written_consent()
    # Booked: a meeting after today, or the latest meeting agreed a next one from today on.
    upcoming = min((m.on for m in file.meetings if m.on > today), default=None)
    agreed = last_meeting.next_meeting_on if last_meeting else None
    all_contacts = [c.on for c in file.employer_contacts] + [a.applied_on for a in file.job_applications]
    contacts = [d for d in all_contacts if d <= today]
    upcoming_contacts = [d for d in all_contacts if d > today]
    return DueFacts(
        client_id=client.id,
        phase=client.phase,
        phase_since=client.phase_since,
        maintenance_level=client.maintenance_level,
        last_meeting_on=last_meeting.on if last_meeting else None,
        next_meeting_booked=upcoming is not None or (agreed is not None and agreed >= today),
        upcoming_meeting_on=upcoming,
        agreed_meeting_on=agreed,
        upcoming_employer_contact_on=min(upcoming_contacts, default=None),
        plan_made_on=plan.made_on if plan else None,
        plan_review_on=plan.review_on if plan else None,
        consent_valid_until=consent.valid_until if consent else None,
        consent_withdrawn=consent is not None and consent.withdrawn_on is not None,
        jobs=tuple(
            sorted(
                (
                    JobFacts(
                        kind=e.kind,
                        start_on=e.start_on,
                        end_on=e.end_on,
                        pay_subsidy_renewal_on=e.pay_subsidy_renewal_on if e.pay_subsidy else None,
                    )
                    for e in file.employments
                    if e.kind.starts_support
                ),
                key=lambda j: (j.start_on, j.kind.value),
            )
        ),
        last_employer_contact_on=max(contacts, default=None),
    )
