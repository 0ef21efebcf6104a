"""Counting a caseload into a tally. Every rule here is written out in docs/reports.md; the section names below
follow the report's tables there."""

from __future__ import annotations

from datetime import date, timedelta

from tyokykyapp.domain.enums import EmploymentKind, MaintenanceLevel, MeetingMode, Phase
from tyokykyapp.process.calendar import add_months
from tyokykyapp.process.due import JOB_ENDED_CONTACT_DAYS, MAINTENANCE_CADENCE_MONTHS
from tyokykyapp.report.caseload import Caseload, Job, Person, ServiceEpisode
from tyokykyapp.report.period import Period
from tyokykyapp.report.tally import KYKYVIISARI, UNKNOWN, Tally

# IPS-25 item 23: face-to-face contact within three days after a job starts, and weekly in its first month.
JOB_START_CONTACT_DAYS = 3
FIRST_MONTH_WEEKS = 4
SEARCHING = frozenset({Phase.JOB_SEARCH, Phase.SUPPORT, Phase.MAINTENANCE})


def count_caseload(caseload: Caseload, period: Period) -> Tally:
    tally = Tally(period)
    employers: set[str] = set()
    quarters = [(name, Period(first, last)) for name, first, last in period.quarters()]
    for person in caseload.people.values():
        _count_person(tally, person, period, quarters, employers)
    tally.add("job_starts_new_employer", len(employers))
    _count_contacts(tally, caseload)
    _count_minutes(tally, caseload)
    return tally


def _started_in_service(person: Person, job: Job) -> ServiceEpisode | None:
    """The episode in which `job` began (None for a job begun outside the service, e.g. before entry)."""
    return next(
        (
            e
            for e in person.episodes
            if e.started_on <= job.start_on and (e.closed_on is None or job.start_on <= e.closed_on)
        ),
        None,
    )


def _count_person(
    tally: Tally, person: Person, period: Period, quarters: list[tuple[str, Period]], employers: set[str]
) -> None:
    _count_durations(tally, person, period)
    served = [e for e in person.episodes if e.served_in(period)]
    if not served:
        return
    # Clients served.
    tally.add("served")
    tally.add("episodes_served", len(served))
    entered = [e for e in person.episodes if period.holds(e.started_on)]
    if entered:
        tally.add("new")
        tally.add("new_episodes", len(entered))
    tally.put("by_referral", served[0].referral if served[0].referral else UNKNOWN)
    last = served[-1]
    still_open = last.closed_on is None or last.closed_on > period.last
    spell = person.spell_on(period.last)
    phase = spell.phase if spell and spell.phase is not Phase.CLOSED else Phase.INTAKE
    if still_open:
        tally.add("open_at_end")
        level = spell.level if spell and phase is Phase.MAINTENANCE else None
        tally.put("open_at_end_by_phase", f"maintenance_{level}" if level else phase)
    else:
        tally.add("closed_people")

    # Outcomes: jobs begun in the service and held on some day of the period.
    jobs = [j for j in person.jobs if _started_in_service(person, j) and period.overlaps(j.start_on, j.end_on)]
    kinds = {j.kind for j in jobs}
    employed = EmploymentKind.EMPLOYMENT in kinds
    trial = EmploymentKind.WORK_TRIAL in kinds
    tally.add("employed_people", employed)
    tally.add("work_trial_only_people", trial and not employed)
    tally.add("employed_or_trial_people", employed or trial)
    for job in jobs:
        tally.put("jobs_by_kind", job.kind)
        if job.kind is EmploymentKind.EMPLOYMENT:
            _count_employment(tally, job, period)
    supported = [j for j in jobs if j.kind.starts_support]
    recruitment = any(j.support_recruitment for j in supported)
    induction = any(j.support_induction for j in supported)
    tally.add("employer_support_recruitment_people", recruitment)
    tally.add("employer_support_induction_people", induction)
    tally.add("employer_support_recruitment_or_induction_people", recruitment or induction)
    tally.add("employer_support_after_induction_people", any(j.support_after_induction for j in supported))
    for quarter, days in quarters:
        if any(e.served_in(days) for e in served):
            tally.put("quarter_served", quarter)
            if any(j.competitive and days.overlaps(j.start_on, j.end_on) for j in jobs):
                tally.put("quarter_working_competitive", quarter)

    # Where the person stood at the end of the period (one bucket each).
    if still_open:
        ongoing = {j.kind for j in jobs if j.end_on is None or j.end_on >= period.last}
        if EmploymentKind.EMPLOYMENT in ongoing:
            tally.put("status_at_end", "open_employed")
        elif EmploymentKind.WORK_TRIAL in ongoing:
            tally.put("status_at_end", "open_work_trial")
        else:
            tally.put("status_at_end", f"open_{phase}")
    else:
        tally.put("status_at_end", f"closed_{last.destination}" if last.destination else "closed_unknown")

    _count_fidelity(tally, person, period, served, jobs, employers)
    _count_kykyviisari(tally, person, period, last)


def _count_employment(tally: Tally, job: Job, period: Period) -> None:
    if not job.open_labour_market:
        terms = "not_open_market"
    else:
        terms = "open_market_pay_subsidy" if job.pay_subsidy else "open_market"
    tally.put("employment_terms", terms)
    ended = job.end_on is not None and job.end_on < period.last
    tally.put("employment_status_at_end", "ended" if ended else "ongoing")
    until = min(job.end_on or period.last, period.last)
    band = "ge12"
    for months, name in ((1, "lt1"), (3, "1to3"), (6, "3to6"), (12, "6to12")):
        if until < add_months(job.start_on, months):
            band = name
            break
    tally.put("employment_length", band)
    tally.put("employment_sector", job.sector if job.sector else UNKNOWN)


def _first(days: list[date], episode: ServiceEpisode) -> date | None:
    """The first of `days` on or after the episode's entry and not after its closure."""
    return min((d for d in days if d >= episode.started_on and episode.holds(d)), default=None)


def _count_durations(tally: Tally, person: Person, period: Period) -> None:
    """Durations are counted in the period in which they end, so each is counted once over the years."""
    for episode in person.episodes:
        contact = episode.first_employer_contact
        if contact is not None and period.holds(contact):
            tally.days("days_entry_to_first_employer_contact", (contact - episode.started_on).days)
        job = _first([j.start_on for j in person.jobs if j.kind.starts_support], episode)
        if job is not None and period.holds(job):
            tally.days("days_entry_to_first_job", (job - episode.started_on).days)
        plan = episode.first_plan
        if plan is not None and period.holds(plan):
            first_contact = min(episode.referred_on or episode.started_on, episode.started_on)
            tally.days("days_first_contact_to_plan", (plan - first_contact).days)
    for spell in person.spells:
        if spell.phase is Phase.CLOSED or spell.end is None or not period.holds(spell.end):
            continue
        tally.days(f"days_in_{spell.phase}", (spell.end - spell.start).days)
        if spell.phase is Phase.MAPPING:
            tally.put("meetings_in_mapping", str(min(person.mapping_meetings.get(spell.start, 0), 999)))
    for spell in person.spells:
        if spell.phase is Phase.CLOSED and period.holds(spell.start):
            tally.put("closures_by_last_phase", spell.from_phase if spell.from_phase else UNKNOWN)
    for episode in person.episodes:
        if period.holds(episode.closed_on):
            tally.put("closures_by_destination", episode.destination if episode.destination else UNKNOWN)
            assert episode.reason is not None
            tally.put("closures_by_reason", episode.reason)
    _count_maintenance(tally, person, period)
    _count_follow_ups(tally, person, period)


def _count_maintenance(tally: Tally, person: Person, period: Period) -> None:
    """Each meeting held in maintenance is on time when it came within the level's rhythm of the contact before
    it (or of the move to the level, whichever is later)."""
    previous: date | None = None
    for meeting in person.meetings:
        spell = person.spell_on(meeting.on)
        if period.holds(meeting.on) and spell and spell.phase is Phase.MAINTENANCE and spell.level:
            base = max(previous or spell.start, spell.start)
            level: MaintenanceLevel = spell.level
            on_time = meeting.on <= add_months(base, MAINTENANCE_CADENCE_MONTHS[level])
            tally.put("maintenance_contacts_on_time" if on_time else "maintenance_contacts_late", level)
        previous = meeting.on


def _count_follow_ups(tally: Tally, person: Person, period: Period) -> None:
    closures = sorted(e.closed_on for e in person.episodes if e.closed_on)
    for on, working in person.follow_ups:
        closed = [c for c in closures if c <= on]
        if not period.holds(on) or working is None or not closed:
            continue
        months = next((m for m in (3, 6, 12) if on <= add_months(closed[-1], m)), None)
        band = f"le{months}" if months else "gt12"
        tally.put("follow_ups_working" if working else "follow_ups_not_working", band)


def _held_between(person: Person, first: date, last: date, *, face_to_face: bool) -> bool:
    return any(first <= m.on <= last and (m.face_to_face or not face_to_face) for m in person.meetings)


def _count_fidelity(
    tally: Tally, person: Person, period: Period, served: list[ServiceEpisode], jobs: list[Job], employers: set[str]
) -> None:
    for job in jobs:
        if not job.is_work:
            continue
        if job.kind.starts_support:
            tally.add("jobs_held")
            tally.add("jobs_held_with_support_plan", job.support_plan)
        if period.holds(job.end_on):
            assert job.end_on is not None
            tally.add("job_ends")
            contacted = _held_between(
                person, job.end_on, job.end_on + timedelta(days=JOB_ENDED_CONTACT_DAYS), face_to_face=False
            )
            tally.add("job_ends_contact_in_3_days", contacted)
        if not period.holds(job.start_on):
            continue
        episode = _started_in_service(person, job)
        assert episode is not None
        tally.add("job_starts")
        tally.add(
            "job_starts_benefits_checked", any(episode.holds(d) and d <= job.start_on for d in person.benefits_checked)
        )
        start = job.start_on
        soon = _held_between(person, start, start + timedelta(days=JOB_START_CONTACT_DAYS), face_to_face=True)
        tally.add("job_starts_face_to_face_in_3_days", soon)
        weekly = all(
            _held_between(person, start + timedelta(days=7 * w), start + timedelta(days=7 * w + 6), face_to_face=True)
            for w in range(FIRST_MONTH_WEEKS)
        )
        tally.add("job_starts_weekly_first_month", weekly)
        tally.add("competitive_job_starts", job.competitive)
        if job.sector is not None:
            tally.add("job_starts_with_sector")
            tally.put("job_start_sector", job.sector)
        if job.employer_id:
            tally.add("job_starts_with_employer")
            employers.add(job.employer_id)
    if any(s.phase in SEARCHING and period.overlaps(s.start, s.end) for s in person.spells):
        tally.add("disclosure_asked_of")
        last = served[-1]
        tally.add("disclosure_recorded", any(last.holds(d) and d <= period.last for d in person.disclosure_recorded))


def _count_kykyviisari(tally: Tally, person: Person, period: Period, episode: ServiceEpisode) -> None:
    results = sorted((r for r in person.kykyviisari if episode.holds(r[0]) and r[0] <= period.last), key=lambda r: r[0])
    if len(results) < 2:
        return
    first, latest = results[0][1], results[-1][1]
    for domain in KYKYVIISARI:
        before, after = first[domain], latest[domain]
        if before is None or after is None:
            continue
        tally.add(f"kykyviisari_{domain}_n")
        tally.add(f"kykyviisari_{domain}_first_sum", before)
        tally.add(f"kykyviisari_{domain}_latest_sum", after)
        tally.add(f"kykyviisari_{domain}_better", after > before)
        tally.add(f"kykyviisari_{domain}_worse", after < before)


def _count_contacts(tally: Tally, caseload: Caseload) -> None:
    for mode, n in caseload.contacts:
        if mode is None:
            tally.add("employer_contacts_mode_unknown", n)
        elif mode == MeetingMode.FACE_TO_FACE:
            tally.add("employer_contacts_face_to_face", n)
        else:
            tally.add("employer_contacts_other", n)


def _count_minutes(tally: Tally, caseload: Caseload) -> None:
    held, timed, minutes = caseload.minutes
    tally.add("meetings_held", held)
    tally.add("meetings_without_duration", held - timed)
    for setting, n in minutes.items():
        if n:
            tally.put("meeting_minutes", setting, n)
