"""Per-phase checklists of what the quality criteria expect. An item is done when a record shows it,
or when the coach ticked it (a ChecklistTick, which records the date)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tyokykyapp.domain import ClientFile, Employment, EmploymentKind, Phase
from tyokykyapp.i18n import N_, _
from tyokykyapp.process.calendar import add_months
from tyokykyapp.process.due import EMPLOYER_CONTACT_DAYS

# What a record says about an item: done on a date, done with no date known, or not shown (None).
Evidence = date | bool | None
Finder = Callable[[ClientFile, date], Evidence]
Applies = Callable[[ClientFile, date], bool]


@dataclass(frozen=True)
class ItemSpec:
    key: str
    label: str
    finder: Finder | None = None
    # None: asked of every client in the phase; otherwise only where it applies (e.g. a work trial is used).
    applies: Applies | None = None


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done: bool
    done_on: date | None
    # "record" when a record shows it, "tick" when the coach ticked it, None when open.
    source: str | None


def _earliest(dates: Sequence[date | None]) -> date | None:
    known = [d for d in dates if d is not None]
    return min(known) if known else None


def _latest(dates: Sequence[date | None]) -> date | None:
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def _referral(f: ClientFile, _today: date) -> Evidence:
    episode = f.current_episode()
    if episode is None:
        return None
    return episode.referral.referred_on or (episode.referral.source is not None)


def _first_meeting(f: ClientFile, today: date) -> Evidence:
    return _earliest([m.on for m in f.meetings if m.on <= today])


def _consent(f: ClientFile, today: date) -> Evidence:
    consent = f.consent_in_force(today)
    return consent.given_on if consent else None


def _disclosure(f: ClientFile, today: date) -> Evidence:
    """The client's own choice, never a default: a consent that leaves it empty was not discussed."""
    consent = f.consent_in_force(today)
    return consent.given_on if consent and consent.employer_disclosure is not None else None


def _agreement(f: ClientFile, today: date) -> Evidence:
    agreement = f.signed_agreement(today)
    return agreement.signed_on if agreement else None


def _next_meeting(f: ClientFile, today: date) -> Evidence:
    return _earliest(
        [m.on for m in f.meetings if m.on > today]
        + [m.next_meeting_on for m in f.meetings if m.next_meeting_on and m.next_meeting_on >= today]
    )


def _profile(f: ClientFile, _today: date) -> Evidence:
    profile = f.latest_profile()
    return profile.updated_on if profile else None


def _profile_date(attribute: str) -> Finder:
    def finder(f: ClientFile, _today: date) -> Evidence:
        profile = f.latest_profile()
        value: date | None = getattr(profile, attribute) if profile else None
        return value

    return finder


def _kykyviisari(f: ClientFile, _today: date) -> Evidence:
    return _latest([r.done_on for r in f.kykyviisari_results])


def _plan(f: ClientFile, _today: date) -> Evidence:
    plan = f.latest_plan()
    return plan.made_on if plan else None


def _network(f: ClientFile, _today: date) -> Evidence:
    return bool(f.network_contacts)


def _applications(f: ClientFile, _today: date) -> Evidence:
    return _earliest([a.applied_on for a in f.job_applications])


def _recent_employer_contact(f: ClientFile, today: date) -> Evidence:
    latest = _latest([c.on for c in f.employer_contacts if c.on <= today])
    return latest if latest is not None and latest >= today - timedelta(days=EMPLOYER_CONTACT_DAYS) else None


def _job_started(f: ClientFile, today: date) -> Evidence:
    return _latest([e.start_on for e in f.jobs_ongoing(today)])


def _episode_trials(f: ClientFile) -> list[Employment]:
    return [e for e in f.employments if e.kind is EmploymentKind.WORK_TRIAL and f.in_episode(e.start_on)]


def _trial_used(f: ClientFile, _today: date) -> bool:
    return bool(_episode_trials(f))


def _trial_reasoned(f: ClientFile, _today: date) -> Evidence:
    return _latest([e.start_on for e in _episode_trials(f) if e.trial_reason and e.trial_decided_by])


def _support_plan(f: ClientFile, _today: date) -> Evidence:
    return _latest([p.made_on for p in f.support_plans])


def _level_set(f: ClientFile, _today: date) -> Evidence:
    return f.client.phase_since if f.client.maintenance_level is not None else None


def _plan_reviewed(f: ClientFile, today: date) -> Evidence:
    plan = f.latest_plan()
    return plan.made_on if plan and plan.made_on > add_months(today, -12) else None


def _closure(f: ClientFile, _today: date) -> Evidence:
    return _latest([c.closed_on for c in f.closures])


def _continuation(f: ClientFile, _today: date) -> Evidence:
    closure = max(f.closures, key=lambda c: c.closed_on, default=None)
    return closure.closed_on if closure and closure.continuation_path.strip() else None


def _destination(f: ClientFile, _today: date) -> Evidence:
    closure = max(f.closures, key=lambda c: c.closed_on, default=None)
    return closure.closed_on if closure and closure.destination is not None else None


def _follow_up(f: ClientFile, _today: date) -> Evidence:
    closed = f.episode_ended_on()
    return _latest([u.on for u in f.follow_ups if closed is not None and u.on >= closed])


CHECKLISTS: dict[Phase, tuple[ItemSpec, ...]] = {
    Phase.INTAKE: (
        ItemSpec("referral_recorded", N_("Referral recorded (who referred, when)"), _referral),
        ItemSpec("first_meeting", N_("First meeting held"), _first_meeting),
        ItemSpec("privacy_notice_given", N_("Privacy notice given to the client")),
        ItemSpec("consent_recorded", N_("Written consent recorded"), _consent),
        ItemSpec("agreement_signed", N_("Job-coaching agreement signed"), _agreement),
        ItemSpec("next_meeting_booked", N_("Next meeting booked"), _next_meeting),
    ),
    Phase.MAPPING: (
        ItemSpec("agreement_signed", N_("Job-coaching agreement signed"), _agreement),
        ItemSpec("consent_recorded", N_("Written consent recorded"), _consent),
        ItemSpec("vocational_profile", N_("Vocational profile made"), _profile),
        ItemSpec("kykyviisari", N_("Kykyviisari self-assessment done"), _kykyviisari),
        ItemSpec("plan_made", N_("Job-coaching plan made, with a review date"), _plan),
        ItemSpec("cv_updated", N_("CV updated"), _profile_date("cv_updated_on")),
        ItemSpec(
            "job_seeker_registration_checked",
            N_("Job-seeker registration and employment plan checked"),
            _profile_date("job_seeker_registration_checked_on"),
        ),
        ItemSpec(
            "benefits_counselling",
            N_("Benefits counselling done: does work pay?"),
            _profile_date("work_pays_checked_on"),
        ),
        ItemSpec("network_mapped", N_("Network mapped"), _network),
    ),
    Phase.JOB_SEARCH: (
        ItemSpec("disclosure_choice_recorded", N_("The client's disclosure choice recorded"), _disclosure),
        ItemSpec("applications_made", N_("Applications made"), _applications),
        ItemSpec("employer_contact_recent", N_("Employer contact in the last 30 days"), _recent_employer_contact),
        ItemSpec("interview_preparation", N_("Interview preparation done")),
        ItemSpec(
            "work_trial_reasoned",
            N_("Work trial: the reason and who decided it recorded"),
            _trial_reasoned,
            applies=_trial_used,
        ),
    ),
    Phase.SUPPORT: (
        ItemSpec("employment_started", N_("Job or work trial started"), _job_started),
        ItemSpec("support_plan", N_("Job support plan made"), _support_plan),
        ItemSpec("induction_visits", N_("Induction support visits at the workplace agreed")),
        ItemSpec(
            "practical_matters",
            N_("Practical matters checked (tax card, housing allowance, adjusted benefits, pension limit, commute)"),
        ),
    ),
    Phase.MAINTENANCE: (
        ItemSpec("level_set", N_("Support level chosen"), _level_set),
        ItemSpec("plan_reviewed", N_("Plan reviewed within the last year"), _plan_reviewed),
        ItemSpec("pay_subsidy_checked", N_("Pay subsidy and its renewal checked")),
    ),
    Phase.CLOSED: (
        ItemSpec("closure_reason", N_("Reason for ending recorded"), _closure),
        ItemSpec("closure_destination", N_("Where the client went recorded"), _destination),
        ItemSpec("continuation_path", N_("Continuation path agreed"), _continuation),
        ItemSpec("closure_summary_given", N_("Closure summary given to the client")),
        ItemSpec("follow_up", N_("Follow-up after the service: still working?"), _follow_up),
    ),
}


def checklist(file: ClientFile, phase: Phase, today: date) -> list[ChecklistItem]:
    ticks = {t.item: t.ticked_on for t in file.checklist_ticks}
    items = []
    for spec in CHECKLISTS[phase]:
        if spec.applies is not None and not spec.applies(file, today):
            continue
        evidence = spec.finder(file, today) if spec.finder else None
        if evidence is not None and evidence is not False:
            done_on = evidence if isinstance(evidence, date) else None
            items.append(ChecklistItem(spec.key, _(spec.label), True, done_on, "record"))
        elif spec.key in ticks:
            items.append(ChecklistItem(spec.key, _(spec.label), True, ticks[spec.key], "tick"))
        else:
            items.append(ChecklistItem(spec.key, _(spec.label), False, None, None))
    return items


def checklist_keys() -> frozenset[str]:
    return frozenset(spec.key for specs in CHECKLISTS.values() for spec in specs)


# Items asked no more, kept so that ticks made in earlier versions still read as what they said.
RETIRED_ITEMS = {"work_trial_considered": N_("Work trial considered with employment services")}
