"""Every due rule at its edge dates: the day before it is listed, the first day listed, the due day (not
yet overdue) and the day after (overdue)."""

from datetime import date, timedelta

import pytest

from tyokykyapp.domain import EmploymentKind, MaintenanceLevel, Phase, ServiceTerms
from tyokykyapp.process import DueFacts, DueKind, JobFacts, due_items
from tyokykyapp.process.calendar import add_months
from tyokykyapp.process.due import lead_days

START = date(2026, 1, 31)
# A face-to-face employer contact on the day of entry: the first-contact rule is met unless a test says not.
MET = {"face_to_face_contact_on": START}


def facts(phase: Phase, **values: object) -> DueFacts:
    phase_since = values.pop("phase_since", START)
    started_on = values.pop("started_on", phase_since)
    return DueFacts(client_id="c", phase=phase, phase_since=phase_since, started_on=started_on, **values)  # type: ignore[arg-type]


def state(f: DueFacts, kind: DueKind, today: date, terms: ServiceTerms | None = None) -> str:
    """'none', 'due' or 'overdue' for `kind` on `today`."""
    found = [i for i in due_items(f, today, terms) if i.kind is kind]
    assert len(found) <= 1
    return "none" if not found else ("overdue" if found[0].overdue else "due")


def assert_edges(f: DueFacts, kind: DueKind, due_on: date, terms: ServiceTerms | None = None) -> None:
    lead = timedelta(days=lead_days(kind, terms or ServiceTerms()))
    one = timedelta(days=1)
    assert state(f, kind, due_on - lead - one, terms) == "none"
    assert state(f, kind, due_on - lead, terms) == "due"
    assert state(f, kind, due_on, terms) == "due"
    assert state(f, kind, due_on + one, terms) == "overdue"
    assert [i.due_on for i in due_items(f, due_on, terms) if i.kind is kind] == [due_on]


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("level", "months", "kind"),
    [
        (MaintenanceLevel.ACTIVE, 1, DueKind.MAINTENANCE_VISIT),
        (MaintenanceLevel.SUFFICIENT, 3, DueKind.MAINTENANCE_VISIT),
        (MaintenanceLevel.LIGHT, 6, DueKind.MAINTENANCE_CONTACT),
    ],
)
def test_maintenance_contact_follows_the_level(level: MaintenanceLevel, months: int, kind: DueKind) -> None:
    """Active and sufficient support are support visits (tukikäynti); light support is a contact."""
    last = date(2026, 3, 10)
    f = facts(Phase.MAINTENANCE, maintenance_level=level, last_meeting_on=last)
    assert_edges(f, kind, add_months(last, months))


def test_maintenance_contact_counts_from_entering_maintenance_when_the_last_meeting_is_older() -> None:
    f = facts(Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.ACTIVE, last_meeting_on=date(2025, 6, 1))
    assert_edges(f, DueKind.MAINTENANCE_VISIT, add_months(START, 1))


def test_plan_review_is_yearly_or_earlier_when_a_review_date_is_set() -> None:
    made = date(2026, 2, 1)
    assert_edges(facts(Phase.JOB_SEARCH, plan_made_on=made), DueKind.PLAN_REVIEW, date(2027, 2, 1))
    early = facts(Phase.JOB_SEARCH, plan_made_on=made, plan_review_on=date(2026, 8, 1))
    assert_edges(early, DueKind.PLAN_REVIEW, date(2026, 8, 1))
    late = facts(Phase.JOB_SEARCH, plan_made_on=made, plan_review_on=date(2027, 6, 1))
    assert_edges(late, DueKind.PLAN_REVIEW, date(2027, 2, 1))


def test_consent_expiring_then_expired() -> None:
    until = date(2026, 6, 30)
    assert_edges(facts(Phase.JOB_SEARCH, consent_valid_until=until), DueKind.CONSENT_RENEWAL, until)


def test_consent_until_the_service_ends_or_withdrawn_is_not_listed() -> None:
    assert state(facts(Phase.JOB_SEARCH), DueKind.CONSENT_RENEWAL, date(2030, 1, 1)) == "none"
    withdrawn = facts(Phase.JOB_SEARCH, consent_valid_until=date(2026, 6, 30), consent_withdrawn=True)
    assert state(withdrawn, DueKind.CONSENT_RENEWAL, date(2026, 6, 30)) == "none"


def test_pay_subsidy_renewal_while_the_job_goes_on() -> None:
    renewal = date(2026, 9, 15)
    job = JobFacts(kind=EmploymentKind.EMPLOYMENT, start_on=START, pay_subsidy_until=renewal)
    f = facts(Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.LIGHT, last_meeting_on=renewal, jobs=(job,))
    assert_edges(f, DueKind.PAY_SUBSIDY_RENEWAL, renewal)
    ended = JobFacts(kind=EmploymentKind.EMPLOYMENT, start_on=START, end_on=date(2026, 9, 1), pay_subsidy_until=renewal)
    f = facts(Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.LIGHT, jobs=(ended,))
    assert state(f, DueKind.PAY_SUBSIDY_RENEWAL, renewal) == "none"


def test_pay_subsidy_renewal_is_listed_as_early_as_the_organisation_sets() -> None:
    """A continuation is applied for before the decision ends and takes weeks: 60 days unless set otherwise."""
    renewal = date(2026, 9, 15)
    job = JobFacts(kind=EmploymentKind.EMPLOYMENT, start_on=START, pay_subsidy_until=renewal)
    f = facts(Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.LIGHT, last_meeting_on=renewal, jobs=(job,))
    assert state(f, DueKind.PAY_SUBSIDY_RENEWAL, renewal - timedelta(days=60)) == "due"
    assert state(f, DueKind.PAY_SUBSIDY_RENEWAL, renewal - timedelta(days=61)) == "none"
    assert_edges(f, DueKind.PAY_SUBSIDY_RENEWAL, renewal, ServiceTerms(pay_subsidy_lead_days=45))


def test_work_trial_end_is_listed_until_the_next_move_is_recorded() -> None:
    end = date(2026, 4, 1)
    trial = JobFacts(kind=EmploymentKind.WORK_TRIAL, start_on=START, end_on=end)
    f = facts(Phase.SUPPORT, jobs=(trial,))
    assert_edges(f, DueKind.WORK_TRIAL_END, end)
    assert state(f, DueKind.WORK_TRIAL_END, date(2026, 6, 1)) == "overdue"
    moved_on = facts(Phase.SUPPORT, phase_since=date(2026, 4, 2), jobs=(trial,))
    assert state(moved_on, DueKind.WORK_TRIAL_END, date(2026, 4, 2)) == "none"
    employment = JobFacts(kind=EmploymentKind.EMPLOYMENT, start_on=START, end_on=end)
    assert state(facts(Phase.SUPPORT, jobs=(employment,)), DueKind.WORK_TRIAL_END, end) == "none"


def test_job_search_without_employer_contact_for_thirty_days() -> None:
    last = date(2026, 3, 1)
    f = facts(Phase.JOB_SEARCH, last_employer_contact_on=last, **MET)
    assert_edges(f, DueKind.EMPLOYER_CONTACT, last + timedelta(days=30))
    since_search = facts(Phase.JOB_SEARCH, started_on=date(2025, 10, 1), **MET)
    assert_edges(since_search, DueKind.EMPLOYER_CONTACT, START + timedelta(days=30))


def test_first_face_to_face_employer_contact_is_counted_from_entry() -> None:
    """IPS-25 item 15: 30 days from entering the service, not from entering job search (probe: 300 days in
    the service, job search since yesterday, gave nothing)."""
    entered = date(2025, 4, 6)
    f = facts(Phase.JOB_SEARCH, phase_since=date(2026, 1, 30), started_on=entered)
    assert state(f, DueKind.FIRST_EMPLOYER_CONTACT, date(2026, 1, 31)) == "overdue"
    assert_edges(facts(Phase.MAPPING, started_on=START), DueKind.FIRST_EMPLOYER_CONTACT, START + timedelta(days=30))
    assert_edges(facts(Phase.INTAKE, started_on=START), DueKind.FIRST_EMPLOYER_CONTACT, START + timedelta(days=30))
    # The search-stalled reminder waits while the first contact is the open question (one line, not two).
    assert state(f, DueKind.EMPLOYER_CONTACT, date(2026, 6, 1)) == "none"


def test_only_a_face_to_face_contact_meets_the_first_contact_rule() -> None:
    """An e-mail application or a call is an employer contact, but not the face-to-face one IPS asks for."""
    emailed = facts(Phase.JOB_SEARCH, last_employer_contact_on=START + timedelta(days=5))
    assert state(emailed, DueKind.FIRST_EMPLOYER_CONTACT, START + timedelta(days=31)) == "overdue"
    met = facts(Phase.JOB_SEARCH, face_to_face_contact_on=START + timedelta(days=40))
    assert state(met, DueKind.FIRST_EMPLOYER_CONTACT, START + timedelta(days=41)) == "none"
    working = facts(Phase.JOB_SEARCH, jobs=(JobFacts(kind=EmploymentKind.EMPLOYMENT, start_on=START),))
    assert state(working, DueKind.FIRST_EMPLOYER_CONTACT, START + timedelta(days=31)) == "none"
    assert state(facts(Phase.SUPPORT), DueKind.FIRST_EMPLOYER_CONTACT, START + timedelta(days=31)) == "none"


def test_intake_without_a_booked_meeting() -> None:
    f = facts(Phase.INTAKE)
    assert state(f, DueKind.NEXT_MEETING, START) == "due"
    assert state(f, DueKind.NEXT_MEETING, START + timedelta(days=14)) == "due"
    assert state(f, DueKind.NEXT_MEETING, START + timedelta(days=15)) == "overdue"
    booked = facts(Phase.INTAKE, upcoming_meeting_on=START + timedelta(days=3))
    assert state(booked, DueKind.NEXT_MEETING, START) == "none"
    agreed = facts(Phase.INTAKE, last_meeting_on=START, agreed_meeting_on=START + timedelta(days=7))
    assert state(agreed, DueKind.NEXT_MEETING, START + timedelta(days=7)) == "none"
    assert state(agreed, DueKind.NEXT_MEETING, START + timedelta(days=8)) == "due"


def test_an_intake_open_for_sixty_days_needs_a_decision() -> None:
    """Probe: 537 days in intake with a meeting booked gave nothing."""
    f = facts(Phase.INTAKE, upcoming_meeting_on=date(2027, 1, 1))
    assert_edges(f, DueKind.INTAKE_OPEN, START + timedelta(days=60))


@pytest.mark.parametrize("phase", [Phase.MAPPING, Phase.JOB_SEARCH])
def test_mapping_and_job_search_meet_at_least_monthly(phase: Phase) -> None:
    """Probe: mapping with the last meeting 120 days ago gave nothing."""
    last = date(2026, 3, 2)
    f = facts(phase, last_meeting_on=last, **MET)
    assert_edges(f, DueKind.MEETING_RHYTHM, last + timedelta(days=30))
    never = facts(phase, **MET)
    assert_edges(never, DueKind.MEETING_RHYTHM, START + timedelta(days=30))


def test_the_plans_meeting_interval_sets_the_rhythm() -> None:
    last = date(2026, 3, 2)
    f = facts(Phase.JOB_SEARCH, last_meeting_on=last, plan_made_on=START, plan_interval_days=14, **MET)
    assert_edges(f, DueKind.MEETING_RHYTHM, last + timedelta(days=14))


def test_a_meeting_booked_before_the_rhythm_is_due_keeps_it_off_the_list() -> None:
    last = date(2026, 3, 2)
    on_time = facts(Phase.MAPPING, last_meeting_on=last, upcoming_meeting_on=last + timedelta(days=30), **MET)
    assert state(on_time, DueKind.MEETING_RHYTHM, last + timedelta(days=29)) == "none"
    late = facts(Phase.MAPPING, last_meeting_on=last, upcoming_meeting_on=last + timedelta(days=45), **MET)
    assert state(late, DueKind.MEETING_RHYTHM, last + timedelta(days=29)) == "due"


def test_a_workplace_visit_every_week_in_the_first_month_of_a_job() -> None:
    """IPS-25 item 23 and the induction (alkuvalmennus) visits; probe: support, job started 20 days ago, no
    visit: nothing."""
    start = date(2026, 3, 2)
    job = JobFacts(kind=EmploymentKind.EMPLOYMENT, start_on=start)
    f = facts(Phase.SUPPORT, phase_since=start, jobs=(job,))
    assert_edges(f, DueKind.WORKPLACE_VISIT, start + timedelta(days=7))
    visited = facts(Phase.SUPPORT, phase_since=start, jobs=(job,), last_workplace_visit_on=start + timedelta(days=20))
    assert_edges(visited, DueKind.WORKPLACE_VISIT, start + timedelta(days=27))
    late_in_month = facts(Phase.SUPPORT, phase_since=start, jobs=(job,), last_workplace_visit_on=date(2026, 3, 27))
    assert state(late_in_month, DueKind.WORKPLACE_VISIT, date(2026, 4, 5)) == "none"  # the month ended on 2.4.


def test_a_job_that_ends_needs_a_contact_within_three_days() -> None:
    """IPS-25 item 23. Probe: light maintenance, a job ended 90 days ago: nothing due."""
    end = date(2026, 5, 15)
    job = JobFacts(kind=EmploymentKind.EMPLOYMENT, start_on=START, end_on=end)
    f = facts(
        Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.LIGHT, last_meeting_on=end - timedelta(1), jobs=(job,)
    )
    assert_edges(f, DueKind.JOB_ENDED_CONTACT, end + timedelta(days=3))
    assert state(f, DueKind.JOB_ENDED_CONTACT, end + timedelta(days=90)) == "overdue"
    contacted = facts(Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.LIGHT, last_meeting_on=end, jobs=(job,))
    assert state(contacted, DueKind.JOB_ENDED_CONTACT, end + timedelta(days=3)) == "none"
    trial = JobFacts(kind=EmploymentKind.WORK_TRIAL, start_on=START, end_on=end)
    assert state(facts(Phase.SUPPORT, jobs=(trial,)), DueKind.JOB_ENDED_CONTACT, end) == "due"


def test_the_plans_open_steps_are_due_on_their_deadlines() -> None:
    step = date(2026, 4, 20)
    f = facts(Phase.MAPPING, plan_made_on=START, plan_steps_due=(step, step, date(2026, 6, 1)), **MET)
    assert_edges(f, DueKind.PLAN_STEP, step)


def test_kykyviisari_is_repeated_every_six_months() -> None:
    done = date(2026, 2, 10)
    f = facts(Phase.JOB_SEARCH, kykyviisari_on=done, **MET)
    assert_edges(f, DueKind.KYKYVIISARI_REPEAT, add_months(done, 6))


def test_what_the_client_waits_for_is_checked_when_it_is_expected() -> None:
    expected = date(2026, 4, 15)
    f = facts(Phase.MAPPING, waiting_until=(expected,), **MET)
    assert_edges(f, DueKind.WAITING, expected)


def test_closed_clients_have_nothing_due() -> None:
    f = facts(Phase.CLOSED, plan_made_on=date(2020, 1, 1), consent_valid_until=date(2021, 1, 1))
    assert due_items(f, date(2026, 1, 1)) == []


def test_items_come_most_urgent_first() -> None:
    f = facts(Phase.JOB_SEARCH, plan_made_on=date(2025, 1, 1), consent_valid_until=date(2026, 3, 1), **MET)
    items = due_items(f, date(2026, 3, 1))
    assert [i.due_on for i in items] == sorted(i.due_on for i in items)
    assert {i.kind for i in items} == {
        DueKind.PLAN_REVIEW,
        DueKind.CONSENT_RENEWAL,
        DueKind.EMPLOYER_CONTACT,
        DueKind.MEETING_RHYTHM,
    }
