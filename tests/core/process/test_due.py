"""Every due rule at its edge dates: the day before it is listed, the first day listed, the due day (not
yet overdue) and the day after (overdue)."""

from datetime import date, timedelta

import pytest

from tyokykyapp.domain import EmploymentKind, MaintenanceLevel, Phase
from tyokykyapp.process import DueFacts, DueKind, JobFacts, due_items
from tyokykyapp.process.calendar import add_months
from tyokykyapp.process.due import LEAD_DAYS

START = date(2026, 1, 31)


def facts(phase: Phase, **values: object) -> DueFacts:
    return DueFacts(client_id="c", phase=phase, phase_since=values.pop("phase_since", START), **values)  # type: ignore[arg-type]


def state(f: DueFacts, kind: DueKind, today: date) -> str:
    """'none', 'due' or 'overdue' for `kind` on `today`."""
    found = [i for i in due_items(f, today) if i.kind is kind]
    assert len(found) <= 1
    return "none" if not found else ("overdue" if found[0].overdue else "due")


def assert_edges(f: DueFacts, kind: DueKind, due_on: date) -> None:
    lead = timedelta(days=LEAD_DAYS[kind])
    one = timedelta(days=1)
    assert state(f, kind, due_on - lead - one) == "none"
    assert state(f, kind, due_on - lead) == "due"
    assert state(f, kind, due_on) == "due"
    assert state(f, kind, due_on + one) == "overdue"
    assert [i.due_on for i in due_items(f, due_on) if i.kind is kind] == [due_on]


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("level", "months"),
    [(MaintenanceLevel.ACTIVE, 1), (MaintenanceLevel.SUFFICIENT, 3), (MaintenanceLevel.LIGHT, 6)],
)
def test_maintenance_contact_follows_the_level(level: MaintenanceLevel, months: int) -> None:
    last = date(2026, 3, 10)
    f = facts(Phase.MAINTENANCE, maintenance_level=level, last_meeting_on=last)
    assert_edges(f, DueKind.MAINTENANCE_CONTACT, add_months(last, months))


def test_maintenance_contact_counts_from_entering_maintenance_when_the_last_meeting_is_older() -> None:
    f = facts(Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.ACTIVE, last_meeting_on=date(2025, 6, 1))
    assert_edges(f, DueKind.MAINTENANCE_CONTACT, add_months(START, 1))


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
    job = JobFacts(kind=EmploymentKind.EMPLOYMENT, start_on=START, pay_subsidy_renewal_on=renewal)
    f = facts(Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.LIGHT, last_meeting_on=renewal, jobs=(job,))
    assert_edges(f, DueKind.PAY_SUBSIDY_RENEWAL, renewal)
    ended = JobFacts(
        kind=EmploymentKind.EMPLOYMENT, start_on=START, end_on=date(2026, 9, 1), pay_subsidy_renewal_on=renewal
    )
    f = facts(Phase.MAINTENANCE, maintenance_level=MaintenanceLevel.LIGHT, jobs=(ended,))
    assert state(f, DueKind.PAY_SUBSIDY_RENEWAL, renewal) == "none"


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
    f = facts(Phase.JOB_SEARCH, last_employer_contact_on=last)
    assert_edges(f, DueKind.EMPLOYER_CONTACT, last + timedelta(days=30))
    never = facts(Phase.JOB_SEARCH)
    assert_edges(never, DueKind.EMPLOYER_CONTACT, START + timedelta(days=30))


def test_intake_without_a_booked_meeting() -> None:
    f = facts(Phase.INTAKE)
    assert state(f, DueKind.NEXT_MEETING, START) == "due"
    assert state(f, DueKind.NEXT_MEETING, START + timedelta(days=14)) == "due"
    assert state(f, DueKind.NEXT_MEETING, START + timedelta(days=15)) == "overdue"
    assert state(facts(Phase.INTAKE, next_meeting_booked=True), DueKind.NEXT_MEETING, START) == "none"


def test_closed_clients_have_nothing_due() -> None:
    f = facts(Phase.CLOSED, plan_made_on=date(2020, 1, 1), consent_valid_until=date(2021, 1, 1))
    assert due_items(f, date(2026, 1, 1)) == []


def test_items_come_most_urgent_first() -> None:
    f = facts(Phase.JOB_SEARCH, plan_made_on=date(2025, 1, 1), consent_valid_until=date(2026, 3, 1))
    items = due_items(f, date(2026, 3, 1))
    assert [i.due_on for i in items] == sorted(i.due_on for i in items)
    assert {i.kind for i in items} == {DueKind.PLAN_REVIEW, DueKind.CONSENT_RENEWAL, DueKind.EMPLOYER_CONTACT}
