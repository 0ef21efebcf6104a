from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers.gui import last_dialog, set_field, take_error, unlocked_new_vault
from tyokykyapp.domain import Employer
from ui.app import MainWindow
from ui.dialogs.history import HistoryDialog
from ui.screens.employers import EmployersScreen


def employers_screen(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> tuple[MainWindow, EmployersScreen]:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    window.work.show_section(window.work.employers)
    return window, window.work.employers


def test_register_an_employer_log_a_contact_and_see_it_by_week(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    window, screen = employers_screen(qtbot, vault_folder, tmp_path)
    qtbot.mouseClick(screen.findChild(QPushButton, "newEmployerButton"), Qt.MouseButton.LeftButton)
    dialog = last_dialog(screen)
    set_field(dialog, "name", "Kiinteistöhuolto Satama Oy")
    set_field(dialog, "sector", "kiinteistönhoito")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert screen.list.count() == 1
    screen.list.setCurrentRow(0)
    qtbot.mouseClick(screen.findChild(QPushButton, "logContactButton"), Qt.MouseButton.LeftButton)
    contact = last_dialog(screen)
    set_field(contact, "purpose", "työkokeilupaikan kysely")
    qtbot.mouseClick(contact.save_button, Qt.MouseButton.LeftButton)
    week = date.today().isocalendar()[1]
    top = screen.log.topLevelItem(0)
    assert f"Week {week}/" in top.text(0) and top.child(0).text(1) == "Kiinteistöhuolto Satama Oy"
    # Editing keeps the previous version, and the history shows both.
    employer = screen.employers[0]
    assert isinstance(employer, Employer)
    employer.phone = "09 123 4567"
    window.ops.require_vault().repo.save(employer)
    screen.list.setCurrentRow(0)
    qtbot.mouseClick(screen.findChild(QPushButton, "employerHistoryButton"), Qt.MouseButton.LeftButton)
    history = screen.findChildren(HistoryDialog)[-1]
    assert history.versions.count() == 2
    history.versions.setCurrentRow(0)
    assert "09 123 4567" not in history.text.toPlainText()
    history.versions.setCurrentRow(1)
    assert "09 123 4567" in history.text.toPlainText()


def test_a_contact_without_an_employer_is_refused_with_a_message(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    window = unlocked_new_vault(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.employers
    qtbot.mouseClick(screen.findChild(QPushButton, "logContactButton"), Qt.MouseButton.LeftButton)
    contact = last_dialog(screen)
    qtbot.mouseClick(contact.save_button, Qt.MouseButton.LeftButton)
    assert contact.isVisible() and "Choose the employer" in take_error()


def test_the_business_id_is_typed_and_checked_and_the_log_names_the_employer(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    _window, screen = employers_screen(qtbot, vault_folder, tmp_path)
    dialog = screen.new_employer()
    business_id = dialog.form.editors["business_id"].widget
    assert isinstance(business_id, QLineEdit)  # typed, never a drop-down of the register
    set_field(dialog, "name", "Kahvila Kulma Oy")
    set_field(dialog, "business_id", "0112038-8")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "check digit" in take_error()
    set_field(dialog, "business_id", "0112038-9")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    screen.list.setCurrentRow(0)
    contact = screen.log_contact()
    assert contact.form.editors["employer_id"].widget.currentText() == "Kahvila Kulma Oy"
    set_field(contact, "purpose", "Työmahdollisuuksien kartoitus\nToinen rivi")
    qtbot.mouseClick(contact.save_button, Qt.MouseButton.LeftButton)
    row = screen.log.topLevelItem(0).child(0)
    assert row.text(1) == "Kahvila Kulma Oy" and row.text(2) == "Työmahdollisuuksien kartoitus"
