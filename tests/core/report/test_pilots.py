"""Caseloads built to match the published pilots' figures (../shared/domain/process.md) reproduce them exactly."""

from __future__ import annotations

from datetime import date, timedelta

from tests.helpers.caseload import Caseload
from tyokykyapp.domain import ClosureDestination, ClosureReason, EmploymentKind, Phase, ReferralSource
from tyokykyapp.report import tally_vault
from tyokykyapp.report.figures import build_report, number
from tyokykyapp.report.period import Period
from tyokykyapp.vault import Vault

OTHER_SOURCES = (
    ReferralSource.WORK_ABILITY_COORDINATOR,
    ReferralSource.WORK_ABILITY_ASSESSMENT,
    ReferralSource.PSYCHOSIS_SERVICES,
    ReferralSource.EMPLOYMENT_SERVICES,
    ReferralSource.SOCIAL_REHABILITATION,
    ReferralSource.DISABILITY_SOCIAL_WORK,
)


def test_helsinki_pilot(vault: Vault) -> None:
    """42 clients (25 from rehabilitative work activity), first starts March 2021, last June 2022, results to
    30.11.2022: 79 % employed or in a work trial, 30 employment relationships for 27 people, 13 wanted support at
    recruitment or induction, 5 were supported at the workplace later."""
    c = Caseload(vault)
    first = date(2021, 3, 1)
    for n in range(42):
        entered = first + timedelta(days=11 * n)  # the last on 14.6.2022
        source = ReferralSource.WORK_ACTIVITY if n < 25 else OTHER_SOURCES[n % len(OTHER_SOURCES)]
        person = c.person(entered, (entered + timedelta(days=20), Phase.MAPPING), referral=source)
        start = entered + timedelta(days=60)
        if n < 27:
            c.job(
                person,
                start,
                start + timedelta(days=90) if n < 3 else None,
                employer_support_recruitment=n < 8,
                employer_support_induction=8 <= n < 13,
                employer_support_after_induction=n < 5,
            )
            if n < 3:  # three of them found a second job
                c.job(person, start + timedelta(days=120))
        elif n < 33:
            c.job(person, start, start + timedelta(days=60), EmploymentKind.WORK_TRIAL)
    report = build_report(tally_vault(vault, Period(date(2021, 3, 1), date(2022, 11, 30))))
    doc = report.to_json()
    assert doc["clients"]["served"] == 42 and doc["clients"]["new"] == 42
    assert doc["clients"]["by_referral"]["rehabilitative_work_activity"] == 25
    outcomes = doc["outcomes"]
    assert outcomes["employment_episodes"] == 30 and outcomes["employed_people"] == 27
    assert outcomes["work_trial_only_people"] == 6 and outcomes["employed_or_trial_people"] == 33
    assert number(report.table("outcomes").rows[2][2]) == "79%"
    assert round(outcomes["employed_or_trial_rate"] * 100) == 79
    support = doc["support"]
    assert support["employer_support_recruitment_or_induction_people"] == 13
    assert support["employer_support_after_induction_people"] == 5


def test_vaasa_pilot(vault: Vault) -> None:
    """18 coaching clients, 7 employed; of the rest 1 back to rehabilitative work activity, 1 resumed studies,
    1 work trial, 1 long sick leave and Kela rehabilitation, 5 discontinued (health, other service, not reached,
    death, own decision), the rest still open."""
    c = Caseload(vault)
    entered = date(2021, 8, 16)
    end = date(2023, 5, 31)

    def closed(reason: ClosureReason, destination: ClosureDestination) -> str:
        return c.person(entered, closed=(date(2023, 3, 1), reason, destination))

    for _ in range(4):
        c.job(closed(ClosureReason.EMPLOYED, ClosureDestination.EMPLOYED), date(2022, 6, 1))
    for _ in range(3):  # employed and still supported
        working = c.person(entered, (date(2022, 1, 1), Phase.JOB_SEARCH), (date(2022, 9, 1), Phase.SUPPORT))
        c.job(working, date(2022, 9, 1))
    closed(ClosureReason.OTHER_SERVICE, ClosureDestination.WORK_ACTIVITY)
    closed(ClosureReason.STUDIES, ClosureDestination.STUDIES)
    closed(ClosureReason.SERVICE_ENDED, ClosureDestination.WORK_TRIAL)
    closed(ClosureReason.HEALTH, ClosureDestination.KELA_REHABILITATION)
    closed(ClosureReason.HEALTH, ClosureDestination.DROPPED_OUT_HEALTH)
    closed(ClosureReason.OTHER_SERVICE, ClosureDestination.OTHER_SERVICE)
    closed(ClosureReason.NOT_REACHED, ClosureDestination.DROPPED_OUT_NOT_REACHED)
    closed(ClosureReason.DIED, ClosureDestination.DIED)
    closed(ClosureReason.OWN_DECISION, ClosureDestination.DROPPED_OUT_OWN_DECISION)
    for _ in range(2):
        c.person(entered, (date(2022, 1, 1), Phase.JOB_SEARCH))
    doc = build_report(tally_vault(vault, Period(entered, end))).to_json()
    assert doc["clients"]["served"] == 18 and doc["outcomes"]["employed_people"] == 7
    status = doc["status_at_end"]
    assert status["closed_employed"] + status["open_employed"] == 7
    assert status == {
        "closed_employed": 4,
        "open_employed": 3,
        "closed_work_activity": 1,
        "closed_studies": 1,
        "closed_work_trial": 1,
        "closed_kela_rehabilitation": 1,
        "closed_dropped_out_health": 1,
        "closed_other_service": 1,
        "closed_dropped_out_not_reached": 1,
        "closed_died": 1,
        "closed_dropped_out_own_decision": 1,
        "open_job_search": 2,
    }
