"""Which backups to keep: Borg's prune rules (`borg prune --keep-daily 7 --keep-weekly 4 --keep-monthly 12`,
as Vorta runs it). Each rule walks the backups newest first and keeps the newest one of each day (ISO week,
month) until it has kept its number; a backup already kept by an earlier rule is not kept twice, but its
period still counts as seen. When a rule runs out of backups before its number, it also keeps the oldest one
(Borg 1.2), so a young set of backups keeps its first. Periods are the coach's local days."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _day(moment: datetime) -> tuple[int, ...]:
    return moment.year, moment.month, moment.day


def _week(moment: datetime) -> tuple[int, ...]:
    year, week, _weekday = moment.isocalendar()
    return year, week


def _month(moment: datetime) -> tuple[int, ...]:
    return moment.year, moment.month


@dataclass(frozen=True)
class Rule:
    name: str
    period: Callable[[datetime], tuple[int, ...]]
    count: int


RULES = (Rule("daily", _day, DAILY), Rule("weekly", _week, WEEKLY), Rule("monthly", _month, MONTHLY))


def to_keep(created: Sequence[datetime], rules: Sequence[Rule] = RULES) -> dict[int, str]:
    """Which of the backups made at `created` (any order) to keep: their indexes, each with the rule that
    keeps it ("daily", "weekly", "monthly"; "… (oldest)" for Borg's keep-the-oldest)."""
    order = sorted(range(len(created)), key=lambda i: created[i].astimezone(), reverse=True)
    kept: dict[int, str] = {}
    for rule in rules:
        last: tuple[int, ...] | None = None
        count = 0
        for index in order:
            if count == rule.count:
                break
            period = rule.period(created[index].astimezone())
            if period == last:
                continue
            last = period
            if index not in kept:
                kept[index] = rule.name
                count += 1
        if order and count < rule.count and order[-1] not in kept:
            kept[order[-1]] = f"{rule.name} (oldest)"
    return kept
