"""A client's whole journey through the services, from referral to closure and back."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.factories import agreement, client, job, profile, signed_consent
from tyokykyapp.domain import Client, Closure, ClosureReason, EmploymentKind, MaintenanceLevel, Phase, Referral
from tyokykyapp.domain.enums import ReferralSource
from tyokykyapp.process import TransitionRefused
from tyokykyapp.services import (
    CoachDetails,
    add_client,
    advance_phase,
    change_level,
    save_record,
    set_coach_details,
)
from tyokykyapp.vault import Vault


def test_whole_journey_is_recorded(vault: Vault) -> None:
    set_coach_details(vault, CoachDetails(name="Riikka Räsänen", organisation="Helsingin kaupunki"))
    c = client(referral=Referral(source=ReferralSource.WORK_ACTIVITY, referred_on=date(2026, 1, 5)))
    changes = add_client(vault, c)
    assert changes.caseload and c.id in changes.client_ids
    assert c.started_on == date(2026, 1, 5)

    with pytest.raises(TransitionRefused, match="signed job-coaching agreement"):
        advance_phase(vault, c.id, Phase.MAPPING, date(2026, 1, 12))
    save_record(vault, agreement(c.id, date(2026, 1, 12)))
    save_record(vault, signed_consent(c.id, date(2026, 1, 12)))
    advance_phase(vault, c.id, Phase.MAPPING, date(2026, 1, 12))

    save_record(vault, profile(c.id, date(2026, 2, 1)))
    advance_phase(vault, c.id, Phase.JOB_SEARCH, date(2026, 2, 2))

    with pytest.raises(TransitionRefused, match="work trial that has started"):
        advance_phase(vault, c.id, Phase.SUPPORT, date(2026, 3, 1))
    trial = job(c.id, date(2026, 3, 1), date(2026, 4, 30), kind=EmploymentKind.WORK_TRIAL)
    save_record(vault, trial)
    advance_phase(vault, c.id, Phase.SUPPORT, date(2026, 3, 1))
    advance_phase(vault, c.id, Phase.MAINTENANCE, date(2026, 4, 1), level=MaintenanceLevel.ACTIVE)
    change_level(vault, c.id, MaintenanceLevel.LIGHT, date(2026, 4, 15), reason="työ sujuu")
    advance_phase(vault, c.id, Phase.JOB_SEARCH, date(2026, 4, 30), reason="työkokeilu päättyi")
    changes = advance_phase(
        vault,
        c.id,
        Phase.CLOSED,
        date(2026, 6, 1),
        closure=Closure(
            client_id=c.id,
            closed_on=date(2026, 6, 1),
            reason=ClosureReason.STUDIES,
            continuation_path="Aloittaa opinnot syksyllä",
        ),
    )
    assert "closure" in changes.kinds

    file = vault.repo.client_file(c.id)
    assert file.client.phase is Phase.CLOSED and file.client.maintenance_level is None
    moves = [(p.from_phase, p.to_phase, p.to_level) for p in file.phase_history]
    assert moves == [
        (None, Phase.INTAKE, None),
        (Phase.INTAKE, Phase.MAPPING, None),
        (Phase.MAPPING, Phase.JOB_SEARCH, None),
        (Phase.JOB_SEARCH, Phase.SUPPORT, None),
        (Phase.SUPPORT, Phase.MAINTENANCE, MaintenanceLevel.ACTIVE),
        (Phase.MAINTENANCE, Phase.MAINTENANCE, MaintenanceLevel.LIGHT),
        (Phase.MAINTENANCE, Phase.JOB_SEARCH, None),
        (Phase.JOB_SEARCH, Phase.CLOSED, None),
    ]
    assert all(p.by == "Riikka Räsänen" for p in file.phase_history)
    assert file.closures[0].reason is ClosureReason.STUDIES

    # Re-opening starts a new episode and keeps the history.
    advance_phase(vault, c.id, Phase.INTAKE, date(2026, 9, 1), reason="palasi palveluun")
    again = vault.repo.client_file(c.id)
    assert again.client.phase is Phase.INTAKE and again.client.started_on == date(2026, 9, 1)
    assert len(again.phase_history) == 9 and len(again.closures) == 1


def test_a_refused_move_changes_nothing(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=date(2026, 1, 1))
    before = vault.repo.history(c.id)
    with pytest.raises(TransitionRefused):
        advance_phase(vault, c.id, Phase.SUPPORT, date(2026, 2, 1))
    assert vault.repo.history(c.id) == before
    assert len(vault.repo.client_file(c.id).phase_history) == 1


def test_update_client_cannot_move_the_phase(vault: Vault) -> None:
    from tyokykyapp.services import update_client

    c = client()
    add_client(vault, c, on=date(2026, 1, 1))
    edited = vault.repo.get(Client, c.id)
    edited.phone = "050 123 4567"
    edited.phase = Phase.MAINTENANCE
    edited.maintenance_level = MaintenanceLevel.ACTIVE
    update_client(vault, edited)
    stored = vault.repo.get(Client, c.id)
    assert stored.phone == "050 123 4567" and stored.phase is Phase.INTAKE
