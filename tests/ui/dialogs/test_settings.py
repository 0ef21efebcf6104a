"""Settings: the organisation's details as the controller, set once and printed on the privacy notice."""

from __future__ import annotations

from pathlib import Path

import shiboken6
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


def test_the_organisations_fields_have_room(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    """Long labels sit above their fields: no field is squeezed to a few characters beside a long label."""
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    dialog = SettingsDialog(window.prefs, window.ops, window)
    dialog.tabs.setCurrentIndex(2)
    dialog.show()
    field = dialog.findChild(QLineEdit, "organisation_legal_basis")
    qtbot.waitUntil(field.isVisible)
    assert field.width() > dialog.width() // 2
    dialog.discard()


def test_text_size_and_auto_lock_apply_when_saved(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QComboBox

    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    before = QApplication.font().pointSizeF()
    dialog = window.work.open_settings()  # type: ignore[union-attr]
    size = dialog.findChild(QComboBox, "setting_text_size")
    size.setCurrentIndex(size.findData(200))
    dialog.findChild(QSpinBox, "setting_auto_lock_minutes").setValue(15)
    assert dialog.save()
    qtbot.waitUntil(lambda: QApplication.font().pointSizeF() == before * 2)
    assert window.auto_lock.interval() == 15 * 60_000
    assert window.work is not None  # the screens were made again at the new size, the vault still open
    window.prefs.set("text_size", 100)
    window.apply_preferences()


def test_the_passphrase_is_changed_only_with_the_current_one(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    from tests.helpers.vaults import NEW_PASSPHRASE, PASSPHRASE
    from tyokykyapp.vault import Vault
    from ui.dialogs.change_passphrase import ChangePassphraseDialog

    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    dialog = SettingsDialog(window.prefs, window.ops, window)
    changing = dialog.change_passphrase()
    assert isinstance(changing, ChangePassphraseDialog)
    changing.new.first.setText(NEW_PASSPHRASE)
    changing.new.second.setText(NEW_PASSPHRASE)
    changing.current.setText("tämä ei ole se oikea")
    changing.change()
    qtbot.waitUntil(lambda: not window.ops.busy and changing.message.text() != "", timeout=20_000)
    assert "Wrong passphrase" in changing.message.text()
    changing.current.setText(PASSPHRASE)
    changing.change()
    qtbot.waitUntil(lambda: not window.ops.busy and not shiboken6.isValid(changing), timeout=20_000)  # closed
    dialog.discard()
    window.lock()
    Vault.unlock(vault_folder, passphrase=NEW_PASSPHRASE).close()
