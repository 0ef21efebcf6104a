"""What is due or overdue for a client on a given day.

The rules work on `DueFacts`, a few dates per client that the vault can compute for a whole caseload in
one query, or that `facts_from_file` reads off one loaded client. Each rule has a due date and a lead
time: an item is listed from `due_on - lead` and is overdue from the day after `due_on`.

`due_outlook` gives a client's candidates before the lead-time filter together with the last day they stay
true, so the vault can keep them and Today need not rerun the rules for a whole caseload every time.

To change a due rule or add one:
1. the rule in `_candidates` (and a lead time in `LEAD_DAYS`); bump `RULES_VERSION` so vaults recompute;
2. a new fact: a field on `DueFacts`, read in `facts_from_file` and in the vault's `vault/due_facts.py`
   (a new record value the SQL reads needs a column of `due_records`, i.e. a migration); the test
   tests/core/vault/test_due_facts.py fails until the two agree;
3. if the fact changes by itself as days pass, the day it changes in `_facts_valid_until`;
4. the rule with its source in docs/process-rules.md, and a test at its edge dates in tests/core/process/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from tyokykyapp.domain import ClientFile, EmploymentKind, MaintenanceLevel, Phase, ServiceTerms
from tyokykyapp.domain.client_file import latest
from tyokykyapp.domain.enums import ContactMode, Labelled, MeetingStatus
from tyokykyapp.i18n import N_
from tyokykyapp.process.calendar import add_months


class DueKind(Labelled):
    MAINTENANCE_VISIT = "maintenance_visit"
    MAINTENANCE_CONTACT = "maintenance_contact"
    PLAN_REVIEW = "plan_review"
    PLAN_STEP = "plan_step"
    CONSENT_RENEWAL = "consent_renewal"
    PAY_SUBSIDY_RENEWAL = "pay_subsidy_renewal"
    WORK_TRIAL_END = "work_trial_end"
    JOB_ENDED_CONTACT = "job_ended_contact"
    FIRST_EMPLOYER_CONTACT = "first_employer_contact"
    EMPLOYER_CONTACT = "employer_contact"
    NEXT_MEETING = "next_meeting"
    INTAKE_OPEN = "intake_open"
    MEETING_RHYTHM = "meeting_rhythm"
    WORKPLACE_VISIT = "workplace_visit"
    KYKYVIISARI_REPEAT = "kykyviisari_repeat"
    WAITING = "waiting"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "maintenance_visit": N_("Support visit (maintenance)"),
            "maintenance_contact": N_("Contact (light support)"),
            "plan_review": N_("Plan review"),
            "plan_step": N_("A step of the plan"),
            "consent_renewal": N_("Consent renewal"),
            "pay_subsidy_renewal": N_("Pay-subsidy renewal"),
            "work_trial_end": N_("Work trial ends"),
            "job_ended_contact": N_("The job ended: contact the client"),
            "first_employer_contact": N_("First face-to-face employer contact"),
            "employer_contact": N_("Employer contact for the job search"),
            "next_meeting": N_("Book the next meeting"),
            "intake_open": N_("Intake has gone on long: decide the next step"),
            "meeting_rhythm": N_("Meet the client (the agreed rhythm)"),
            "workplace_visit": N_("Workplace support visit (first month of the job)"),
            "kykyviisari_repeat": N_("Repeat the Kykyviisari"),
            "waiting": N_("Check what the client is waiting for"),
        }


# Months between maintenance contacts: active about monthly, sufficient every 2–3 months (the item is due
# at 3, the latest the criteria allow), light every 6 months.
MAINTENANCE_CADENCE_MONTHS = {MaintenanceLevel.ACTIVE: 1, MaintenanceLevel.SUFFICIENT: 3, MaintenanceLevel.LIGHT: 6}
# Active and sufficient support are support visits (tukikäynti); light support is a contact every half year.
MAINTENANCE_VISIT_LEVELS = frozenset({MaintenanceLevel.ACTIVE, MaintenanceLevel.SUFFICIENT})
PLAN_REVIEW_MONTHS = 12
# IPS-25 item 15: a face-to-face employer contact within 30 days of entering the service.
FIRST_EMPLOYER_CONTACT_DAYS = 30
# A job search with no employer contact for this long has stalled (also the job-search checklist's window).
EMPLOYER_CONTACT_DAYS = 30
# IPS-25 item 23: contact within three days of learning that a job ended.
JOB_ENDED_CONTACT_DAYS = 3
NEXT_MEETING_DAYS = 14
# An intake is one meeting or a few (Helsinki); one open this long needs a decision.
INTAKE_OPEN_DAYS = 60
# Mapping (2–6 meetings) and job search (1–4 meetings a month): at least monthly unless the plan says otherwise.
MEETING_RHYTHM_DAYS = 30
# The first month of a job: a workplace visit at least weekly (IPS-25 item 23; induction, alkuvalmennus).
WORKPLACE_VISIT_DAYS = 7
FIRST_MONTH = 1
KYKYVIISARI_REPEAT_MONTHS = 6

LEAD_DAYS = {
    DueKind.MAINTENANCE_VISIT: 7,
    DueKind.MAINTENANCE_CONTACT: 7,
    DueKind.PLAN_REVIEW: 30,
    DueKind.PLAN_STEP: 7,
    DueKind.CONSENT_RENEWAL: 30,
    # The pay-subsidy lead is the organisation's setting (ServiceTerms.pay_subsidy_lead_days).
    DueKind.WORK_TRIAL_END: 14,
    # Listed from the day the job ends.
    DueKind.JOB_ENDED_CONTACT: JOB_ENDED_CONTACT_DAYS,
    DueKind.FIRST_EMPLOYER_CONTACT: 7,
    DueKind.EMPLOYER_CONTACT: 7,
    # An intake without a booked meeting is listed at once.
    DueKind.NEXT_MEETING: NEXT_MEETING_DAYS,
    DueKind.INTAKE_OPEN: 7,
    DueKind.MEETING_RHYTHM: 3,
    DueKind.WORKPLACE_VISIT: 2,
    DueKind.KYKYVIISARI_REPEAT: 14,
    DueKind.WAITING: 7,
}

# Bump when a rule or a constant above changes: vaults then recompute the due candidates they keep.
RULES_VERSION = 2


def lead_days(kind: DueKind, terms: ServiceTerms) -> int:
    return terms.pay_subsidy_lead_days if kind is DueKind.PAY_SUBSIDY_RENEWAL else LEAD_DAYS[kind]


def rules_key(terms: ServiceTerms) -> str:
    """What the kept results were computed with: the rules and the settings the lead times come from."""
    return f"{RULES_VERSION}/{terms.pay_subsidy_lead_days}"


# Slotted, not frozen: a caseload of 10,000 builds these by the thousand on every Today refresh.
@dataclass(kw_only=True, slots=True)
class JobFacts:
    kind: EmploymentKind
    start_on: date
    end_on: date | None = None
    pay_subsidy_until: date | None = None  # only when the job is pay-subsidised


def job_order(job: JobFacts) -> tuple[date, str, date, date]:
    """One order for a client's jobs, so the facts from SQL and from a loaded file compare equal."""
    return (job.start_on, job.kind.value, job.end_on or date.max, job.pay_subsidy_until or date.max)


@dataclass(kw_only=True, slots=True)
class DueFacts:
    """What the rules read about one client. Records of an earlier service episode do not count (the vault and
    `facts_from_file` both leave them out: `ClientFile.episode_floor`)."""

    client_id: str
    phase: Phase
    phase_since: date
    started_on: date  # the current episode's entry
    maintenance_level: MaintenanceLevel | None = None
    last_meeting_on: date | None = None  # the latest meeting held, up to the day
    agreed_meeting_on: date | None = None  # the next meeting that meeting agreed
    # The dates on which the facts change by themselves as days pass (see `due_outlook`).
    upcoming_meeting_on: date | None = None  # the first meeting after the day that is not cancelled
    upcoming_employer_contact_on: date | None = None  # the first employer contact after the day
    last_workplace_visit_on: date | None = None  # in support: the latest support visit at the workplace, up to the day
    plan_made_on: date | None = None
    plan_review_on: date | None = None
    plan_interval_days: int | None = None  # how often the plan says to meet
    plan_steps_due: tuple[date, ...] = ()  # the plan's open steps' deadlines, in date order
    # The latest written consent.
    consent_valid_until: date | None = None
    consent_withdrawn: bool = False
    jobs: tuple[JobFacts, ...] = field(default_factory=tuple)
    last_employer_contact_on: date | None = None  # any employer contact for the client, up to the day
    face_to_face_contact_on: date | None = None  # the latest face-to-face one (or one of unrecorded mode)
    kykyviisari_on: date | None = None
    waiting_until: tuple[date, ...] = ()  # expected dates of what the client still waits for, in date order

    def booked_on(self, today: date) -> date | None:
        """The next meeting booked: one dated after today, or the one the latest meeting agreed from today on."""
        agreed = self.agreed_meeting_on if self.agreed_meeting_on and self.agreed_meeting_on >= today else None
        return min((d for d in (self.upcoming_meeting_on, agreed) if d is not None), default=None)


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


def listed_from(kind: DueKind, due_on: date, terms: ServiceTerms) -> date:
    return due_on - timedelta(days=lead_days(kind, terms))


def due_items(facts: DueFacts, today: date, terms: ServiceTerms | None = None) -> list[DueItem]:
    return items_listed(due_outlook(facts, today), today, terms or ServiceTerms())


def items_listed(outlook: DueOutlook, today: date, terms: ServiceTerms) -> list[DueItem]:
    """The candidates listed on `today`, most urgent first."""
    return sorted(
        (
            DueItem(client_id=outlook.client_id, kind=kind, due_on=due_on, overdue=today > due_on)
            for kind, due_on in outlook.candidates
            if today >= listed_from(kind, due_on, terms)
        ),
        key=lambda item: (item.due_on, item.kind.value),
    )


def due_outlook(facts: DueFacts, today: date) -> DueOutlook:
    return DueOutlook(
        client_id=facts.client_id, candidates=_candidates(facts, today), valid_until=_facts_valid_until(facts, today)
    )


def _since(facts: DueFacts, day: date | None) -> date:
    """From the later of `day` and entering the current phase."""
    return max(day, facts.phase_since) if day is not None else facts.phase_since


def _candidates(facts: DueFacts, today: date) -> list[tuple[DueKind, date]]:
    if facts.phase is Phase.CLOSED:
        return []
    candidates: list[tuple[DueKind, date]] = []
    add = candidates.append
    phase = facts.phase
    if phase is Phase.MAINTENANCE and facts.maintenance_level is not None:
        level = facts.maintenance_level
        kind = DueKind.MAINTENANCE_VISIT if level in MAINTENANCE_VISIT_LEVELS else DueKind.MAINTENANCE_CONTACT
        add((kind, add_months(_since(facts, facts.last_meeting_on), MAINTENANCE_CADENCE_MONTHS[level])))
    if facts.plan_made_on is not None:
        yearly = add_months(facts.plan_made_on, PLAN_REVIEW_MONTHS)
        add((DueKind.PLAN_REVIEW, min(yearly, facts.plan_review_on) if facts.plan_review_on else yearly))
    for step_due in facts.plan_steps_due:
        add((DueKind.PLAN_STEP, step_due))
    if facts.consent_valid_until is not None and not facts.consent_withdrawn:
        add((DueKind.CONSENT_RENEWAL, facts.consent_valid_until))
    job_started = False
    for job in facts.jobs:
        started = job.start_on <= today
        job_started = job_started or started
        still_on = job.end_on is None or job.end_on >= today
        if job.pay_subsidy_until is not None and still_on and started:
            add((DueKind.PAY_SUBSIDY_RENEWAL, job.pay_subsidy_until))
        if job.end_on is not None:
            # A trial that ended is listed until the coach records the next move after its end.
            in_work = phase in (Phase.SUPPORT, Phase.MAINTENANCE) and facts.phase_since <= job.end_on
            if job.kind is EmploymentKind.WORK_TRIAL and in_work:
                add((DueKind.WORK_TRIAL_END, job.end_on))
            # Any job that ends: a contact (a meeting held, a call) on or after its last day.
            if facts.last_meeting_on is None or facts.last_meeting_on < job.end_on:
                add((DueKind.JOB_ENDED_CONTACT, job.end_on + timedelta(days=JOB_ENDED_CONTACT_DAYS)))
        if phase is Phase.SUPPORT and started and still_on:
            first_month_ends = add_months(job.start_on, FIRST_MONTH)
            visit = facts.last_workplace_visit_on
            last_visit = visit if visit is not None and visit >= job.start_on else job.start_on
            visit_due = last_visit + timedelta(days=WORKPLACE_VISIT_DAYS)
            if visit_due <= first_month_ends:
                add((DueKind.WORKPLACE_VISIT, visit_due))
    searching = phase in (Phase.INTAKE, Phase.MAPPING, Phase.JOB_SEARCH)
    first_contact_open = searching and facts.face_to_face_contact_on is None and not job_started
    if first_contact_open:
        add((DueKind.FIRST_EMPLOYER_CONTACT, facts.started_on + timedelta(days=FIRST_EMPLOYER_CONTACT_DAYS)))
    elif phase is Phase.JOB_SEARCH:
        since = _since(facts, facts.last_employer_contact_on)
        add((DueKind.EMPLOYER_CONTACT, since + timedelta(days=EMPLOYER_CONTACT_DAYS)))
    booked = facts.booked_on(today)
    if phase is Phase.INTAKE:
        if booked is None:
            add((DueKind.NEXT_MEETING, facts.phase_since + timedelta(days=NEXT_MEETING_DAYS)))
        add((DueKind.INTAKE_OPEN, facts.phase_since + timedelta(days=INTAKE_OPEN_DAYS)))
    if phase in (Phase.MAPPING, Phase.JOB_SEARCH):
        every = facts.plan_interval_days or MEETING_RHYTHM_DAYS
        rhythm_due = _since(facts, facts.last_meeting_on) + timedelta(days=every)
        if booked is None or booked > rhythm_due:
            add((DueKind.MEETING_RHYTHM, rhythm_due))
    if facts.kykyviisari_on is not None:
        add((DueKind.KYKYVIISARI_REPEAT, add_months(facts.kykyviisari_on, KYKYVIISARI_REPEAT_MONTHS)))
    for expected in facts.waiting_until:
        add((DueKind.WAITING, expected))
    # Two jobs can share a renewal or end date, two steps a deadline: one line says it.
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


def _counts_face_to_face(mode: ContactMode | None) -> bool:
    # A contact logged before the mode was recorded counts: the old record cannot tell.
    return mode is None or mode is ContactMode.FACE_TO_FACE


def facts_from_file(file: ClientFile, today: date) -> DueFacts:
    """The same facts the vault computes in SQL (vault/due_facts.py), read off one loaded client."""
    client = file.client
    inside = file.in_episode
    meetings = [m for m in file.meetings if inside(m.on)]
    held = [m for m in meetings if m.held and m.on <= today]
    last_meeting = latest(held, lambda m: m.on)
    visits = [m.on for m in held if m.workplace_visit]
    plan = file.episode_plan()
    consent = file.latest_written_consent()
    contacts = [c for c in file.employer_contacts if inside(c.on)]
    done = [c for c in contacts if c.on <= today]
    waits = [w.expected_on for w in file.waiting if inside(w.since) and w.resolved_on is None]
    kykyviisari = [r.done_on for r in file.kykyviisari_results if inside(r.done_on)]
    return DueFacts(
        client_id=client.id,
        phase=client.phase,
        phase_since=client.phase_since,
        started_on=client.started_on,
        maintenance_level=client.maintenance_level,
        last_meeting_on=last_meeting.on if last_meeting else None,
        agreed_meeting_on=last_meeting.next_meeting_on if last_meeting else None,
        upcoming_meeting_on=min(
            (m.on for m in meetings if m.on > today and m.status is not MeetingStatus.CANCELLED), default=None
        ),
        upcoming_employer_contact_on=min((c.on for c in contacts if c.on > today), default=None),
        # Read in the support phase only, the one rule that uses it (the vault skips the walk for others).
        last_workplace_visit_on=max(visits, default=None) if client.phase is Phase.SUPPORT else None,
        plan_made_on=plan.made_on if plan else None,
        plan_review_on=plan.review_on if plan else None,
        plan_interval_days=plan.meeting_interval.days if plan and plan.meeting_interval else None,
        plan_steps_due=tuple(sorted(s.due_on for s in plan.steps if s.due_on and not s.done_on)) if plan else (),
        consent_valid_until=consent.valid_until if consent else None,
        consent_withdrawn=consent is not None and consent.withdrawn_on is not None,
        jobs=tuple(
            sorted(
                (
                    JobFacts(
                        kind=e.kind,
                        start_on=e.start_on,
                        end_on=e.end_on,
                        pay_subsidy_until=e.pay_subsidy_until if e.pay_subsidy else None,
                    )
                    for e in file.employments
                    if e.kind.starts_support and (e.end_on is None or inside(e.end_on))
                ),
                key=job_order,
            )
        ),
        last_employer_contact_on=max((c.on for c in done), default=None),
        face_to_face_contact_on=max((c.on for c in done if _counts_face_to_face(c.mode)), default=None),
        kykyviisari_on=max(kykyviisari, default=None),
        waiting_until=tuple(sorted(waits)),
    )
