from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import ClosureReason, EmploymentKind, MaintenanceLevel, Phase, PlaceType
from tyokykyapp.domain.codec import to_json
from tyokykyapp.domain.identity_code import birth_date_of
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
    places = Counter(m.place_type for f in files for m in f.meetings)
    assert set(places) == set(PlaceType)
    kinds = Counter(e.kind for f in files for e in f.employments)
    assert kinds[EmploymentKind.WORK_TRIAL] and kinds[EmploymentKind.EMPLOYMENT]
    assert any(e.pay_subsidy for f in files for e in f.employments)
    assert {c.reason for f in files for c in f.closures} == set(ClosureReason)
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
    kinds_due = {item.kind.value for item in due_list(vault, TODAY)}
    assert {"plan_review", "consent_renewal", "employer_contact"} <= kinds_due
