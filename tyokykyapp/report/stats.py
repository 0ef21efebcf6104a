"""Shares, means and medians worked out from counts and distributions (never averaged between coaches)."""

from __future__ import annotations


def share(part: int, whole: int) -> float | None:
    """part / whole as 0–1 rounded to four decimals; None when there is nothing to share."""
    return round(part / whole, 4) if whole else None


def total(distribution: dict[str, int]) -> int:
    return sum(distribution.values())


def mean(distribution: dict[str, int]) -> float | None:
    """The mean of a distribution of whole numbers (bucket → how many)."""
    n = total(distribution)
    return sum(int(value) * count for value, count in distribution.items()) / n if n else None


def median(distribution: dict[str, int]) -> float | None:
    """The median of a distribution of whole numbers: the middle value, or the mean of the two middle ones."""
    n = total(distribution)
    if not n:
        return None
    ordered = sorted((int(value), count) for value, count in distribution.items() if count)
    wanted = ((n - 1) // 2, n // 2)
    found: list[int] = []
    seen = 0
    for value, count in ordered:
        while len(found) < 2 and seen + count > wanted[len(found)]:
            found.append(value)
        seen += count
    return (found[0] + found[1]) / 2
