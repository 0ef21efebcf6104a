"""One date parser for the whole app: Finnish and ISO forms, two-digit years in a sensible century."""

from __future__ import annotations

from datetime import date

import pytest

from tyokykyapp.domain.dates import DateNotUnderstood, DateRange, bounds, format_date, parse_date

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("31.12.2026", DateRange.EVENT, date(2026, 12, 31)),
        ("1.2.2026", DateRange.EVENT, date(2026, 2, 1)),
        ("01.02.2026.", DateRange.EVENT, date(2026, 2, 1)),
        ("2026-12-31", DateRange.EVENT, date(2026, 12, 31)),
        (" 31.12.26 ", DateRange.EVENT, date(2026, 12, 31)),
        ("31.12.26", DateRange.PLAN, date(2026, 12, 31)),
        ("1.1.99", DateRange.EVENT, date(1999, 1, 1)),
        ("1.5.58", DateRange.BIRTH, date(1958, 5, 1)),
        ("1.5.05", DateRange.BIRTH, date(2005, 5, 1)),
        ("1.5.15", DateRange.BIRTH, date(1915, 5, 1)),
        ("1.5.30", DateRange.PLAN, date(2030, 5, 1)),
    ],
)
def test_finnish_iso_and_two_digit_years(text: str, span: DateRange, expected: date) -> None:
    assert parse_date(text, span, on=TODAY) == expected


@pytest.mark.parametrize(
    "text", ["", "ensi viikolla", "31.2.2026", "32.1.2026", "1.1.026", "2026-1-1", "1.1", "1..2026"]
)
def test_anything_else_is_not_a_date(text: str) -> None:
    with pytest.raises(DateNotUnderstood):
        parse_date(text, on=TODAY)


def test_dates_are_written_without_leading_zeros() -> None:
    assert format_date(date(2026, 2, 1)) == "1.2.2026"
    assert format_date(None) == "" and format_date(None, "—") == "—"


def test_ranges() -> None:
    assert bounds(DateRange.BIRTH, TODAY) == (date(1900, 1, 1), date(2011, 11, 23))
    assert bounds(DateRange.EVENT, TODAY)[1] == date(2028, 11, 23)
    assert bounds(DateRange.PLAN, date(2024, 2, 29))[1] == date(2034, 2, 28)
