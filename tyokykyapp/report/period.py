"""The period a report covers: two days, both included."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tyokykyapp.domain import UserError
from tyokykyapp.domain.dates import today
from tyokykyapp.i18n import _

# The longest period a report covers (a project of ten years and a little).
MAX_DAYS = 366 * 11


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise UserError(_("The period ends before it begins."))
        if (self.last - self.first).days >= MAX_DAYS:
            raise UserError(_("A report covers at most eleven years."))

    @classmethod
    def default(cls, on: date | None = None) -> Period:
        """This year from 1 January to today."""
        day = on or today()
        return cls(date(day.year, 1, 1), day)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def holds(self, day: date | None) -> bool:
        return day is not None and self.first <= day <= self.last

    def overlaps(self, start: date, end: date | None) -> bool:
        """Some day from `start` to `end` (None: still going on) is in the period."""
        return start <= self.last and (end is None or end >= self.first)

    def quarters(self) -> list[tuple[str, date, date]]:
        """The calendar quarters the period touches ("2026Q1"), each cut to the period."""
        found: list[tuple[str, date, date]] = []
        year, quarter = self.first.year, (self.first.month - 1) // 3
        while True:
            start = date(year, quarter * 3 + 1, 1)
            if start > self.last:
                return found
            following = date(year + (quarter == 3), (quarter + 1) % 4 * 3 + 1, 1)
            found.append(
                (f"{year}Q{quarter + 1}", max(start, self.first), min(following - timedelta(days=1), self.last))
            )
            year, quarter = year + (quarter == 3), (quarter + 1) % 4
