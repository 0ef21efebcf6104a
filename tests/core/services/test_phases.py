"""A client's whole journey through the services, from referral to closure and back."""

from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.factories import agreement, client, job, profile, signed_consent
from tyokykyapp.domain import (
    Client,
    Closure,
    ClosureDestination,
    ClosureReason,
    EmploymentKind,
    Episode,
    MaintenanceLevel,
    Phase,
    Referral,
)
from tyokykyapp.domain.enums import ReferralSource
from tyokykyapp.domain.errors import ValidationError
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
    c = client()
    referral = Referral(source=ReferralSource.WORK_ACTIVITY, referred_on=date(2026, 1, 5))
    changes = add_client(vault, c, episode=Episode(client_id=c.id, started_on=date(2026, 1, 5), referral=referral))
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
    notices = advance_phase(vault, c.id, Phase.MAINTENANCE, date(2026, 4, 1), level=MaintenanceLevel.ACTIVE).notices
    assert notices == (
        "There is no job support plan yet.",
        "No support visit at the workplace is recorded for this job.",
    )
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
            destination=ClosureDestination.STUDIES,
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
    # Each episode keeps its entry, referral and exit: "during the period" counts these.
    periods = again.service_periods()
    assert [(p.started_on, p.ended_on, p.destination) for p in periods] == [
        (date(2026, 1, 5), date(2026, 6, 1), ClosureDestination.STUDIES),
        (date(2026, 9, 1), None, None),
    ]
    assert periods[0].referral == referral and periods[1].referral == Referral()
    assert [p.overlaps(date(2026, 7, 1), date(2026, 8, 31)) for p in periods] == [False, False]
    assert [p.overlaps(date(2026, 5, 1), date(2026, 9, 1)) for p in periods] == [True, True]
    assert vault.repo.service_periods()[c.id] == periods
    # Coming back needs a new agreement and consent: the old ones ended with the first episode.
    with pytest.raises(TransitionRefused, match="signed job-coaching agreement"):
        advance_phase(vault, c.id, Phase.MAPPING, date(2026, 9, 2))


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


def test_closing_as_employed_needs_a_job_and_an_edited_closure_keeps_to_it(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=date(2026, 1, 1))
    employed = Closure(
        client_id=c.id,
        closed_on=date(2026, 3, 1),
        reason=ClosureReason.EMPLOYED,
        destination=ClosureDestination.EMPLOYED,
    )
    with pytest.raises(TransitionRefused, match="employment on record"):
        advance_phase(vault, c.id, Phase.CLOSED, date(2026, 3, 1), closure=employed)
    own = Closure(
        client_id=c.id,
        closed_on=date(2026, 3, 1),
        reason=ClosureReason.OWN_DECISION,
        destination=ClosureDestination.DROPPED_OUT_OWN_DECISION,
    )
    advance_phase(vault, c.id, Phase.CLOSED, date(2026, 3, 1), closure=own)
    stored = vault.repo.client_file(c.id).closures[0]
    assert stored.episode_id == vault.repo.client_file(c.id).episodes[0].id
    stored.destination = ClosureDestination.EMPLOYED
    with pytest.raises(ValidationError, match="employment on record"):
        save_record(vault, stored)
    save_record(vault, job(c.id, date(2026, 2, 1)))
    save_record(vault, stored)
