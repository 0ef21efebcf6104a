from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tyokykyapp.demo import generate_caseload
from tyokykyapp.demo.personas import DEMO_CLIENTS
from tyokykyapp.demo.story import DESTINATIONS
from tyokykyapp.domain import (
    ClientFile,
    ClosureReason,
    DisclosureChoice,
    EmploymentKind,
    MaintenanceLevel,
    MeetingMode,
    MeetingStatus,
    Phase,
    PlaceType,
)
from tyokykyapp.domain.codec import to_json
from tyokykyapp.domain.identity_code import birth_date_of
from tyokykyapp.i18n import set_language
from tyokykyapp.process import DueKind
from tyokykyapp.process.transitions import closure_missing
from tyokykyapp.services import due_list
from tyokykyapp.vault import Vault

TODAY = date(2026, 11, 23)


def snapshot(vault: Vault) -> list[object]:
    files = [vault.repo.client_file(s.id) for s in vault.repo.clients()]
    result = []
    for f in files:
        data = to_json(f)
        for records in data.values():
            for record in records if isinstance(records, list) else [records]:
                if isinstance(record, dict):
                    record.pop("created_at", None)
                    record.pop("updated_at", None)
        result.append(data)
    return result


def test_same_seed_same_day_same_caseload(tmp_path: Path) -> None:
    made = []
    for name in ("a", "b"):
        vault, _key = Vault.create(tmp_path / name, "kolme pientä kissaa hyppii")
        with vault:
            generate_caseload(vault, 25, seed=5, today=TODAY)
            made.append(snapshot(vault))
    assert made[0] == made[1]


def test_caseload_covers_the_process(vault: Vault) -> None:
    generate_caseload(vault, 150, seed=2, today=TODAY)
    counts = vault.repo.caseload_counts()
    assert {phase for phase, _level in counts} == set(Phase)
    assert {level for _phase, level in counts if level} == set(MaintenanceLevel)
    files = [vault.repo.client_file(s.id) for s in vault.repo.clients()]
    meetings = [m for f in files for m in f.meetings]
    assert {m.place_type for m in meetings} == {*PlaceType, None}
    assert {m.mode for m in meetings} == set(MeetingMode) and {m.status for m in meetings} == set(MeetingStatus)
    kinds = Counter(e.kind for f in files for e in f.employments)
    assert kinds[EmploymentKind.WORK_TRIAL] and kinds[EmploymentKind.EMPLOYMENT]
    assert any(e.pay_subsidy for f in files for e in f.employments)
    # "Other" is for text the codes do not name (an imported sheet); the demo names every reason it uses.
    assert {c.reason for f in files for c in f.closures} == set(ClosureReason) - {ClosureReason.OTHER}
    assert any(f.employer_contacts for f in files) and any(f.job_applications for f in files)
    assert any(c.valid_until and c.valid_until < TODAY for f in files for c in f.consents)
    for f in files:
        if f.client.identity_code:
            birth_date_of(f.client.identity_code)
            assert int(f.client.identity_code[7:10]) >= 900  # the test range, never a real person's
        assert f.phase_history[0].to_phase is Phase.INTAKE
        assert f.phase_history[-1].to_phase is f.client.phase
        if f.client.phase in (Phase.SUPPORT, Phase.MAINTENANCE):
            assert f.jobs_ongoing(f.client.phase_since)


def one_coach(vault: Vault, seed: int, today: date) -> list[ClientFile]:
    generate_caseload(vault, DEMO_CLIENTS, seed=seed, today=today)
    return [vault.repo.client_file(s.id) for s in vault.repo.clients()]


@pytest.mark.parametrize(
    ("seed", "today"), [(1, TODAY), (7, date(2026, 3, 2)), (date(2027, 1, 31).toordinal(), date(2027, 1, 31))]
)
def test_the_demo_is_one_coachs_caseload_with_every_due_kind(vault: Vault, seed: int, today: date) -> None:
    """IPS: at most 20 open clients per coach; the closed ones beside them. Every kind of due item shows on the
    demo's day, whatever the seed (the GUI's demo takes the day as its seed)."""
    files = one_coach(vault, seed, today)
    open_files = [f for f in files if f.client.phase is not Phase.CLOSED]
    assert len(open_files) <= 20 and len(files) - len(open_files) >= 10
    assert {item.kind for item in due_list(vault, today)} == set(DueKind)


def test_the_demo_follows_the_process_rules_and_closes_consistently(vault: Vault) -> None:
    """The demo's histories are ones the rules allow (each move was checked as it was made), its closures say
    what the records show, and nothing in it is in English or from before the 2025 reform."""
    files = one_coach(vault, 3, TODAY)
    for f in files:
        periods = f.service_periods()
        assert periods and periods[-1].started_on == f.client.started_on
        for period in periods:
            closure = period.closure
            if closure is None:
                continue
            assert closure.destination in DESTINATIONS[closure.reason]
            assert (
                closure_missing(f, closure.closed_on, closure.reason, closure.destination, since=period.started_on)
                == []
            )
            if closure.reason is ClosureReason.DIED:
                assert closure.continuation_path == ""
    assert any(len(f.service_periods()) == 2 for f in files)
    text = json.dumps([to_json(f) for f in files], ensure_ascii=False)
    for word in ("TE-palvelut", "TE-asiantuntija", "property maintenance", "restaurants", "public services"):
        assert word not in text


def test_the_demo_uses_every_new_field(vault: Vault) -> None:
    files = one_coach(vault, 5, TODAY)
    every = {
        "episode": [e for f in files for e in f.episodes],
        "employment": [e for f in files for e in f.employments],
        "meeting": [m for f in files for m in f.meetings],
        "employer_contact": [c for f in files for c in f.employer_contacts],
        "closure": [c for f in files for c in f.closures],
        "plan": [p for f in files for p in f.plans],
        "waiting": [w for f in files for w in f.waiting],
        "follow_up": [u for f in files for u in f.follow_ups],
        "kykyviisari": [r for f in files for r in f.kykyviisari_results],
        "consent": [c for f in files for c in f.consents],
    }
    new_fields = {
        "episode": [
            "unemployed_since",
            "main_income",
            "work_activity",
            "typ_client",
            "social_worker",
            "service_decision_basis",
            "service_decision_on",
        ],
        "employment": [
            "sector",
            "pay_subsidy_from",
            "pay_subsidy_until",
            "pay_subsidy_percent",
            "municipal_supplement",
            "employer_support_recruitment",
            "employer_support_induction",
            "employer_support_after_induction",
            "trial_reason",
            "trial_decided_by",
            "end_reason",
            "end_details",
        ],
        "meeting": ["kind", "mode", "status"],
        "employer_contact": ["mode", "contact_purpose"],
        "closure": ["destination", "episode_id"],
        "plan": ["meeting_interval", "external_relation"],
        "waiting": ["what", "expected_on"],
        "follow_up": ["still_working"],
    }
    for kind, names in new_fields.items():
        assert every[kind], kind
        for name in names:
            assert any(getattr(r, name) not in (None, "", False) for r in every[kind]), (kind, name)
    assert {c.employer_disclosure for c in every["consent"]} >= {None, DisclosureChoice.NO}
    assert any(len([r for r in f.kykyviisari_results]) > 1 for f in files)
    sectors = {e.sector for e in vault.repo.employers()}  # type: ignore[attr-defined]
    english = {s.label for s in sectors}
    set_language("fi")
    finnish = {s.label for s in sectors}
    assert None not in sectors and len(finnish) > 1 and not finnish & english
