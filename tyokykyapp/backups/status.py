"""What Today says about backups: the last verified one, and warnings when it is older than 7 days or the
second location has not been reached for 30 days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from tyokykyapp.backups.locations import load_locations
from tyokykyapp.backups.make import vault_backups
from tyokykyapp.backups.store import find_backups, newest_intact
from tyokykyapp.domain.dates import format_moment
from tyokykyapp.i18n import _, ngettext

BACKUP_WARNING_DAYS = 7
SECOND_WARNING_DAYS = 30


@dataclass(frozen=True)
class BackupStatus:
    last: datetime | None  # the newest verified backup in the data folder
    second_location: Path | None
    second_reached: datetime | None
    second_chosen: datetime | None

    def summary(self, now: datetime) -> str:
        if self.last is None:
            return _("No backup yet. One is made when you lock the app or close it.")
        return _("Last verified backup: {when}.").format(when=_when(self.last, now))

    def warnings(self, now: datetime) -> list[str]:
        found = []
        if self.last is not None and now - self.last > timedelta(days=BACKUP_WARNING_DAYS):
            found.append(
                _("The last backup is more than {days} days old. Make one now.").format(days=BACKUP_WARNING_DAYS)
            )
        if self.second_location is not None:
            since = self.second_reached or self.second_chosen
            if since is None or now - since > timedelta(days=SECOND_WARNING_DAYS):
                found.append(
                    _(
                        "The second backup location {path} has not been reached for {days} days. Connect it and"
                        " make a backup."
                    ).format(path=self.second_location, days=SECOND_WARNING_DAYS)
                )
        return found

    def second_summary(self, now: datetime) -> str:
        if self.second_location is None:
            return _("No second location: a backup on this computer is lost with the computer. Choose one in Backups.")
        if self.second_reached is None:
            return _("Second location {path}: not reached yet.").format(path=self.second_location)
        return _("Second location {path}: last reached {when}.").format(
            path=self.second_location, when=_when(self.second_reached, now)
        )


def _when(moment: datetime, now: datetime) -> str:
    days = (now.astimezone().date() - moment.astimezone().date()).days
    if days == 0:
        ago = _("today")
    elif days == 1:
        ago = _("yesterday")
    else:
        ago = ngettext("{n} day ago", "{n} days ago", days).format(n=days)
    return f"{format_moment(moment)} ({ago})"


def backup_status(vault_id: str) -> BackupStatus:
    """Read from the manifests and locations.json only: cheap enough for every refresh of Today."""
    newest = newest_intact(find_backups(vault_backups(vault_id)))
    locations = load_locations()
    return BackupStatus(
        last=newest.created_at if newest is not None else None,
        second_location=locations.second,
        second_reached=locations.second_reached(vault_id),
        second_chosen=locations.chosen_at,
    )
