"""Searching and filtering the client list, and a 10,000-client caseload."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.helpers.factories import client
from tests.helpers.gui import unlocked_window
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.demo import generate_caseload
from tyokykyapp.domain import Meeting, Phase
from tyokykyapp.services import Changes, add_client, mark_handed_over, save_record
from tyokykyapp.vault import Vault
from ui.models.client_list_model import PAGE
from ui.screens.client_list import HANDED_OVER


def test_search_finds_a_word_from_a_meeting_note(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    generate_caseload(vault, 30, seed=9)
    target = client(family_name="Lindqvist", given_names="Ebba")
    add_client(vault, target)
    save_record(vault, Meeting(client_id=target.id, on=date.today(), notes="Kävimme tutustumassa trukkikoulutukseen"))
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.clients
    window.work.show_section(screen)
    qtbot.keyClicks(screen.search, "trukkikoul")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=3000)
    assert screen.model.client_id(0) == target.id
    assert "1 client" in screen.count.text()
    screen.search.clear()
    # Everyone again, but for the clients whose service has ended (left out unless asked for).
    open_clients = window.ops.query(lambda vault: vault.repo.count_clients(closed=False))
    qtbot.waitUntil(lambda: screen.model.total == open_clients, timeout=3000)


def test_caseload_click_filters_the_list(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    generate_caseload(vault, 40, seed=4)
    in_job_search = vault.repo.count_clients(phase=Phase.JOB_SEARCH)
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    window.work.today.filter_requested.emit(Phase.JOB_SEARCH, None)
    assert window.work.content.currentWidget() is window.work.clients
    assert window.work.clients.model.total == in_job_search > 0


def test_ten_thousand_clients_open_without_a_widget_per_row(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    with vault.transaction() as repo:
        for n in range(10_000):
            repo.save_in_transaction(client(family_name=f"Asiakas{n:05d}", given_names="Testi"))
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.clients
    window.work.show_section(screen)
    assert screen.model.total == 10_000
    assert screen.model.rowCount() == PAGE  # one page loaded, the rest fetched on scrolling
    assert "10000" in screen.count.text().replace(",", "").replace("\u00a0", "")
    assert len(QApplication.allWidgets()) < 2_000
    screen.view.scrollToBottom()
    QApplication.processEvents()
    assert PAGE < screen.model.rowCount() < 10_000


def test_opening_a_client_puts_it_first_in_recently_opened(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    # Two of the same name are told apart by their dates of birth.
    first, second = client(date_of_birth=date(1980, 2, 1)), client(date_of_birth=date(1992, 12, 24))
    add_client(vault, first)
    add_client(vault, second)
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    window.work.open_client(first.id)
    window.work.open_client(second.id)
    recent = window.work.today.recent
    assert [recent.item(i).text() for i in range(recent.count())] == [
        "Virtanen, Aino (b. 24.12.1992)",
        "Virtanen, Aino (b. 1.2.1980)",
    ]


def test_today_catches_up_with_changes_when_shown_again(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    from datetime import timedelta

    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    c = client(family_name="Nieminen")
    add_client(vault, c, on=date.today() - timedelta(days=3))  # intake, no meeting booked: due
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    today = window.work.today
    assert today.due_model.rowCount() == 1
    window.work.open_client(c.id)
    save_record(window.ops.require_vault(), Meeting(client_id=c.id, on=date.today() + timedelta(days=2)))
    window.ops.changed.emit(Changes.of(c.id, "meeting"))
    window.work.show_section(today)
    assert today.due_model.rowCount() == 0


def test_keyboard_tab_leaves_the_tables_and_down_or_enter_in_search_reaches_the_results(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    generate_caseload(vault, 12, seed=6)
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen = window.work.clients
    window.work.show_section(screen)
    screen.search.setFocus()
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is screen.view and screen.view.currentIndex().row() == 0
    qtbot.keyClick(screen.view, Qt.Key.Key_Tab)  # one Tab leaves the table, not the next cell
    assert QApplication.focusWidget() is not screen.view
    screen.search.setFocus()
    qtbot.keyClicks(screen.search, screen.model.data(screen.model.index(3, 0)).split(",")[0])
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is screen.view and screen.view.selectionModel().selectedRows()
    due = window.work.today.due_view
    assert not due.tabKeyNavigation() and not screen.view.tabKeyNavigation()


def test_clients_handed_over_are_found_by_their_own_filter(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    generate_caseload(vault, 10, seed=6)
    gone = vault.repo.clients()[0]
    mark_handed_over(vault, [gone.id], "Maija")
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.clients
    screen.show_closed.setChecked(True)
    assert screen.model.total == 9
    screen.phase.select(HANDED_OVER)
    assert screen.model.total == 1 and screen.model.client_id(0) == gone.id
    grid = window.work.today.caseload_grid
    phases = [r for r in range(grid.rowCount()) if grid.itemAtPosition(r, 0).widget().objectName().endswith("_all")]
    assert sum(int(grid.itemAtPosition(r, 1).widget().text()) for r in phases) == 9  # Today counts the other 9


def test_search_text_with_a_nul_character_is_handled(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    add_client(vault, client(family_name="Lindqvist", given_names="Ebba"))
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.clients
    screen.search.setText("Lindq\x00")
    screen.apply_filter()
    assert screen.model.total == 1


def test_closed_hidden_sorting_born_and_why_found(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    makela = client(family_name="Mäkelä", given_names="Elina", date_of_birth=date(1984, 5, 6))
    ended = client(family_name="Aalto", given_names="Ville")
    noted = client(family_name="Berg", given_names="Eeva", notes="Haluaa kokeilla trukkikorttia keväällä.")
    for person in (makela, ended, noted):
        add_client(vault, person)
    vault.repo.save(replace(vault.repo.get(type(ended), ended.id), phase=Phase.CLOSED))
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.clients
    window.work.show_section(screen)
    model = screen.model

    def rows(column: str = "name") -> list[str]:
        index = [key for key, _order in model.columns].index(column)
        return [model.data(model.index(row, index)) for row in range(model.rowCount())]

    assert rows() == ["Berg, Eeva", "Mäkelä, Elina"]  # the ended service is left out
    assert rows("born") == ["", "6.5.1984"]
    screen.show_closed.setChecked(True)
    assert rows() == ["Aalto, Ville", "Berg, Eeva", "Mäkelä, Elina"]
    screen.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert rows() == ["Mäkelä, Elina", "Berg, Eeva", "Aalto, Ville"]
    screen.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    screen.search.setText("trukki")
    screen.apply_filter()
    assert rows() == ["Berg, Eeva"] and rows("why") == ["Haluaa kokeilla trukkikorttia keväällä."]
    assert not screen.view.isColumnHidden(len(model.columns) - 1) and not screen.note.isVisible()
    screen.search.setText("makela")  # typed without the accents
    screen.apply_filter()
    assert rows() == ["Mäkelä, Elina"] and screen.note.isVisible() and "accents" in screen.note.text()
    screen.search.clear()
    screen.apply_filter()
    assert screen.view.isColumnHidden(len(model.columns) - 1) and not screen.note.isVisible()
