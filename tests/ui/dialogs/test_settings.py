"""Settings: the organisation's details as the controller, set once and printed on the privacy notice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from tests.helpers.gui import unlocked_new_vault
from tyokykyapp.services import coach_details, organisation_details
from ui.dialogs.settings import SettingsDialog


def test_the_organisations_details_are_saved_with_the_coachs(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    dialog = SettingsDialog(window.prefs, window.ops, window)
    dialog.findChild(QLineEdit, "coach_organisation").setText("Vaasan kaupunki")
    dialog.findChild(QLineEdit, "organisation_data_protection_officer").setText("tietosuoja@vaasa.fi")
    dialog.findChild(QLineEdit, "organisation_address").setText("PL 3, 65101 Vaasa")
    retention = dialog.findChild(QSpinBox, "organisation_retention_years")
    assert retention.value() == 10
    retention.setValue(12)
    assert dialog.save()
    vault = window.ops.require_vault()
    assert coach_details(vault).organisation == "Vaasan kaupunki"
    saved = organisation_details(vault)
    assert saved.data_protection_officer == "tietosuoja@vaasa.fi" and saved.address == "PL 3, 65101 Vaasa"
    assert saved.retention_years == 12
    again = SettingsDialog(window.prefs, window.ops, window)
    assert again.findChild(QSpinBox, "organisation_retention_years").value() == 12
    again.discard()
