"""Today as the morning view: the day's line, the week's meetings above what is due, and their printed list."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.helpers.factories import client
from tests.helpers.gui import unlocked_window
from tests.helpers.pdf import text_of
from tests.helpers.vaults import PASSPHRASE
from tyokykyapp.domain import Meeting
from tyokykyapp.services import add_client, save_record
from tyokykyapp.vault import Vault
from ui.widgets.pdf_preview import PdfPreviewDialog


def test_the_weeks_meetings_and_their_list_without_notes(qtbot: QtBot, vault_folder: Path, tmp_path: Path) -> None:
    today = date.today()
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    aino, eero = client(given_names="Aino"), client(given_names="Eero", family_name="Berg")
    add_client(vault, aino)
    add_client(vault, eero)
    save_record(vault, Meeting(client_id=aino.id, on=today, start_time=time(9, 30), place="Ohjaamo", notes="SALAISTA"))
    save_record(
        vault,
        Meeting(
            client_id=eero.id,
            on=today - timedelta(days=7),
            notes="Ei tulosteeseen",
            next_meeting_on=today + timedelta(days=2),
            next_meeting_time=time(13),
            next_meeting_place="kirjasto",
        ),
    )
    vault.close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    assert window.work is not None
    screen = window.work.today
    assert screen.summary.text().startswith("1 meeting today")
    rows = [[screen.agenda.topLevelItem(i).text(c) for c in range(3)] for i in range(screen.agenda.topLevelItemCount())]
    texts = [" | ".join(row) for row in rows]
    assert texts[0].startswith("Today")
    assert texts[1] == "9.30 | Virtanen, Aino | Ohjaamo"
    assert "13.00 | Berg, Eero | kirjasto" in texts
    # The agenda comes before what is due on the page.
    assert screen.findChild(type(screen.agenda), "agendaList").mapTo(screen, screen.agenda.rect().topLeft()).y() < (
        screen.due_view.mapTo(screen, screen.due_view.rect().topLeft()).y()
    )
    preview = screen.print_list(7)
    assert isinstance(preview, PdfPreviewDialog)
    qtbot.waitUntil(lambda: preview.ready, timeout=30_000)
    printed = text_of(preview.pdf)
    assert "Virtanen, Aino" not in printed and "Aino Virtanen" in printed and "kirjasto" in printed
    assert "SALAISTA" not in printed and "Ei tulosteeseen" not in printed
    preview.accept()


def test_at_large_text_the_side_column_goes_below_and_the_lists_get_the_whole_width(
    qtbot: QtBot, vault_folder: Path, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication, QBoxLayout

    Vault.create(vault_folder, PASSPHRASE)[0].close()
    window = unlocked_window(qtbot, vault_folder, tmp_path)
    window.resize(1366, 768)
    window.show()
    assert window.work is not None
    today = window.work.today
    QApplication.processEvents()
    assert today.body.direction() is QBoxLayout.Direction.LeftToRight
    window.prefs.set("text_size", 200)
    window.apply_preferences()
    QApplication.processEvents()
    assert today.body.direction() is QBoxLayout.Direction.TopToBottom
    assert today.due_view.width() > today.width() * 0.8
