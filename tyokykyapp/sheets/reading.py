"""Reading a spreadsheet file someone else made: .xlsx and .ods through python-calamine, .csv through the
standard library. Every file is hostile until checked: its size, its zip members (sizes and compression
ratio) and its sheets' extent are bounded BEFORE the reader builds anything, because calamine allocates a
sheet's whole extent at once (a two-cell workbook claiming cell XFD1048576 aborts the process). Formula
cells give the value the file stored, never evaluated; links to other workbooks are never followed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import IO
from xml.etree import ElementTree
from xml.parsers import expat

import python_calamine

from tyokykyapp.domain import UserError
from tyokykyapp.i18n import _

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all zip members together
MAX_MEMBERS = 1000
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_ROWS = 50_000  # per sheet
MAX_COLUMNS = 200
MAX_SHEETS = 50

Cell = str | float | int | bool | date | datetime | time | timedelta | None


class SheetRefused(UserError):
    """A file that is not a spreadsheet this app reads, or too large or too strange to read safely."""


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[Cell]]
    hidden: bool = False  # hidden in the workbook: never taken for the sheet of clients unless named


@dataclass(frozen=True)
class Workbook:
    sheets: list[Sheet]

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise SheetRefused(_("The file has no sheet named {name}.").format(name=name))


def read_workbook(path: Path) -> Workbook:
    """The sheets of an .xlsx, .ods or .csv file; SheetRefused says in one line why not."""
    data = _read_bounded(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return Workbook([Sheet(path.stem, _csv_rows(data))])
    if data.startswith(_OLE_SIGNATURE):
        # An encrypted .xlsx (or an old .xls) is an OLE compound file, not a zip.
        raise SheetRefused(_("The file is protected with a password or in the old .xls format: save a copy as .xlsx."))
    if suffix in (".xlsx", ".xlsm", ".ods"):
        _check_archive(data, ods=suffix == ".ods")
        return _calamine_workbook(data)
    raise SheetRefused(_("Choose an .xlsx, .ods or .csv file."))


def _read_bounded(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise SheetRefused(_("The file {name} could not be read.").format(name=path.name)) from None
    if len(data) > MAX_FILE_BYTES:
        raise SheetRefused(_("The file is larger than {mb} MB: split it or remove what is not needed.").format(mb=20))
    return data


def _too_large() -> SheetRefused:
    return SheetRefused(
        _("The sheet is larger than {rows} rows or {columns} columns: split it or remove what is not needed.").format(
            rows=MAX_ROWS, columns=MAX_COLUMNS
        )
    )


def _not_readable() -> SheetRefused:
    return SheetRefused(_("The file is damaged or not a spreadsheet."))


# --- zip workbooks ---------------------------------------------------------------------------------------

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _check_archive(data: bytes, *, ods: bool) -> None:
    """Refuse a zip whose members would unpack too large (a zip bomb), or whose sheets reach further than
    MAX_ROWS x MAX_COLUMNS, before any reader unpacks it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _not_readable() from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            raise _too_large()
        for member in members:
            if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise _too_large()
        sheets = ["content.xml"] if ods else [m.filename for m in members if _is_worksheet(m.filename)]
        if len(sheets) > MAX_SHEETS:
            raise _too_large()
        try:
            for name in sheets:
                with archive.open(name) as stream:
                    (_scan_ods if ods else _scan_xlsx)(stream)
        except (KeyError, ElementTree.ParseError, expat.ExpatError, zipfile.BadZipFile, OSError, ValueError):
            raise _not_readable() from None


def _is_worksheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml") and name.count("/") == 2


def _column_number(reference: str) -> int:
    number = 0
    for ch in reference:
        if not ch.isalpha():
            break
        number = number * 26 + ord(ch.upper()) - 64
    return number


def _scan_xlsx(stream: IO[bytes]) -> None:
    """The sheet's real extent from its rows' and cells' own references (a sheet's <dimension> may lie; a
    cell without a reference follows the one before it). expat calls back for start tags only: building
    the element tree of a 1,000-row sheet took longer than reading it."""
    position = {"row": 0, "column": 0}

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = name.rpartition(" ")[2]
        if tag == "row":
            position["row"] = int(attributes.get("r") or position["row"] + 1)
            position["column"] = 0
        elif tag == "c":
            reference = attributes.get("r", "")
            letters = reference.rstrip("0123456789")
            if reference:
                position["column"] = _column_number(letters)
                position["row"] = max(position["row"], int(reference[len(letters) :] or 0))
            else:
                position["column"] += 1
            if position["row"] > MAX_ROWS or position["column"] > MAX_COLUMNS:
                raise _too_large()

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.ParseFile(stream)


def _scan_ods(stream: IO[bytes]) -> None:
    """Rows and cells repeat by count in ODS (LibreOffice ends every sheet with ~a million empty rows):
    only how far cells with content reach counts."""
    rows_seen = 0
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        if event == "start" and element.tag == f"{_TABLE}table":
            rows_seen = 0
        elif event == "end" and element.tag == f"{_TABLE}table-row":
            repeat = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
            reach = 0
            column = 0
            for cell in element:
                count = int(cell.get(f"{_TABLE}number-columns-repeated", "1"))
                column += count
                if cell.get(f"{_OFFICE}value-type") or len(cell):
                    reach = column
            if reach:
                rows_seen += repeat
                if rows_seen > MAX_ROWS or reach > MAX_COLUMNS:
                    raise _too_large()
            else:
                rows_seen += min(repeat, 1)
            element.clear()


def _calamine_workbook(data: bytes) -> Workbook:
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in book.sheets_metadata[:MAX_SHEETS]:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue  # chart sheets and the like hold no rows
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
            sheets.append(Sheet(meta.name, [list(row) for row in rows[: MAX_ROWS + 1]], hidden))
        return Workbook(sheets)
    except (python_calamine.PasswordError, python_calamine.CalamineError, ValueError, OSError):
        raise _not_readable() from None


# --- CSV ---------------------------------------------------------------------------------------------------


def _decoded(data: bytes) -> str:
    """UTF-8 (with or without the byte-order mark Excel writes), else Windows-1252 (Finnish Excel's "CSV")."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise SheetRefused(_("The file is not text in UTF-8 or Windows-1252: save it again as CSV.")) from None


def _delimiter(text: str) -> str:
    """`;` (Finnish and Swedish Excel) or `,`, whichever the first lines use."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,").delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        return ";" if first.count(";") >= first.count(",") else ","


def _csv_rows(data: bytes) -> list[list[Cell]]:
    if b"\x00" in data:
        raise _not_readable()
    text = _decoded(data)
    rows: list[list[Cell]] = []
    try:
        # csv's own field size limit (128 KiB) bounds a single cell.
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)):
            if len(row) > MAX_COLUMNS or len(rows) >= MAX_ROWS + 1:
                raise _too_large()
            rows.append(list(row))
    except csv.Error:
        raise _not_readable() from None
    return rows
