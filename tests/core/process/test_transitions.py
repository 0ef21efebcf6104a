from datetime import date

import pytest

from tests.helpers.factories import agreement, file_in, job, profile, signed_consent
from tyokykyapp.domain import (
    Closure,
    ClosureDestination,
    ClosureReason,
    ConsentMethod,
    EmploymentKind,
    MaintenanceLevel,
    Meeting,
    MeetingKind,
    Phase,
    SupportPlan,
)
from tyokykyapp.process import ALLOWED_MOVES, Move, TransitionRefused, check_level_change, check_move
from tyokykyapp.process.transitions import move_notices

D = date(2026, 3, 1)


def move(to: Phase, **values: object) -> Move:
    return Move(to=to, on=values.pop("on", D), **values)  # type: ignore[arg-type]


def refused(file: object, m: Move) -> TransitionRefused:
    with pytest.raises(TransitionRefused) as caught:
        check_move(file, m)  # type: ignore[arg-type]
    return caught.value


# --- the table of moves --------------------------------------------------------------------------

ALL_PAIRS = [(a, b) for a in Phase for b in Phase]


@pytest.mark.parametrize(("current", "target"), [p for p in ALL_PAIRS if p[1] not in ALLOWED_MOVES[p[0]]])
def test_moves_outside_the_table_are_refused_and_name_the_possible_ones(current: Phase, target: Phase) -> None:
    error = refused(file_in(current), move(target))
    if current is target:
        assert "already" in str(error)
    else:
        assert "Possible next phases" in str(error)


def test_the_table_matches_the_process() -> None:
    assert ALLOWED_MOVES[Phase.INTAKE] == {Phase.MAPPING, Phase.CLOSED}
    assert ALLOWED_MOVES[Phase.MAPPING] == {Phase.JOB_SEARCH, Phase.CLOSED}
    assert ALLOWED_MOVES[Phase.JOB_SEARCH] == {Phase.SUPPORT, Phase.MAPPING, Phase.CLOSED}
    assert ALLOWED_MOVES[Phase.SUPPORT] == {Phase.MAINTENANCE, Phase.JOB_SEARCH, Phase.CLOSED}
    assert ALLOWED_MOVES[Phase.MAINTENANCE] == {Phase.SUPPORT, Phase.JOB_SEARCH, Phase.CLOSED}
    assert ALLOWED_MOVES[Phase.CLOSED] == {Phase.INTAKE}
    assert all(Phase.CLOSED in targets for phase, targets in ALLOWED_MOVES.items() if phase is not Phase.CLOSED)


# --- intake -> mapping ---------------------------------------------------------------------------


def test_mapping_needs_signed_agreement_and_written_consent() -> None:
    f = file_in(Phase.INTAKE)
    error = refused(f, move(Phase.MAPPING))
    assert error.missing == ["a signed job-coaching agreement", "a written consent in force"]
    f.agreements.append(agreement(f.client.id, D))
    f.consents.append(signed_consent(f.client.id, D))
    check_move(f, move(Phase.MAPPING))


def test_oral_expired_withdrawn_or_future_consent_does_not_count() -> None:
    f = file_in(Phase.INTAKE)
    f.agreements.append(agreement(f.client.id, D))
    for consent in (
        signed_consent(f.client.id, D, method=ConsentMethod.ORAL),
        signed_consent(f.client.id, date(2025, 1, 1), valid_until=date(2026, 2, 28)),
        signed_consent(f.client.id, date(2025, 1, 1), withdrawn_on=D),
        signed_consent(f.client.id, date(2026, 3, 2)),
    ):
        f.consents = [consent]
        assert refused(f, move(Phase.MAPPING)).missing == ["a written consent in force"]
    f.consents = [signed_consent(f.client.id, date(2025, 1, 1), valid_until=D)]  # last valid day
    check_move(f, move(Phase.MAPPING))


def test_agreement_signed_after_the_move_date_does_not_count() -> None:
    f = file_in(Phase.INTAKE, consents=[])
    f.consents.append(signed_consent(f.client.id, D))
    f.agreements.append(agreement(f.client.id, date(2026, 3, 2)))
    assert refused(f, move(Phase.MAPPING)).missing == ["a signed job-coaching agreement"]


# --- mapping -> job search -> support -------------------------------------------------------------


def test_job_search_needs_a_vocational_profile() -> None:
    f = file_in(Phase.MAPPING)
    assert refused(f, move(Phase.JOB_SEARCH)).missing == ["a vocational profile"]
    f.vocational_profiles.append(profile(f.client.id, D))
    check_move(f, move(Phase.JOB_SEARCH))


def test_support_needs_a_job_or_work_trial_that_has_started() -> None:
    f = file_in(Phase.JOB_SEARCH)
    error = refused(f, move(Phase.SUPPORT))
    assert "support needs: an employment or a work trial that has started" in str(error).lower()
    f.employments.append(job(f.client.id, date(2026, 3, 2)))  # starts tomorrow
    refused(f, move(Phase.SUPPORT))
    f.employments = [job(f.client.id, date(2026, 1, 1), kind=EmploymentKind.EDUCATION)]  # not a job
    refused(f, move(Phase.SUPPORT))
    f.employments = [job(f.client.id, D, kind=EmploymentKind.WORK_TRIAL)]
    check_move(f, move(Phase.SUPPORT))


def test_a_job_that_ended_before_the_move_does_not_start_support() -> None:
    f = file_in(Phase.JOB_SEARCH)
    f.employments.append(job(f.client.id, date(2026, 1, 1), date(2026, 2, 28)))
    refused(f, move(Phase.SUPPORT))


# --- support -> maintenance, levels ---------------------------------------------------------------


def test_maintenance_needs_a_level_and_a_job_still_going_on() -> None:
    f = file_in(Phase.SUPPORT)
    error = refused(f, move(Phase.MAINTENANCE))
    assert len(error.missing) == 2
    f.employments.append(job(f.client.id, date(2026, 1, 1)))
    assert len(refused(f, move(Phase.MAINTENANCE)).missing) == 1
    check_move(f, move(Phase.MAINTENANCE, level=MaintenanceLevel.ACTIVE))


def test_level_changes_only_in_maintenance_and_to_a_different_level() -> None:
    f = file_in(Phase.MAINTENANCE)
    f.client.maintenance_level = MaintenanceLevel.ACTIVE
    check_level_change(f, MaintenanceLevel.LIGHT, D)
    with pytest.raises(TransitionRefused, match="already has"):
        check_level_change(f, MaintenanceLevel.ACTIVE, D)
    with pytest.raises(TransitionRefused, match="before"):
        check_level_change(f, MaintenanceLevel.LIGHT, date(2025, 12, 31))
    with pytest.raises(TransitionRefused, match="Only a client in maintenance"):
        check_level_change(file_in(Phase.SUPPORT), MaintenanceLevel.LIGHT, D)


# --- back to job search, back to mapping, closing, re-opening -----------------------------------


@pytest.mark.parametrize("current", [Phase.SUPPORT, Phase.MAINTENANCE])
def test_job_search_while_working_for_a_second_or_better_job(current: Phase) -> None:
    """IPS supports a search while working (probe: refused until the job had an end date)."""
    f = file_in(current)
    f.employments.append(job(f.client.id, date(2026, 1, 1)))
    check_move(f, move(Phase.JOB_SEARCH))
    assert move_notices(f, move(Phase.JOB_SEARCH)) == ["The job goes on: the search is for a second or a better job."]
    f.employments[0].end_on = D  # ended today: nothing to point out
    assert move_notices(f, move(Phase.JOB_SEARCH)) == []


def test_maintenance_without_a_support_plan_or_a_workplace_visit_is_pointed_out() -> None:
    """Maintenance begins when induction is over (probe: allowed on the job's first day, nothing said)."""
    f = file_in(Phase.SUPPORT)
    f.employments.append(job(f.client.id, D))
    to_maintenance = move(Phase.MAINTENANCE, level=MaintenanceLevel.ACTIVE)
    check_move(f, to_maintenance)
    assert move_notices(f, to_maintenance) == [
        "There is no job support plan yet.",
        "No support visit at the workplace is recorded for this job.",
    ]
    f.support_plans.append(SupportPlan(client_id=f.client.id, made_on=D))
    f.meetings.append(Meeting(client_id=f.client.id, on=D, kind=MeetingKind.WORKPLACE_VISIT))
    assert move_notices(f, to_maintenance) == []


def test_moving_back_needs_a_reason() -> None:
    f = file_in(Phase.JOB_SEARCH)
    assert refused(f, move(Phase.MAPPING)).missing == ["a reason for moving back"]
    check_move(f, move(Phase.MAPPING, reason="Terveystilanne muuttui"))
    m = file_in(Phase.MAINTENANCE)
    m.employments.append(job(m.client.id, date(2026, 1, 1)))
    assert refused(m, move(Phase.SUPPORT)).missing == ["a reason for moving back"]
    check_move(m, move(Phase.SUPPORT, reason="uudet työtehtävät"))


@pytest.mark.parametrize("current", [p for p in Phase if p is not Phase.CLOSED])
def test_closing_from_any_phase_needs_a_reason_and_where_the_client_went(current: Phase) -> None:
    f = file_in(current)
    assert refused(f, move(Phase.CLOSED)).missing == ["a reason for ending the service", "where the client went"]
    check_move(f, move(Phase.CLOSED, closure_reason=ClosureReason.STUDIES, destination=ClosureDestination.STUDIES))


@pytest.mark.parametrize(
    ("reason", "destination"),
    [(ClosureReason.EMPLOYED, ClosureDestination.EMPLOYED), (ClosureReason.SERVICE_ENDED, ClosureDestination.EMPLOYED)],
)
def test_closed_as_employed_needs_an_employment_on_record(
    reason: ClosureReason, destination: ClosureDestination
) -> None:
    """Probe: "employed" was accepted with no job at all; the demo had such a client."""
    f = file_in(Phase.MAINTENANCE, since=date(2025, 6, 1))
    f.client.started_on = date(2025, 1, 1)
    closing = move(Phase.CLOSED, closure_reason=reason, destination=destination)
    assert refused(f, closing).missing == ["an employment on record (the client is closed as employed)"]
    f.employments.append(job(f.client.id, date(2025, 5, 1), kind=EmploymentKind.WORK_TRIAL))
    refused(f, closing)  # a work trial is not employment
    f.employments.append(job(f.client.id, date(2024, 1, 1), date(2024, 12, 31)))
    refused(f, closing)  # a job of an earlier episode
    f.employments.append(job(f.client.id, date(2025, 6, 1)))
    check_move(f, closing)


def test_reopening_goes_to_intake() -> None:
    check_move(file_in(Phase.CLOSED), move(Phase.INTAKE))


def test_a_consent_until_the_service_ends_ends_at_closure() -> None:
    """Probe: a consent "valid until the service ends" was still in force two years after the closure."""
    f = file_in(Phase.CLOSED, since=date(2023, 5, 1))
    f.client.started_on = date(2022, 1, 1)
    f.consents.append(signed_consent(f.client.id, date(2022, 1, 3)))
    assert f.consent_in_force(date(2023, 5, 1)) is not None  # the closing day itself
    assert f.consent_in_force(date(2023, 5, 2)) is None


def test_reopening_needs_a_new_agreement_and_consent() -> None:
    """Probe: a client re-opened in 2025 moved on to mapping on the agreement and consent of 2022."""
    f = file_in(Phase.INTAKE, since=date(2025, 1, 1))
    f.client.started_on = date(2025, 1, 1)
    f.closures.append(Closure(client_id=f.client.id, closed_on=date(2023, 5, 1), reason=ClosureReason.HEALTH))
    f.agreements.append(agreement(f.client.id, date(2022, 1, 3)))
    f.consents.append(signed_consent(f.client.id, date(2022, 1, 3), valid_until=date(2027, 1, 1)))
    assert refused(f, move(Phase.MAPPING, on=date(2025, 1, 2))).missing == [
        "a signed job-coaching agreement",
        "a written consent in force",
    ]
    # Signed at the referral, before the re-entry but after the closure: they count.
    f.agreements.append(agreement(f.client.id, date(2024, 12, 20)))
    f.consents.append(signed_consent(f.client.id, date(2024, 12, 20)))
    check_move(f, move(Phase.MAPPING, on=date(2025, 1, 2)))


def test_a_move_cannot_be_dated_before_the_current_phase_began() -> None:
    f = file_in(Phase.INTAKE, since=date(2026, 3, 2))
    with pytest.raises(TransitionRefused, match="before the client entered"):
        check_move(
            f, move(Phase.CLOSED, closure_reason=ClosureReason.MOVED, destination=ClosureDestination.OTHER_SERVICE)
        )
    assert "2.3.2026" in str(refused(f, move(Phase.CLOSED, closure_reason=ClosureReason.MOVED)))


def test_a_move_cannot_be_dated_after_today() -> None:
    f = file_in(Phase.INTAKE, since=date(2026, 3, 2))
    with pytest.raises(TransitionRefused, match=r"after today \(5\.3\.2026\)"):
        check_move(f, move(Phase.CLOSED, on=date(2027, 6, 1), closure_reason=ClosureReason.MOVED), date(2026, 3, 5))
    closing = move(
        Phase.CLOSED,
        on=date(2026, 3, 5),
        closure_reason=ClosureReason.MOVED,
        destination=ClosureDestination.OTHER_SERVICE,
    )
    check_move(f, closing, date(2026, 3, 5))
    m = file_in(Phase.MAINTENANCE, since=date(2026, 3, 2))
    m.client.maintenance_level = MaintenanceLevel.ACTIVE
    with pytest.raises(TransitionRefused, match="after today"):
        check_level_change(m, MaintenanceLevel.LIGHT, date(2026, 3, 6), date(2026, 3, 5))
