"""Moving a client: the next phase forward is offered first, a move cannot be dated after today, and the
latest move can be corrected or undone from the workspace with the reason kept."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.factories import agreement, client, signed_consent
from tests.helpers.gui import take_error, unlocked_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import Client, Phase
from tyokykyapp.domain.dates import today
from tyokykyapp.services import add_client, advance_phase, save_record
from tyokykyapp.vault import Vault
from ui.dialogs.phase_move import CorrectMoveDialog, PhaseMoveDialog, forward_phase
from ui.widgets.date_fields import to_qdate


@pytest.mark.parametrize(
    ("current", "offered"),
    [
        (Phase.INTAKE, Phase.MAPPING),
        (Phase.MAPPING, Phase.JOB_SEARCH),
        (Phase.JOB_SEARCH, Phase.SUPPORT),
        (Phase.SUPPORT, Phase.MAINTENANCE),
        (Phase.MAINTENANCE, Phase.CLOSED),
        (Phase.CLOSED, Phase.INTAKE),
    ],
)
def test_the_move_offered_first_is_the_next_phase_forward(qtbot: QtBot, current: Phase, offered: Phase) -> None:
    assert forward_phase(current) is offered
    dialog = PhaseMoveDialog(Client(family_name="A", given_names="B", phase=current), lambda *a: True)
    qtbot.addWidget(dialog)
    assert dialog.target.value() is offered
    assert dialog.on.maximumDate() == to_qdate(today())  # no day after today is offered
    assert dialog.closure_reason.value() is None  # no outcome is chosen for the coach


def test_the_latest_move_is_corrected_from_the_workspace(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    c = client()
    start = today() - timedelta(days=300)
    add_client(vault, c, on=start)
    save_record(vault, agreement(c.id, start))
    save_record(vault, signed_consent(c.id, start))
    advance_phase(vault, c.id, Phase.MAPPING, today())  # meant to be 300 days ago
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    workspace = window.work.open_client(c.id)
    assert workspace is not None
    qtbot.mouseClick(workspace.findChild(QPushButton, "correctMoveButton"), Qt.MouseButton.LeftButton)
    dialog = workspace.findChildren(CorrectMoveDialog)[-1]
    dialog.on.setDate(to_qdate(start + timedelta(days=1)))
    assert not dialog.save() and "reason" in take_error()  # the reason is kept: it must be given
    dialog.reason.setText("wrong date")
    assert dialog.save()
    assert workspace.file.client.phase_since == start + timedelta(days=1)
    assert "299 days in this phase" in workspace.status_label.text()
    undo = workspace.open_correct_dialog()
    assert undo is not None
    undo.undo_choice.setChecked(True)
    undo.reason.setText("not yet")
    assert undo.save()
    assert workspace.file.client.phase is Phase.INTAKE
    assert not workspace.correct_button.isVisible()  # the start of the service is not a move to undo
    workspace.stepper.show("timeline")
    texts = [workspace.timeline.item(i).text() for i in range(workspace.timeline.count())]
    assert any("undone" in t and "not yet" in t for t in texts)
