"""What the records themselves refuse: facts that contradict each other inside one record."""

from __future__ import annotations

from datetime import date

import pytest

from tyokykyapp.domain import (
    Closure,
    ClosureDestination,
    ClosureReason,
    ContactPurpose,
    EmployerContact,
    Employment,
    EmploymentKind,
    Episode,
    KykyviisariResult,
    Meeting,
    MeetingMode,
    PlaceType,
    PlanRelation,
    Record,
    TrialReason,
    ValidationError,
    Waiting,
    WaitingFor,
    validate,
)
from tyokykyapp.domain.enums import DecisionBasis, Sector
from tyokykyapp.i18n import set_language

D = date(2026, 3, 2)


def refused(record: Record, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate(record)
    assert caught.value.field == field


def test_no_pay_subsidy_on_a_work_trial() -> None:
    """Probe: a work trial with pay subsidy was saved; a trial is not employment."""
    refused(Employment(client_id="c", start_on=D, kind=EmploymentKind.WORK_TRIAL, pay_subsidy=True), "pay_subsidy")
    validate(Employment(client_id="c", start_on=D, pay_subsidy=True, pay_subsidy_until=date(2027, 3, 1)))


def test_pay_subsidy_details_need_the_subsidy_and_a_sane_period() -> None:
    refused(Employment(client_id="c", start_on=D, pay_subsidy_percent=70), "pay_subsidy")
    refused(
        Employment(client_id="c", start_on=D, pay_subsidy=True, pay_subsidy_from=D, pay_subsidy_until=date(2026, 1, 1)),
        "pay_subsidy_until",
    )
    refused(Employment(client_id="c", start_on=D, pay_subsidy=True, pay_subsidy_percent=120), "pay_subsidy_percent")


def test_a_trials_reason_belongs_to_a_trial_and_an_end_reason_to_an_end() -> None:
    refused(Employment(client_id="c", start_on=D, trial_reason=TrialReason.LONG_GAP), "trial_reason")
    validate(Employment(client_id="c", start_on=D, kind=EmploymentKind.WORK_TRIAL, trial_reason=TrialReason.LONG_GAP))
    from tyokykyapp.domain import JobEndReason

    refused(Employment(client_id="c", start_on=D, end_reason=JobEndReason.QUIT), "end_on")


def test_a_call_has_no_place() -> None:
    refused(Meeting(client_id="c", on=D, mode=MeetingMode.PHONE, place_type=PlaceType.OFFICE), "place_type")
    phone = Meeting(client_id="c", on=D, mode=MeetingMode.PHONE)
    validate(phone)
    set_language("fi")
    assert phone.where == "Puhelin"
    assert Meeting(client_id="c", on=D, place_type=PlaceType.LIBRARY).where == "Kirjasto"


def test_a_closure_does_not_contradict_itself_about_a_death() -> None:
    refused(
        Closure(client_id="c", closed_on=D, reason=ClosureReason.DIED, destination=ClosureDestination.STUDIES),
        "destination",
    )
    refused(
        Closure(client_id="c", closed_on=D, reason=ClosureReason.HEALTH, destination=ClosureDestination.DIED),
        "destination",
    )
    validate(Closure(client_id="c", closed_on=D, reason=ClosureReason.DIED, destination=ClosureDestination.DIED))


def test_a_contact_on_behalf_of_a_client_names_the_client() -> None:
    refused(EmployerContact(employer_id="e", on=D, contact_purpose=ContactPurpose.FOR_CLIENT), "contact_purpose")
    validate(EmployerContact(employer_id="e", on=D, contact_purpose=ContactPurpose.JOB_DEVELOPMENT))
    validate(EmployerContact(employer_id="e", on=D))


def test_waiting_and_a_service_decision_are_dated_sensibly() -> None:
    refused(Waiting(client_id="c", what=WaitingFor.KELA_DECISION, since=D, expected_on=date(2026, 1, 1)), "expected_on")
    refused(Episode(client_id="c", started_on=D, service_decision_on=D), "service_decision_basis")
    validate(
        Episode(
            client_id="c", started_on=D, service_decision_on=D, service_decision_basis=DecisionBasis.SOCIAL_WELFARE_ACT
        )
    )


def test_kykyviisari_change_since_the_first_result() -> None:
    first = KykyviisariResult(client_id="c", done_on=date(2025, 9, 1), work_ability=4, skills=6)
    latest = KykyviisariResult(client_id="c", done_on=D, work_ability=7, skills=5, everyday_life=8)
    assert latest.change_since(first) == [("Self-rated work ability (0–10)", 4, 7), ("Skills (0–10)", 6, 5)]


def test_finnish_and_swedish_terms_of_the_reports() -> None:
    set_language("fi")
    assert EmploymentKind.GIG.label == "Jobcenter-mallin täsmätyö tai alihankintatyö"
    assert ClosureReason.SERVICE_ENDED.label == "Hanke tai pilotti päättyi"
    assert PlanRelation.RECORDED_IN.label.startswith("Sisältö kirjattu")
    assert Sector.ADMINISTRATIVE_AND_SUPPORT.label == "N Hallinto- ja tukipalvelutoiminta"
    set_language("sv")
    assert Sector.ACCOMMODATION_AND_FOOD.label == "I Hotell- och restaurangverksamhet"
