"""Every backup of a vault the app knows of: in the data folder and in the second location (when it is
reachable), newest first."""

from __future__ import annotations

from dataclasses import dataclass

from tyokykyapp.backups.locations import load_locations, primary_root, second_root
from tyokykyapp.backups.store import UNKNOWN_TIME, Backup, find_backups

PRIMARY, SECOND, CHOSEN = "primary", "second", "chosen"


@dataclass(frozen=True)
class Placed:
    where: str  # PRIMARY, SECOND, or CHOSEN (a folder the coach pointed at)
    backup: Backup


def all_backups(vault_id: str | None, *, full: bool = False) -> list[Placed]:
    """`vault_id` None (the key file is lost too) lists every vault's backups. `full` compares every byte with
    the manifest (slow for a large vault: about a second per 500 MB)."""
    places = [(PRIMARY, primary_root())]
    second = load_locations().second
    if second is not None:
        places.append((SECOND, second_root(second)))
    found = [Placed(where, b) for where, root in places for b in find_backups(root, vault_id, full=full)]
    return sorted(found, key=lambda p: p.backup.created_at or UNKNOWN_TIME, reverse=True)
