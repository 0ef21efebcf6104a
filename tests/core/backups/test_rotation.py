"""Rotation keeps what Borg's prune keeps with --keep-daily 7 --keep-weekly 4 --keep-monthly 12."""

from __future__ import annotations

from datetime import datetime, timedelta

from tyokykyapp.backups.rotation import to_keep


def local(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour).astimezone()


def kept_days(created: list[datetime]) -> list[str]:
    kept = to_keep(created)
    return sorted(created[i].strftime("%Y-%m-%d %H") for i in kept)


def test_a_backup_every_day_for_two_years_keeps_7_daily_4_weekly_12_monthly() -> None:
    newest = local(2026, 11, 23)  # a Monday
    created = [newest - timedelta(days=n) for n in range(730)]
    kept = to_keep(created)
    rules = list(kept.values())
    assert rules.count("daily") == 7 and rules.count("weekly") == 4 and rules.count("monthly") == 12
    assert len(kept) == 23
    days = {created[i].date() for i, rule in kept.items() if rule == "daily"}
    assert days == {(newest - timedelta(days=n)).date() for n in range(7)}
    # The weeks before the daily ones: the newest backup of each (Sundays), the daily ones' week seen already.
    weekly = sorted(created[i].date().isoformat() for i, rule in kept.items() if rule == "weekly")
    assert weekly == ["2026-10-25", "2026-11-01", "2026-11-08", "2026-11-15"]
    # Then the newest of each month before November (whose newest the daily rule kept): the month-ends.
    monthly = sorted(created[i].date().isoformat() for i, rule in kept.items() if rule == "monthly")
    assert monthly[-1] == "2026-10-31" and monthly[0] == "2025-11-30" and len({m[:7] for m in monthly}) == 12


def test_several_backups_a_day_keep_the_newest_of_the_day() -> None:
    created = [local(2026, 11, 23, hour) for hour in (9, 12, 17)] + [local(2026, 11, 22, 10)]
    assert kept_days(created) == ["2026-11-22 10", "2026-11-23 17"]


def test_a_young_set_keeps_its_oldest_backup_as_borg_does() -> None:
    created = [local(2026, 11, 23, 17), local(2026, 11, 23, 9)]
    kept = to_keep(created)
    assert kept == {0: "daily", 1: "daily (oldest)"}


def test_gaps_count_only_days_with_backups() -> None:
    # Seven backups spread over two months: all are the newest of their day.
    created = [local(2026, 11, 23) - timedelta(days=9 * n) for n in range(7)]
    assert len(to_keep(created)) == 7


def test_nothing_to_keep_from_nothing() -> None:
    assert to_keep([]) == {}
