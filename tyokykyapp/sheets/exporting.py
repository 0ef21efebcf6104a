"""Exporting what a screen shows (the client list, the due list, the employer-contact log) to .xlsx or .csv.

The rows are exactly those given (the caller applies the screen's filters); headers are in the app's
language and use the same labels the import recognises, so an exported client list imports back. Dates
are real date cells in .xlsx and 1.2.2026 in .csv (UTF-8 with the byte-order mark Excel needs, `;` as
Finnish Excel writes). A cell beginning like a formula (=, +, -, @) stays text: a spreadsheet program
never runs it. The file is built in memory and written once, atomically: no other file is left behind.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tyokykyapp.domain import Client, EmployerContact, UserError
from tyokykyapp.domain.dates import format_date
from tyokykyapp.domain.fields import field_label
from tyokykyapp.i18n import N_, _
from tyokykyapp.process.due import DueItem
from tyokykyapp.sheets.cells import FORMULA_STARTS
from tyokykyapp.vault import ClientSummary
from tyokykyapp.vault.files import write_atomically

Value = str | date | float | int | None
_MAX_WIDTH = 60
_DATE_FORMAT = "d.m.yyyy"


class ExportWhat(Enum):
    CLIENTS = "clients"
    DUE = "due"
    EMPLOYER_CONTACTS = "employer-contacts"

    @property
    def title(self) -> str:
        titles = {
            "clients": N_("Clients"),
            "due": N_("Due"),
            "employer-contacts": N_("Employer contacts"),
        }
        return _(titles[self.value])


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[Value]]


def clients_table(summaries: Iterable[ClientSummary]) -> Table:
    headers = [
        field_label(Client, name)
        for name in (
            "family_name",
            "given_names",
            "date_of_birth",
            "phase",
            "maintenance_level",
            "phase_since",
            "started_on",
        )
    ]
    rows: list[list[Value]] = [
        [
            s.family_name,
            s.given_names,
            s.date_of_birth,
            s.phase.label,
            s.maintenance_level.label if s.maintenance_level else "",
            s.phase_since,
            s.started_on,
        ]
        for s in summaries
    ]
    return Table(ExportWhat.CLIENTS.title, headers, rows)


def due_table(items: Iterable[DueItem], names: Mapping[str, str]) -> Table:
    headers = [_("Due on"), _("Overdue"), _("What"), _("Client")]
    rows: list[list[Value]] = [
        [item.due_on, _("Yes") if item.overdue else "", item.kind.label, names.get(item.client_id, "")]
        for item in items
    ]
    return Table(ExportWhat.DUE.title, headers, rows)


def employer_contacts_table(
    contacts: Iterable[EmployerContact], employers: Mapping[str, str], clients: Mapping[str, str]
) -> Table:
    names = ("on", "employer_id", "mode", "contact_purpose", "contact_person", "purpose", "outcome")
    headers = [field_label(EmployerContact, name) for name in names] + [_("Client")]
    rows: list[list[Value]] = [
        [
            c.on,
            employers.get(c.employer_id, ""),
            c.mode.label if c.mode else "",
            c.contact_purpose.label if c.contact_purpose else "",
            c.contact_person,
            c.purpose,
            c.outcome,
            clients.get(c.client_id, "") if c.client_id else "",
        ]
        for c in contacts
    ]
    return Table(ExportWhat.EMPLOYER_CONTACTS.title, headers, rows)


def table_bytes(table: Table, suffix: str) -> bytes:
    if suffix == ".xlsx":
        return _xlsx(table)
    if suffix == ".csv":
        return _csv(table)
    raise UserError(_("Choose a file name ending in .xlsx or .csv."))


def write_table(path: Path, table: Table) -> None:
    write_atomically(path, table_bytes(table, path.suffix.lower()))


def _text(value: Value) -> str:
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else str(value)


def _csv(table: Table) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(table.headers)
    for row in table.rows:
        cells = [_text(v) for v in row]
        writer.writerow([f"'{c}" if c.startswith(FORMULA_STARTS) else c for c in cells])
    return out.getvalue().encode("utf-8-sig")


def _sheet_title(title: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\."""
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet"


def _xlsx(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(table.title)
    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(h) for h in table.headers]
    for row in table.rows:
        sheet.append(row)
        for index, value in enumerate(row):
            widths[index] = max(widths[index], len(_text(value)))
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, date):
                cell.number_format = _DATE_FORMAT
            elif isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"  # openpyxl would store it as a formula
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
