"""Where backups go: the per-user data folder (`…/tyokyky/backups/`), and an optional second location chosen by
the coach (a USB stick, a network drive), where they go into a folder `tyokyky-backups`.

The second location and when it was last reached are kept in `locations.json` beside the backups, not in the
vault: after the vault is lost they are still there to find the backups by. The file holds no client data
(a folder path and dates)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs

from tyokykyapp.vault.errors import StorageFailed
from tyokykyapp.vault.files import write_atomically

SECOND_FOLDER = "tyokyky-backups"
_CONFIG = "locations.json"
_MAX_CONFIG_BYTES = 64 * 1024


def primary_root() -> Path:
    """$TYOKYKY_BACKUPS, else `backups` in the per-user data folder (beside the default vault folder)."""
    configured = os.environ.get("TYOKYKY_BACKUPS")
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_data_path("tyokyky", appauthor=False) / "backups"


def second_root(location: Path) -> Path:
    return location / SECOND_FOLDER


@dataclass(frozen=True)
class Locations:
    second: Path | None = None
    chosen_at: datetime | None = None  # when the second location was chosen
    reached: dict[str, datetime] | None = None  # vault id -> the last backup copied there

    def second_reached(self, vault_id: str) -> datetime | None:
        return (self.reached or {}).get(vault_id)


def _config_path() -> Path:
    return primary_root() / _CONFIG


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def load_locations() -> Locations:
    """The saved locations; an unreadable file reads as none chosen (the coach chooses again)."""
    try:
        with _config_path().open("rb") as handle:
            raw = handle.read(_MAX_CONFIG_BYTES + 1)
        document = json.loads(raw.decode("utf-8")) if len(raw) <= _MAX_CONFIG_BYTES else None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return Locations()
    if not isinstance(document, dict):
        return Locations()
    second = document.get("second")
    reached = document.get("reached")
    return Locations(
        second=Path(second) if isinstance(second, str) and second else None,
        chosen_at=_moment(document.get("chosen_at")),
        reached={
            str(key): moment
            for key, value in (reached.items() if isinstance(reached, dict) else ())
            if (moment := _moment(value)) is not None
        },
    )


def _save(locations: Locations) -> None:
    root = primary_root()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    document = {
        "second": str(locations.second) if locations.second else None,
        "chosen_at": locations.chosen_at.isoformat(timespec="seconds") if locations.chosen_at else None,
        "reached": {key: value.isoformat(timespec="seconds") for key, value in (locations.reached or {}).items()},
    }
    write_atomically(_config_path(), (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def set_second_location(location: Path | None, now: datetime) -> Locations:
    """Choose (or with None, forget) the second location. Its `tyokyky-backups` folder is made now: later a
    backup goes there only while that folder is there, so an empty mount point left by an unplugged stick
    (/media/coach/USB) is never mistaken for the stick. StorageFailed when the place is not writable."""
    if location is not None:
        try:
            second_root(location).mkdir(exist_ok=True, mode=0o700)
        except OSError as error:
            raise StorageFailed() from error
    current = load_locations()
    same = location == current.second  # a new place has not been reached yet
    chosen = Locations(
        second=location,
        chosen_at=(current.chosen_at if same else now) if location else None,
        reached=current.reached if same else {},
    )
    _save(chosen)
    return chosen


def note_second_reached(vault_id: str, when: datetime) -> None:
    current = load_locations()
    _save(Locations(current.second, current.chosen_at, {**(current.reached or {}), vault_id: when}))
