"""Every row of the report's tables on small caseloads built by hand (docs/reports.md gives each rule)."""

from __future__ import annotations

from datetime import date

from tests.helpers.caseload import Caseload
from tyokykyapp.domain import (
    ClosureDestination,
    ClosureReason,
    ContactMode,
    EmploymentKind,
    MaintenanceLevel,
    MeetingMode,
    MeetingStatus,
    Phase,
    ReferralSource,
    Sector,
)
from tyokykyapp.report import tally_vault
from tyokykyapp.report.figures import build_report
from tyokykyapp.report.period import Period
from tyokykyapp.vault import Vault

H1 = Period(date(2026, 1, 1), date(2026, 6, 30))
D = date


def test_clients_served_new_open_and_closed(vault: Vault) -> None:
    c = Caseload(vault)
    c.person(D(2025, 3, 1), (D(2025, 4, 1), Phase.MAPPING), referral=ReferralSource.WORK_ACTIVITY)  # open
    c.person(D(2026, 2, 1), referral=ReferralSource.SELF)  # new, at intake
    c.person(D(2025, 1, 1), closed=(D(2026, 3, 1), ClosureReason.STUDIES, ClosureDestination.STUDIES))
    c.person(D(2024, 1, 1), closed=(D(2025, 6, 1), ClosureReason.MOVED, None))  # ended before the period
    c.person(D(2026, 7, 1))  # entered after the period
    back = c.person(D(2024, 5, 1), closed=(D(2026, 1, 15), ClosureReason.OWN_DECISION, None), again=D(2026, 4, 1))
    binned = c.person(D(2026, 1, 10))
    vault.repo.delete_client(binned)
    tally = tally_vault(vault, H1)
    counts = tally.counts
    assert counts["served"] == 4 and counts["episodes_served"] == 5
    assert counts["new"] == 2 and counts["new_episodes"] == 2
    assert counts["open_at_end"] == 3 and counts["closed_people"] == 1
    assert tally.dists["by_referral"] == {"rehabilitative_work_activity": 1, "self": 1, "unknown": 2}
    assert tally.dists["open_at_end_by_phase"] == {"mapping": 1, "intake": 2}
    assert back in {c_.id for c_ in vault.repo.clients()}


def test_open_at_the_end_by_phase_and_level_reads_the_history_not_today(vault: Vault) -> None:
    c = Caseload(vault)
    c.person(
        D(2025, 1, 1),
        (D(2025, 2, 1), Phase.MAPPING),
        (D(2025, 3, 1), Phase.JOB_SEARCH),
        (D(2025, 6, 1), Phase.SUPPORT),
        (D(2026, 5, 1), Phase.MAINTENANCE, MaintenanceLevel.ACTIVE),
        (D(2026, 9, 1), Phase.JOB_SEARCH),  # after the period
    )
    c.person(D(2025, 1, 1), (D(2026, 2, 1), Phase.MAPPING), closed=(D(2026, 8, 1), ClosureReason.MOVED, None))
    tally = tally_vault(vault, H1)
    assert tally.dists["open_at_end_by_phase"] == {"maintenance_active": 1, "mapping": 1}
    assert tally.counts["open_at_end"] == 2


def test_outcomes_per_person_and_jobs(vault: Vault) -> None:
    c = Caseload(vault)
    employed = c.person(D(2025, 1, 1))
    c.job(employed, D(2025, 6, 1), D(2026, 2, 15), sector=Sector.ACCOMMODATION_AND_FOOD)  # ended in the period
    c.job(employed, D(2026, 3, 1), pay_subsidy=True, sector=Sector.HEALTH_AND_SOCIAL_WORK)  # going on
    trial = c.person(D(2025, 1, 1))
    c.job(trial, D(2026, 1, 10), D(2026, 3, 10), EmploymentKind.WORK_TRIAL)
    old_job = c.person(D(2025, 1, 1))
    c.job(old_job, D(2025, 2, 1), D(2025, 12, 31))  # ended before the period
    before_entry = c.person(D(2025, 5, 1))
    c.job(before_entry, D(2020, 1, 1))  # begun before the service: not an outcome of it
    sheltered = c.person(D(2025, 1, 1))
    c.job(sheltered, D(2026, 6, 20), open_labour_market=False)
    c.job(sheltered, D(2026, 1, 5), D(2026, 1, 20), EmploymentKind.WORK_TRIAL)
    c.job(sheltered, D(2026, 2, 1), kind=EmploymentKind.EDUCATION)
    report = build_report(tally_vault(vault, H1))
    doc = report.to_json()
    out = doc["outcomes"]
    assert doc["clients"]["served"] == 5
    assert out["employed_people"] == 2 and out["work_trial_only_people"] == 1
    assert out["employed_or_trial_people"] == 3 and out["employed_or_trial_rate"] == 0.6
    assert out["employment_episodes"] == 3 and out["work_trial_episodes"] == 2
    assert out["episodes_by_kind"] == {"education": 1, "employment": 3, "work_trial": 2}
    assert out["employment_terms"] == {"not_open_market": 1, "open_market": 1, "open_market_pay_subsidy": 1}
    assert out["employment_status_at_end"] == {"ended": 1, "ongoing": 2}
    # 1.6.2025–15.2.2026: 8 months; 1.3.–30.6.2026: 3–6 months; 20.–30.6.2026: under a month.
    assert out["employment_length_months"] == {"3to6": 1, "6to12": 1, "lt1": 1}
    assert out["employment_sector"] == {"I": 1, "Q": 1, "unknown": 1}


def test_quarterly_competitive_employment_rate(vault: Vault) -> None:
    c = Caseload(vault)
    working = c.person(D(2025, 1, 1))
    c.job(working, D(2026, 3, 31), D(2026, 4, 2))  # one day in Q1, two in Q2
    subsidised = c.person(D(2025, 1, 1))
    c.job(subsidised, D(2026, 5, 1), pay_subsidy=True)  # still competitive: anyone could apply
    trial = c.person(D(2025, 1, 1))
    c.job(trial, D(2026, 1, 1), kind=EmploymentKind.WORK_TRIAL)  # a trial is not a competitive job
    c.person(D(2026, 4, 15))  # only in Q2
    doc = build_report(tally_vault(vault, H1)).to_json()
    assert doc["outcomes"]["quarterly_competitive_employment"] == [
        {"quarter": "2026Q1", "served": 3, "working": 1, "rate": 0.3333},
        {"quarter": "2026Q2", "served": 4, "working": 2, "rate": 0.5},
    ]


def test_status_at_the_end_closures_and_follow_ups(vault: Vault) -> None:
    c = Caseload(vault)
    employed = c.person(
        D(2025, 1, 1),
        (D(2025, 3, 1), Phase.JOB_SEARCH),
        (D(2025, 9, 1), Phase.SUPPORT),
        closed=(D(2026, 2, 1), ClosureReason.EMPLOYED, ClosureDestination.EMPLOYED),
    )
    c.job(employed, D(2025, 9, 1))
    c.follow_up(employed, D(2026, 4, 1), still_working=True)  # two months after the closure
    c.follow_up(employed, D(2026, 6, 1), still_working=False)  # four months after
    c.person(D(2025, 1, 1), closed=(D(2026, 3, 1), ClosureReason.HEALTH, ClosureDestination.DROPPED_OUT_HEALTH))
    c.person(D(2025, 1, 1), (D(2025, 2, 1), Phase.MAPPING), closed=(D(2026, 3, 1), ClosureReason.MOVED, None))
    in_job = c.person(D(2025, 1, 1), (D(2025, 3, 1), Phase.JOB_SEARCH), (D(2026, 4, 1), Phase.SUPPORT))
    c.job(in_job, D(2026, 4, 1))
    in_trial = c.person(D(2025, 1, 1), (D(2025, 3, 1), Phase.JOB_SEARCH), (D(2026, 4, 1), Phase.SUPPORT))
    c.job(in_trial, D(2026, 4, 1), D(2026, 8, 1), EmploymentKind.WORK_TRIAL)
    c.person(D(2025, 1, 1), (D(2025, 3, 1), Phase.JOB_SEARCH))
    doc = build_report(tally_vault(vault, H1)).to_json()
    assert doc["status_at_end"] == {
        "closed_employed": 1,
        "closed_dropped_out_health": 1,
        "closed_unknown": 1,
        "open_employed": 1,
        "open_work_trial": 1,
        "open_job_search": 1,
    }
    closures = doc["closures"]
    assert closures["by_destination"] == {"dropped_out_health": 1, "employed": 1, "unknown": 1}
    assert closures["by_reason"] == {"employed": 1, "health": 1, "moved": 1}
    assert closures["by_last_phase"] == {"intake": 1, "mapping": 1, "support": 1}
    assert closures["follow_ups_working"] == {"le3": 1} and closures["follow_ups_not_working"] == {"le6": 1}


def test_durations(vault: Vault) -> None:
    c = Caseload(vault)
    a = c.person(
        D(2026, 1, 1),
        (D(2026, 1, 11), Phase.MAPPING),
        (D(2026, 2, 10), Phase.JOB_SEARCH),
        referred_on=D(2025, 12, 22),
    )
    c.contact(a, D(2026, 1, 5), ContactMode.PHONE)  # not face to face: not counted
    c.contact(a, D(2026, 1, 21))  # 20 days from entry
    c.plan(a, D(2026, 1, 31))  # 40 days from the referral
    for day in (D(2026, 1, 11), D(2026, 1, 20), D(2026, 2, 1)):
        c.meeting(a, day)
    c.meeting(a, D(2026, 1, 25), status=MeetingStatus.NO_SHOW)
    c.meeting(a, D(2026, 2, 10))  # the day job search began
    c.job(a, D(2026, 3, 2), kind=EmploymentKind.WORK_TRIAL)  # 60 days from entry
    b = c.person(D(2025, 12, 1), (D(2026, 1, 1), Phase.MAPPING))
    c.contact(b, D(2026, 1, 10))  # 40 days
    c.contact(b, D(2026, 1, 12))  # not the first
    c.contact(None, D(2026, 1, 2))  # job development for no client
    early = c.person(D(2025, 10, 1))
    c.contact(early, D(2025, 12, 1))  # first contact before the period: counted in 2025
    doc = build_report(tally_vault(vault, H1)).to_json()
    d = doc["durations"]
    assert d["entry_to_first_employer_contact"] == {"n": 2, "median": 30.0, "mean": 30.0}
    assert d["median_days_entry_to_first_employer_contact"] == 30.0
    assert d["entry_to_first_job_or_trial"] == {"n": 1, "median": 60.0, "mean": 60.0}
    assert d["first_contact_to_plan"] == {"n": 1, "median": 40.0, "mean": 40.0}
    assert d["days_in_phase"]["intake"] == {"n": 2, "median": 20.5, "mean": 20.5}  # 10 and 31 days
    assert d["days_in_phase"]["mapping"] == {"n": 1, "median": 30.0, "mean": 30.0}
    assert d["meetings_in_mapping"] == {"n": 1, "median": 3.0, "mean": 3.0}  # the no-show and the move day left out


def test_support_given_and_maintenance_contacts_on_time(vault: Vault) -> None:
    c = Caseload(vault)
    a = c.person(
        D(2025, 1, 1),
        (D(2025, 3, 1), Phase.JOB_SEARCH),
        (D(2025, 10, 1), Phase.SUPPORT),
        (D(2026, 1, 1), Phase.MAINTENANCE, MaintenanceLevel.ACTIVE),
    )
    c.job(a, D(2025, 10, 1), employer_support_recruitment=True, employer_support_after_induction=True)
    c.meeting(a, D(2026, 1, 25))  # on time (within a month of the move)
    c.meeting(a, D(2026, 3, 10), mode=MeetingMode.PHONE)  # late: over a month after 25.1.
    c.meeting(a, D(2026, 4, 5))  # on time
    b = c.person(
        D(2025, 1, 1),
        (D(2025, 3, 1), Phase.JOB_SEARCH),
        (D(2025, 6, 1), Phase.SUPPORT),
        (D(2025, 8, 1), Phase.MAINTENANCE, MaintenanceLevel.LIGHT),
    )
    c.job(b, D(2025, 6, 1), kind=EmploymentKind.WORK_TRIAL, employer_support_induction=True)
    c.meeting(b, D(2026, 3, 1))  # 7 months after the move to light support: late
    doc = build_report(tally_vault(vault, H1)).to_json()
    s = doc["support"]
    assert s["employer_support_recruitment_people"] == 1 and s["employer_support_induction_people"] == 1
    assert s["employer_support_recruitment_or_induction_people"] == 2
    assert s["employer_support_after_induction_people"] == 1
    assert s["maintenance_contacts_on_time"] == {"active": 2}
    assert s["maintenance_contacts_late"] == {"active": 1, "light": 1}


def test_kykyviisari_change(vault: Vault) -> None:
    c = Caseload(vault)
    a = c.person(D(2025, 1, 1))
    c.kykyviisari(a, D(2025, 2, 1), 4, skills=5)
    c.kykyviisari(a, D(2025, 8, 1), 5)
    c.kykyviisari(a, D(2026, 3, 1), 7, skills=4)
    c.kykyviisari(a, D(2026, 9, 1), 9)  # after the period
    b = c.person(D(2025, 1, 1))
    c.kykyviisari(b, D(2025, 5, 1), 6)
    c.kykyviisari(b, D(2026, 5, 1), 5)
    once = c.person(D(2025, 1, 1))
    c.kykyviisari(once, D(2026, 1, 1), 3)
    doc = build_report(tally_vault(vault, H1)).to_json()
    k = doc["kykyviisari"]
    assert k["work_ability"] == {"n": 2, "mean_first": 5.0, "mean_latest": 6.0, "better": 1, "worse": 1}
    assert k["skills"] == {"n": 1, "mean_first": 5.0, "mean_latest": 4.0, "better": 0, "worse": 1}
    assert k["mental_wellbeing"]["n"] == 0 and k["mental_wellbeing"]["mean_first"] is None


def test_every_table_is_titled_and_its_rows_are_filled(vault: Vault) -> None:
    c = Caseload(vault)
    c.job(c.person(D(2025, 1, 1)), D(2026, 2, 1))
    report = build_report(tally_vault(vault, H1))
    keys = [t.key for t in report.tables]
    assert len(keys) == len(set(keys)) and all(t.title and t.rows for t in report.tables)
    outcomes = report.table("outcomes")
    assert outcomes.rows[0][1:] == (1, 1.0)
