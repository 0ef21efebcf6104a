"""Exporting a list on view (clients, the due list, the employer-contact log) to .xlsx or .csv: the file is
chosen, the coach is told it is not encrypted (as when saving a PDF), then it is written once, atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tyokykyapp.i18n import _
from tyokykyapp.sheets.exporting import Table, write_table
from tyokykyapp.vault import Vault
from ui.dialogs.ask import Answer, ask
from ui.dialogs.files import choose_save_path
from ui.operations import Operations

SHEET_FILTER = "Excel (*.xlsx);;CSV (*.csv)"


def export_sheet(parent: QWidget, ops: Operations, suggested: str, make_table: Callable[[Vault], Table]) -> None:
    """Ask where to save, warn that the file is not encrypted, then write what `make_table` gives."""

    def chosen(path: Path) -> None:
        ask(
            parent,
            _("Not encrypted"),
            _("This list names clients. A spreadsheet file is an ordinary, unencrypted file. Save it anyway?"),
            lambda answer: write(path) if answer == Answer.Yes else None,
            (Answer.Yes, Answer.No),
            default=Answer.No,
        )

    def write(path: Path) -> None:
        ops.call(lambda vault: write_table(path, make_table(vault)))

    choose_save_path(parent, _("Export to a spreadsheet"), suggested, SHEET_FILTER, chosen)
