"""A spreadsheet cell read as the value a column needs: text, a date, a number. A cell that cannot be read
raises CellError with the plain reason the validation report shows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from openpyxl.utils.datetime import from_excel

from tyokykyapp.domain.dates import DateNotUnderstood, DateRange, format_date, parse_date
from tyokykyapp.i18n import _
from tyokykyapp.sheets.reading import Cell

# Excel's serial day numbers: a date cell whose date format was lost reads as one of these.
_SERIAL_DAYS = (1, 2_958_465)
# CSV export prefixes these with ' so that a spreadsheet program never runs a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")


class CellError(ValueError):
    pass


def cell_text(cell: Cell) -> str:
    """The cell as text: numbers without a trailing .0, dates as 1.2.2026, CSV's formula guard removed."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return format_date(cell.date())
    if isinstance(cell, date):
        return format_date(cell)
    text = str(cell).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def cell_date(cell: Cell, span: DateRange) -> date | None:
    """None for an empty cell; a date cell as it is; text as people write dates (31.12.2026, 2026-12-31)."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool) and _SERIAL_DAYS[0] <= cell <= _SERIAL_DAYS[1]:
        moment = from_excel(cell)
        return moment.date() if isinstance(moment, datetime) else None
    if isinstance(cell, time | timedelta):
        raise CellError(_("A time, not a date: {text}").format(text=str(cell)))
    text = cell_text(cell)
    if not text:
        return None
    try:
        return parse_date(text, span)
    except DateNotUnderstood:
        raise CellError(_("Not a date: {text} (use e.g. 31.12.2026).").format(text=text)) from None


def cell_number(cell: Cell) -> float | None:
    """None for an empty cell; a number, also written with a decimal comma (20,5)."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    text = cell_text(cell).replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise CellError(_("Not a number: {text}").format(text=text)) from None
