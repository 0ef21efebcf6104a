"""Retention and erasure (GDPR art. 5(1)(e) and 17).

A closed client's records are kept for the organisation's retention period (`OrganisationDetails.
retention_years`, default 10, set in Settings or with `coach --retention-years`) counted from the day the
service ended (the closure). Clients past it are listed for review; erasing removes each client, every record
and every earlier version for good (`secure_delete` overwrites the freed space, the search index is merged,
the file is rebuilt and its log emptied), and adds an entry to the erasure log: when, how many clients and
records, by whom – never a name. Backups made before an erasure still hold the clients until they are pruned
(make.py); restoring one brings them back onto this list, since they are still past the period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from tyokykyapp.domain import Client, UserError
from tyokykyapp.domain.dates import format_moment, today, years_from
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services.changes import Changes
from tyokykyapp.services.coach import coach_details, organisation_details
from tyokykyapp.vault import StorageFailed, Vault

ERASURE_LOG_KEY = "erasure_log"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PastRetention:
    id: str
    name: str
    closed_on: date
    kept_until: date  # the first day the records may be erased
    in_bin: bool


def kept_until(closed_on: date, years: int) -> date:
    return years_from(closed_on, years)


def past_retention(vault: Vault, on: date | None = None) -> list[PastRetention]:
    """Closed clients (in the bin too) whose retention period has ended, the longest closed first."""
    day = on or today()
    years = organisation_details(vault).retention_years
    # A day of margin for 29 February; the exact rule is applied below.
    candidates = vault.repo.closed_before(years_from(day, -years) + timedelta(days=2))
    return [
        PastRetention(c.id, c.name, c.phase_since, kept_until(c.phase_since, years), c.deleted_at is not None)
        for c in candidates
        if kept_until(c.phase_since, years) <= day
    ]


@dataclass(frozen=True)
class ErasureEntry:
    """One line of the erasure log: no name, no identifier."""

    erased_at: datetime
    clients: int
    records: int
    earlier_versions: int
    by: str

    def to_json(self) -> dict[str, Any]:
        return {
            "erased_at": self.erased_at.astimezone(UTC).isoformat(timespec="seconds"),
            "clients": self.clients,
            "records": self.records,
            "earlier_versions": self.earlier_versions,
            "by": self.by,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ErasureEntry:
        return cls(
            erased_at=datetime.fromisoformat(data["erased_at"]),
            clients=int(data["clients"]),
            records=int(data["records"]),
            earlier_versions=int(data["earlier_versions"]),
            by=str(data["by"]),
        )

    def describe(self) -> str:
        """ "23.11.2026 14.05: 3 clients, 120 records and 40 earlier versions erased by Maija Meikäläinen." """
        what = (
            ngettext("{n} client", "{n} clients", self.clients).format(n=self.clients)
            + ", "
            + ngettext("{n} record", "{n} records", self.records).format(n=self.records)
            + " "
            + ngettext("and {n} earlier version", "and {n} earlier versions", self.earlier_versions).format(
                n=self.earlier_versions
            )
        )
        return _("{when}: {what} erased for good by {who}.").format(
            when=format_moment(self.erased_at), what=what, who=self.by or "—"
        )


@dataclass(frozen=True)
class Erased:
    entry: ErasureEntry
    changes: Changes
    compacted: bool  # False: the file could not be rebuilt now (a full disk); the erased data is gone anyway

    def note(self) -> str:
        if self.compacted:
            return ""
        return _(
            "The clients were erased. The vault file could not be made smaller now (the disk may be full); that"
            " happens with the next erasure."
        )


def erasure_log(vault: Vault) -> list[ErasureEntry]:
    stored = vault.repo.setting(ERASURE_LOG_KEY, [])
    return [ErasureEntry.from_json(entry) for entry in stored] if isinstance(stored, list) else []


def erase_clients(
    vault: Vault,
    client_ids: Sequence[str],
    *,
    on: date | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> Erased:
    """Erase clients for good: only clients past the retention period or in the bin, all checked before
    anything is erased (an unknown or still kept client refuses the whole request)."""
    ids = list(dict.fromkeys(client_ids))
    if not ids:
        raise UserError(_("Choose the clients to erase."))
    allowed = {item.id for item in past_retention(vault, on)}
    for client_id in ids:
        if not vault.repo.is_deleted(client_id) and client_id not in allowed:  # NotFound for an unknown id
            raise UserError(
                _(
                    "Client {id} is not past the retention period and not in the bin: nothing was erased. Delete"
                    " the client first if the records must go now."
                ).format(id=client_id)
            )
    if progress is not None:
        progress(0, 3)
    with vault.transaction() as repo:
        counts = repo.erase_in_transaction(ids)
        entry = ErasureEntry(
            erased_at=now or datetime.now(UTC),
            clients=counts.clients,
            records=counts.records,
            earlier_versions=counts.earlier_versions,
            by=coach_details(vault).name,
        )
        repo.set_setting(ERASURE_LOG_KEY, [*(e.to_json() for e in erasure_log(vault)), entry.to_json()])
    if progress is not None:
        progress(1, 3)
    try:
        vault.compact()
        compacted = True
    except StorageFailed:
        compacted = False
    if progress is not None:
        progress(3, 3)
    return Erased(entry, Changes(frozenset(ids), frozenset({Client.KIND}), caseload=True), compacted)
