"""A wrong move is corrected or undone, never left in place: the latest move can be re-dated (a slip of the
year) or undone, and the reason stays with the move in the history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.helpers.factories import agreement, client, job, signed_consent
from tyokykyapp.domain import Closure, ClosureDestination, ClosureReason, Episode, MaintenanceLevel, Phase, PhaseChange
from tyokykyapp.domain.dates import today
from tyokykyapp.process import TransitionRefused
from tyokykyapp.services import add_client, advance_phase, redate_last_move, save_record, undo_last_move
from tyokykyapp.vault import Vault

START = today() - timedelta(days=100)


def in_mapping(vault: Vault, on: date = START + timedelta(days=10)) -> str:
    c = client()
    add_client(vault, c, on=START)
    save_record(vault, agreement(c.id, START))
    save_record(vault, signed_consent(c.id, START))
    advance_phase(vault, c.id, Phase.MAPPING, on)
    return c.id


def test_closing_keeps_the_reason_as_a_code_on_the_closure_and_only_typed_text_on_the_move(vault: Vault) -> None:
    client_id = in_mapping(vault)
    save_record(vault, job(client_id, START + timedelta(days=20)))
    closure = Closure(
        client_id=client_id,
        closed_on=today(),
        reason=ClosureReason.EMPLOYED,
        destination=ClosureDestination.EMPLOYED,
    )
    advance_phase(vault, client_id, Phase.CLOSED, today(), closure=closure)
    file = vault.repo.client_file(client_id)
    assert file.phase_history[-1].reason == ""  # never the code "employed"
    assert file.closures[0].reason is ClosureReason.EMPLOYED


def test_the_latest_move_is_redated_and_its_earlier_date_kept_in_the_history(vault: Vault) -> None:
    client_id = in_mapping(vault)
    wrong = vault.repo.client_file(client_id).phase_history[-1]
    right = START + timedelta(days=5)
    with pytest.raises(TransitionRefused, match="reason"):
        redate_last_move(vault, client_id, right, reason=" ")
    with pytest.raises(TransitionRefused, match="after today"):
        redate_last_move(vault, client_id, today() + timedelta(days=1), reason="väärä päivä")
    with pytest.raises(TransitionRefused, match="before"):
        redate_last_move(vault, client_id, START - timedelta(days=1), reason="väärä päivä")
    changes = redate_last_move(vault, client_id, right, reason="väärä päivä")
    assert changes.caseload and client_id in changes.client_ids
    file = vault.repo.client_file(client_id)
    assert file.client.phase is Phase.MAPPING and file.client.phase_since == right
    assert file.phase_history[-1].on == right and file.phase_history[-1].correction == "väärä päivä"
    versions = vault.repo.history(wrong.id)
    assert [v.record.on for v in versions if isinstance(v.record, PhaseChange)] == [wrong.on, right]


def test_undoing_a_closing_move_reopens_the_client_where_they_were(vault: Vault) -> None:
    client_id = in_mapping(vault)
    mapping_since = vault.repo.client_file(client_id).client.phase_since
    closure = Closure(
        client_id=client_id,
        closed_on=today(),
        reason=ClosureReason.MOVED,
        destination=ClosureDestination.OTHER_SERVICE,
    )
    advance_phase(vault, client_id, Phase.CLOSED, today(), closure=closure)
    undo_last_move(vault, client_id, reason="suljettiin väärä asiakas")
    file = vault.repo.client_file(client_id)
    assert file.client.phase is Phase.MAPPING and file.client.phase_since == mapping_since
    undone = file.phase_history[-1]
    assert undone.to_phase is Phase.CLOSED and undone.undone_on == today()
    assert undone.correction == "suljettiin väärä asiakas"
    assert [p.to_phase for p in file.moves()] == [Phase.INTAKE, Phase.MAPPING]
    assert file.closures == []  # the closure made by the move went to the bin
    assert vault.repo.history(closure.id)  # ... and is still there


def test_undoing_a_reopening_restores_the_earlier_episode(vault: Vault) -> None:
    client_id = in_mapping(vault)
    closed_on = START + timedelta(days=20)
    advance_phase(
        vault,
        client_id,
        Phase.CLOSED,
        closed_on,
        closure=Closure(
            client_id=client_id,
            closed_on=closed_on,
            reason=ClosureReason.STUDIES,
            destination=ClosureDestination.STUDIES,
        ),
    )
    advance_phase(vault, client_id, Phase.INTAKE, today(), reason="palasi")
    file = vault.repo.client_file(client_id)
    assert file.client.started_on == today() and len(file.episodes) == 2
    undo_last_move(vault, client_id, reason="ei palannutkaan")
    file = vault.repo.client_file(client_id)
    client = file.client
    assert client.phase is Phase.CLOSED and client.phase_since == closed_on and client.started_on == START
    # The service episode the re-opening started went with it: the client has had one episode.
    assert [e.started_on for e in file.episodes] == [START]


def test_redating_a_reopening_moves_the_start_of_the_episode_it_began(vault: Vault) -> None:
    client_id = in_mapping(vault)
    closed_on = START + timedelta(days=20)
    closure = Closure(
        client_id=client_id, closed_on=closed_on, reason=ClosureReason.STUDIES, destination=ClosureDestination.STUDIES
    )
    advance_phase(vault, client_id, Phase.CLOSED, closed_on, closure=closure)
    advance_phase(vault, client_id, Phase.INTAKE, today(), reason="palasi")
    right = closed_on + timedelta(days=3)
    redate_last_move(vault, client_id, right, reason="väärä päivä")
    file = vault.repo.client_file(client_id)
    assert sorted(e.started_on for e in file.episodes) == [START, right]
    assert file.client.started_on == right and isinstance(file.current_episode(), Episode)


def test_undoing_a_level_change_keeps_the_time_in_maintenance(vault: Vault) -> None:
    client_id = in_mapping(vault)
    client = vault.repo.client_file(client_id).client
    client.phase, client.maintenance_level = Phase.MAINTENANCE, MaintenanceLevel.ACTIVE
    vault.repo.save(client)
    from tyokykyapp.services import change_level

    change_level(vault, client_id, MaintenanceLevel.LIGHT, today())
    undo_last_move(vault, client_id, reason="väärä taso")
    after = vault.repo.client_file(client_id).client
    assert after.maintenance_level is MaintenanceLevel.ACTIVE and after.phase_since == client.phase_since


def test_the_start_of_the_service_is_not_a_move_to_undo(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=START)
    with pytest.raises(TransitionRefused, match="no move to correct"):
        undo_last_move(vault, c.id, reason="virhe")
