"""Every screen and dialog of the app, opened one at a time over an unlocked main window: the stops that the
layout and accessibility tests check and that docs/screenshots/make.py photographs."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tyokykyapp.domain import Phase
from ui.app import MainWindow
from ui.work_area import WorkArea

Stop = Callable[["Tour"], QWidget]
STOPS: dict[str, Stop] = {}


def stop(name: str) -> Callable[[Stop], Stop]:
    def register(make: Stop) -> Stop:
        STOPS[name] = make
        return make

    return register


def settle() -> None:
    for _round in range(5):
        QApplication.processEvents()


class Tour:
    """Goes to each stop over `window`; `unlock` opens the vault again when a stop has locked it, and
    `empty_folder` is where the first run is shown (no vault there)."""

    def __init__(self, window: MainWindow, unlock: Callable[[MainWindow], None], empty_folder: Path) -> None:
        self.window, self._unlock, self.empty_folder = window, unlock, empty_folder

    @property
    def work(self) -> WorkArea:
        if self.window.work is None:
            self.window.folder = self.window.home_folder
            self.window.show_entry_screen()
            self._unlock(self.window)
            settle()
        assert self.window.work is not None
        return self.window.work

    def client_in(self, phase: Phase) -> str:
        found = self.window.ops.query(lambda vault: vault.repo.clients(phase=phase, limit=1))
        assert found, f"no client in {phase}"
        return found[0].id

    def visit(self, name: str) -> QWidget:
        shown = STOPS[name](self)
        settle()
        return shown

    def leave(self) -> None:
        """Close every dialog the stop opened (without asking: nothing typed matters here)."""
        for dialog in reversed(self.window.findChildren(QDialog)):
            if dialog.isVisible():
                dialog.done(0)
        settle()


@stop("unlock")
def _unlock(tour: Tour) -> QWidget:
    tour.work  # noqa: B018 - unlocked first, so that locking shows the unlock screen
    tour.window.lock()
    deadline = time.monotonic() + 30
    while tour.window.work is not None and time.monotonic() < deadline:  # locking waits for the day's backup
        QApplication.processEvents()
        time.sleep(0.01)
    return tour.window


@stop("welcome")
def _welcome(tour: Tour) -> QWidget:
    tour.window.lock()
    tour.window.folder = tour.empty_folder
    tour.window.show_entry_screen()
    return tour.window


def _section(name: str) -> Stop:
    def make(tour: Tour) -> QWidget:
        tour.work.show_section(getattr(tour.work, name))
        return tour.window

    return make


for _name in ("today", "clients", "employers", "bin"):
    stop(_name)(_section(_name))


@stop("reports")
def _reports(tour: Tour) -> QWidget:
    tour.work.show_section(tour.work.reports)
    deadline = time.monotonic() + 60
    while (tour.window.ops.busy or tour.work.reports.report is None) and time.monotonic() < deadline:
        QApplication.processEvents()  # the report is counted on a worker thread
        time.sleep(0.01)
    return tour.window


@stop("client-search")
def _client_search(tour: Tour) -> QWidget:
    work = tour.work
    work.show_section(work.clients)
    work.clients.search.setText("valmen")
    work.clients.apply_filter()
    return tour.window


def _workspace(phase: Phase) -> Stop:
    def make(tour: Tour) -> QWidget:
        tour.work.open_client(tour.client_in(phase))
        return tour.window

    return make


for _phase in (Phase.MAPPING, Phase.JOB_SEARCH, Phase.SUPPORT, Phase.MAINTENANCE, Phase.CLOSED):
    stop(f"workspace-{_phase.value.replace('_', '-')}")(_workspace(_phase))


@stop("timeline")
def _timeline(tour: Tour) -> QWidget:
    workspace = tour.work.open_client(tour.client_in(Phase.SUPPORT))
    assert workspace is not None
    workspace.stepper.show("timeline")
    return tour.window


@stop("settings")
def _settings(tour: Tour) -> QWidget:
    return tour.work.open_settings()


@stop("settings-security")
def _settings_security(tour: Tour) -> QWidget:
    dialog = tour.work.open_settings()
    dialog.tabs.setCurrentIndex(1)
    return dialog


@stop("settings-details")
def _settings_details(tour: Tour) -> QWidget:
    dialog = tour.work.open_settings()
    dialog.tabs.setCurrentIndex(2)
    return dialog


@stop("change-passphrase")
def _change_passphrase(tour: Tour) -> QWidget:
    return tour.work.open_settings().change_passphrase()


@stop("backups")
def _backups(tour: Tour) -> QWidget:
    from ui.backup_ops import open_backups

    return open_backups(tour.work.open_settings())


@stop("restore")
def _restore(tour: Tour) -> QWidget:
    from ui.backup_ops import open_restore

    tour.work  # noqa: B018 - unlocked, so that the list knows which vault its backups belong to
    return open_restore(tour.window)


@stop("erase")
def _erase(tour: Tour) -> QWidget:
    from ui.dialogs import open_dialog
    from ui.dialogs.erase import EraseDialog

    return open_dialog(EraseDialog(tour.work.ops, tour.window))


@stop("meeting")
def _meeting(tour: Tour) -> QWidget:
    workspace = tour.work.open_client(tour.client_in(Phase.JOB_SEARCH))
    assert workspace is not None
    dialog = workspace.add_record("meeting")
    assert dialog is not None
    return dialog


@stop("new-client")
def _new_client(tour: Tour) -> QWidget:
    return tour.work.new_client()


@stop("phase-move")
def _phase_move(tour: Tour) -> QWidget:
    workspace = tour.work.open_client(tour.client_in(Phase.MAPPING))
    assert workspace is not None
    return workspace.open_move_dialog()


@stop("closure")
def _closure(tour: Tour) -> QWidget:
    workspace = tour.work.open_client(tour.client_in(Phase.MAINTENANCE))
    assert workspace is not None
    dialog = workspace.open_move_dialog()
    dialog.target.select(Phase.CLOSED)
    return dialog


@stop("episode")
def _episode(tour: Tour) -> QWidget:
    workspace = tour.work.open_client(tour.client_in(Phase.JOB_SEARCH))
    assert workspace is not None
    dialog = workspace.edit(workspace.file.episodes[-1])
    assert dialog is not None
    return dialog


@stop("history")
def _history(tour: Tour) -> QWidget:
    workspace = tour.work.open_client(tour.client_in(Phase.JOB_SEARCH))
    assert workspace is not None
    from ui.dialogs.history import HistoryDialog

    workspace.show_history(workspace.file.client)
    return tour.window.findChildren(HistoryDialog)[-1]


@stop("choose-client")
def _choose_client(tour: Tour) -> QWidget:
    tour.work.show_section(tour.work.today)
    shown = tour.work.new_meeting_anywhere()
    assert shown is not None
    return shown


@stop("hand-over")
def _hand_over(tour: Tour) -> QWidget:
    return tour.work.open_export([tour.client_in(Phase.SUPPORT)])


@stop("import")
def _import(tour: Tour) -> QWidget:
    return tour.work.open_import()


def _sheet_import_at(tour: Tour, page: str) -> QWidget:
    """The spreadsheet import at its columns or its check page, over a small workbook with one bad row."""
    from datetime import date

    from tests.helpers.sheets import write_xlsx
    from tyokykyapp.sheets.importing import choose_sheets, plan_import
    from tyokykyapp.sheets.reading import read_workbook

    path = tour.empty_folder.parent / "tour-caseload.xlsx"
    rows = [
        ["Sukunimi", "Etunimi", "Aloituspäivä", "Lähettäjä", "Vaihe", "Kengännumero"],
        ["Virtanen", "Aino", date(2024, 2, 1), "TYP Itä-Helsinki", "työnhaku", 38],
        ["Korhonen", "Matti", date(2024, 3, 1), "Naapurin Pertti", "tuki", 44],
        ["Mäkinen", "Liisa", "huomenna", "Kela", None, None],
    ]
    jobs = [
        ["Sukunimi", "Etunimi", "Laji", "Alkoi", "Työnantaja"],
        ["Korhonen", "Matti", "työkokeilu", date(2024, 6, 1), "Oy Ab"],
    ]
    write_xlsx(path, {"Asiakkaat": rows, "Työsuhteet": jobs})
    dialog = tour.work.open_sheet_import()
    book = read_workbook(path)
    dialog._read((book, None))
    if page == "check":
        plan = tour.window.ops.query(lambda vault: plan_import(vault, *choose_sheets(book)))
        assert plan is not None
        dialog._checked(plan)
    return dialog


@stop("sheet-import")
def _sheet_import(tour: Tour) -> QWidget:
    return tour.work.open_sheet_import()


@stop("sheet-import-columns")
def _sheet_import_columns(tour: Tour) -> QWidget:
    return _sheet_import_at(tour, "columns")


@stop("sheet-import-check")
def _sheet_import_check(tour: Tour) -> QWidget:
    return _sheet_import_at(tour, "check")


@stop("about")
def _about(tour: Tour) -> QWidget:
    from ui.dialogs.about import AboutDialog

    tour.work.open_about()
    return tour.window.findChildren(AboutDialog)[-1]
