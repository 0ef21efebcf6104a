from datetime import date

from tests.helpers.factories import agreement, file_in, job, profile, signed_consent
from tyokykyapp.domain import (
    ChecklistTick,
    Consent,
    DisclosureChoice,
    EmploymentKind,
    FollowUp,
    KykyviisariResult,
    Meeting,
    NetworkContact,
    Phase,
    TrialDecider,
    TrialReason,
)
from tyokykyapp.process import CHECKLISTS, checklist, checklist_keys
from tyokykyapp.readable import lines

D = date(2026, 3, 1)


def by_key(items: list) -> dict:  # type: ignore[type-arg]
    return {item.key: item for item in items}


def test_every_phase_has_a_checklist_with_unique_keys() -> None:
    assert set(CHECKLISTS) == set(Phase)
    for specs in CHECKLISTS.values():
        assert len({s.key for s in specs}) == len(specs)


def test_mapping_checklist_follows_the_quality_criteria() -> None:
    keys = {s.key for s in CHECKLISTS[Phase.MAPPING]}
    assert {
        "agreement_signed",
        "consent_recorded",
        "vocational_profile",
        "kykyviisari",
        "cv_updated",
        "job_seeker_registration_checked",
        "benefits_counselling",
    } <= keys


def test_items_are_done_by_records_with_their_dates() -> None:
    f = file_in(Phase.MAPPING)
    cid = f.client.id
    assert not any(item.done for item in checklist(f, Phase.MAPPING, D))
    p = profile(cid, D)
    p.cv_updated_on = date(2026, 2, 20)
    f.vocational_profiles.append(p)
    f.agreements.append(agreement(cid, date(2026, 2, 1)))
    f.consents.append(signed_consent(cid, date(2026, 2, 1)))
    f.kykyviisari_results.append(KykyviisariResult(client_id=cid, done_on=D, work_ability=6))
    f.network_contacts.append(NetworkContact(client_id=cid, role="sosiaaliohjaaja"))
    items = by_key(checklist(f, Phase.MAPPING, D))
    assert items["cv_updated"].done_on == date(2026, 2, 20) and items["cv_updated"].source == "record"
    assert items["agreement_signed"].done_on == date(2026, 2, 1)
    assert items["network_mapped"].done and items["network_mapped"].done_on is None
    assert not items["benefits_counselling"].done


def test_a_tick_marks_an_item_done_on_its_date() -> None:
    f = file_in(Phase.INTAKE)
    f.checklist_ticks.append(ChecklistTick(client_id=f.client.id, item="privacy_notice_given", ticked_on=D))
    item = by_key(checklist(f, Phase.INTAKE, D))["privacy_notice_given"]
    assert (item.done, item.done_on, item.source) == (True, D, "tick")


def test_next_meeting_booked_and_first_meeting() -> None:
    f = file_in(Phase.INTAKE)
    f.meetings.append(Meeting(client_id=f.client.id, on=date(2026, 2, 25), next_meeting_on=date(2026, 3, 4)))
    items = by_key(checklist(f, Phase.INTAKE, D))
    assert items["first_meeting"].done_on == date(2026, 2, 25)
    assert items["next_meeting_booked"].done_on == date(2026, 3, 4)
    assert not by_key(checklist(f, Phase.INTAKE, date(2026, 3, 5)))["next_meeting_booked"].done


def test_checklist_keys_cover_every_phase() -> None:
    assert "privacy_notice_given" in checklist_keys() and "closure_summary_given" in checklist_keys()


def test_the_disclosure_choice_is_done_only_when_the_client_made_one() -> None:
    """Probe: any consent ticked the item, because the choice defaulted to "no"; "not discussed" is not "no"."""
    f = file_in(Phase.JOB_SEARCH)
    f.consents.append(signed_consent(f.client.id, date(2026, 2, 1)))
    assert Consent(client_id=f.client.id, given_on=D).employer_disclosure is None
    assert not by_key(checklist(f, Phase.JOB_SEARCH, D))["disclosure_choice_recorded"].done
    f.consents[0].employer_disclosure = DisclosureChoice.NO
    assert by_key(checklist(f, Phase.JOB_SEARCH, D))["disclosure_choice_recorded"].done_on == date(2026, 2, 1)


def test_the_work_trial_item_is_asked_only_when_a_trial_is_used() -> None:
    """Probe: "work trial considered" was asked of everyone; the reports use a trial only with a reason."""
    f = file_in(Phase.JOB_SEARCH)
    assert "work_trial_reasoned" not in by_key(checklist(f, Phase.JOB_SEARCH, D))
    trial = job(f.client.id, D, kind=EmploymentKind.WORK_TRIAL)
    f.employments.append(trial)
    assert not by_key(checklist(f, Phase.JOB_SEARCH, D))["work_trial_reasoned"].done
    trial.trial_reason, trial.trial_decided_by = TrialReason.CHANGE_OF_FIELD, TrialDecider.EMPLOYMENT_SERVICES
    assert by_key(checklist(f, Phase.JOB_SEARCH, D))["work_trial_reasoned"].done_on == D


def test_a_follow_up_after_the_closure_is_recorded() -> None:
    f = file_in(Phase.CLOSED, since=D)
    assert not by_key(checklist(f, Phase.CLOSED, D))["follow_up"].done
    f.follow_ups.append(FollowUp(client_id=f.client.id, on=date(2026, 6, 1), still_working=True))
    assert by_key(checklist(f, Phase.CLOSED, date(2026, 6, 1)))["follow_up"].done_on == date(2026, 6, 1)


def test_a_tick_of_a_retired_item_still_reads_as_what_it_said() -> None:
    tick = ChecklistTick(client_id="c", item="work_trial_considered", ticked_on=D)
    assert lines(tick)[0] == ("Checklist item", "Work trial considered with employment services")
