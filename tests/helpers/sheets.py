"""Spreadsheet files for import tests, written by real libraries (openpyxl for .xlsx, odfpy for .ods, csv)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook

Rows = Sequence[Sequence[object]]


def write_xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def _ods_cell(value: object) -> TableCell:
    if value is None or value == "":
        return TableCell()
    if isinstance(value, date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
        cell.addElement(P(text=value.isoformat()))
    elif isinstance(value, int | float):
        cell = TableCell(valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
    else:
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=str(value)))
    return cell


def write_ods(path: Path, sheets: dict[str, Rows]) -> Path:
    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(value))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def write_csv(path: Path, rows: Rows, *, encoding: str = "utf-8-sig", delimiter: str = ";") -> Path:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    for row in rows:
        writer.writerow(
            ["" if v is None else (f"{v.day}.{v.month}.{v.year}" if isinstance(v, date) else v) for v in row]
        )
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def rewrite_member(
    path: Path, member: str, change: Callable[[bytes], bytes], extra: dict[str, bytes] | None = None
) -> None:
    """Rewrite one member of a zip file (to craft a hostile workbook from a sound one)."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            target.writestr(info.filename, change(data) if info.filename == member else data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
