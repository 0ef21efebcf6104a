"""The one way dates are read from text, written for people and checked for plausibility.

Coaches type dates the Finnish way (31.12.2026, often 31.12.26); files and the command line use ISO
(2026-12-31). A date is only stored when it falls in the range its field declares: a slip such as year 26
for 2026, or 1901 for 2001, is refused with a message naming the field instead of being saved silently.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum

from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.i18n import N_, _

# Nothing about a living client of this service happened, or was born, before this day.
EARLIEST = date(1900, 1, 1)
# Records of the coaching itself (meetings, consents, jobs during the service) start no earlier than this.
EARLIEST_EVENT = date(1970, 1, 1)
# Supported employment is for people of working age; the youngest clients are in their mid-teens.
YOUNGEST_CLIENT_YEARS = 15
EVENT_YEARS_AHEAD = 2
PLAN_YEARS_AHEAD = 10


class DateRange(Enum):
    """The span a date field may hold (docs/fields.md)."""

    BIRTH = "birth"  # a date of birth: 1900 … fifteen years ago
    EVENT = "event"  # something that happened or is booked soon: 1970 … two years ahead
    PLAN = "plan"  # an agreed future date (review, renewal, valid until, end): 1970 … ten years ahead


class DateNotUnderstood(ValueError):
    """Text that is not a date in any accepted form."""


def today() -> date:
    """The app's one clock for "today" (tests replace it)."""
    return date.today()


def years_from(day: date, years: int) -> date:
    """The same day `years` later (or earlier); 29 February becomes 28 February in a year without one."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def bounds(span: DateRange, on: date | None = None) -> tuple[date, date]:
    """The earliest and latest plausible date of `span`, judged on day `on` (default today)."""
    now = on or today()
    if span is DateRange.BIRTH:
        return EARLIEST, years_from(now, -YOUNGEST_CLIENT_YEARS)
    ahead = EVENT_YEARS_AHEAD if span is DateRange.EVENT else PLAN_YEARS_AHEAD
    return EARLIEST_EVENT, years_from(now, ahead)


def _century_for(day: int, month: int, short_year: int, span: DateRange, now: date) -> date:
    """A two-digit year in the century that makes the date plausible: of 19yy and 20yy the one inside
    the field's range (the later one for a date of birth), else the one nearest today."""
    candidates = []
    for century in (1900, 2000):
        try:
            candidates.append(date(century + short_year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise DateNotUnderstood(f"{day}.{month}.{short_year}")
    low, high = bounds(span, now)
    plausible = [d for d in candidates if low <= d <= high]
    if plausible:
        return max(plausible) if span is DateRange.BIRTH else min(plausible, key=lambda d: abs(d - now))
    return min(candidates, key=lambda d: abs(d - now))


def parse_date(text: str, span: DateRange = DateRange.EVENT, *, on: date | None = None) -> date:
    """A date typed as 31.12.2026, 31.12.26, 31.12.2026. (trailing dot) or 2026-12-31.

    Raises DateNotUnderstood for anything else; the range is checked by `check_date`, not here, so the
    caller can name the field in its message.
    """
    cleaned = text.strip().rstrip(".")
    try:
        if "." in cleaned:
            parts = cleaned.split(".")
            if len(parts) != 3 or not all(p.isdigit() for p in parts):
                raise DateNotUnderstood(text)
            day, month, year = (int(p) for p in parts)
            if len(parts[2]) <= 2:
                return _century_for(day, month, year, span, on or today())
            if len(parts[2]) != 4:
                raise DateNotUnderstood(text)
            return date(year, month, day)
        if len(cleaned) == 10 and cleaned[4] == "-" and cleaned[7] == "-":
            return date.fromisoformat(cleaned)
    except ValueError:
        raise DateNotUnderstood(text) from None
    raise DateNotUnderstood(text)


def format_date(value: date | None, empty: str = "") -> str:
    """A date as people in Finland write it: day.month.year without leading zeros (1.2.2026)."""
    return f"{value.day}.{value.month}.{value.year}" if value is not None else empty


_WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"))


def format_day(value: date) -> str:
    """A day with its weekday, as an agenda heads it: maanantai 24.11.2026."""
    return f"{_(_WEEKDAYS[value.weekday()])} {format_date(value)}"


def age_on(born: date, on: date) -> int:
    """Full years of age on a day."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def format_time(value: time | None) -> str:
    """A time as written in Finland: 9.05, the hour without a leading zero; '' for no time."""
    return f"{value.hour}.{value.minute:02d}" if value is not None else ""


def format_moment(moment: datetime) -> str:
    """A stored moment (with its zone) in the coach's local time: 23.11.2026 9.05."""
    local = moment.astimezone()
    return f"{format_date(local.date())} {format_time(local.time())}"


def check_date(field_label: str, field_name: str, value: date, span: DateRange, *, on: date | None = None) -> None:
    """Refuse a date outside the plausible range of its field, naming the field."""
    low, high = bounds(span, on)
    if value < low or value > high:
        raise ValidationError(
            field_name,
            _("{field}: {date} is not a plausible date (between {earliest} and {latest}).").format(
                field=field_label, date=format_date(value), earliest=format_date(low), latest=format_date(high)
            ),
        )
