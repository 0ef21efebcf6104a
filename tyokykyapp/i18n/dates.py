"""Dates and times as they are written in Finland, in every language of the app: 8.3.1966 and 9.05.

Finnish usage writes the day, the month and the hour without leading zeros (Kielitoimisto); Swedish in
Finland writes them the same way, and the English texts follow, so a printed date reads the same in all
three languages. This is the one place the core turns a date into text for a person to read.
"""

from __future__ import annotations

from datetime import date, time


def format_date(value: date | None) -> str:
    """'8.3.1966'; '' for no date."""
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def format_time(value: time | None) -> str:
    """'9.05'; '' for no time."""
    return f"{value.hour}.{value.minute:02d}" if value else ""
