"""Importing a handover file: verify the whole file first, show what is inside, then merge in one
transaction. A client already in the vault (same UUID) is never overwritten silently: the coach chooses
to keep theirs, take the file's, or keep both. Importing the same file again changes nothing."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from tyokykyapp.domain import RECORD_TYPES, Client, Record
from tyokykyapp.domain.codec import from_json
from tyokykyapp.handover.envelope import open_envelope
from tyokykyapp.handover.errors import HandoverError
from tyokykyapp.handover.payload import ClientBundle, Handover, decode
from tyokykyapp.i18n import _
from tyokykyapp.services.changes import Changes
from tyokykyapp.vault import Vault
from tyokykyapp.vault.transfer import Row

Progress = Callable[[int, int], None]
# Copies made by "keep both" get ids derived from the file and the original, so a second import of the
# same file finds them and changes nothing.
_COPY_NAMESPACE = uuid.UUID("5f0c7f0e-6f2b-4a53-9f6e-1a7f3b8c2d41")


class ConflictPolicy(StrEnum):
    KEEP_MINE = "keep-mine"
    TAKE_THEIRS = "take-theirs"
    KEEP_BOTH = "keep-both"


class Status(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class ClientPlan:
    id: str
    name: str
    phase: str
    meetings: int
    records: int
    status: Status


@dataclass(frozen=True)
class ImportSummary:
    export_id: str
    app_version: str
    created_at: str
    coach: str
    organisation: str
    clients: list[ClientPlan]
    employers_new: int
    employers_known: int

    def to_json(self) -> dict[str, Any]:
        return {
            "export_id": self.export_id,
            "app_version": self.app_version,
            "created_at": self.created_at,
            "coach": self.coach,
            "organisation": self.organisation,
            "clients": [
                {
                    "id": c.id,
                    "name": c.name,
                    "phase": c.phase,
                    "meetings": c.meetings,
                    "records": c.records,
                    "status": c.status.value,
                }
                for c in self.clients
            ],
            "new_clients": sum(1 for c in self.clients if c.status is Status.NEW),
            "conflicts": sum(1 for c in self.clients if c.status is Status.CONFLICT),
            "unchanged": sum(1 for c in self.clients if c.status is Status.UNCHANGED),
            "employers_new": self.employers_new,
            "employers_known": self.employers_known,
        }


@dataclass
class ImportResult:
    added: int = 0
    replaced: int = 0
    copied: int = 0
    kept_mine: int = 0
    unchanged: int = 0
    employers_added: int = 0
    client_ids: set[str] = field(default_factory=set)

    def describe(self) -> str:
        return _("Added {added}, replaced {replaced}, kept both {copied}, kept mine {kept}, unchanged {same}.").format(
            added=self.added, replaced=self.replaced, copied=self.copied, kept=self.kept_mine, same=self.unchanged
        )

    @property
    def changes(self) -> Changes:
        changed = bool(self.added or self.replaced or self.copied or self.employers_added)
        return Changes(frozenset(self.client_ids), frozenset({"client", "employer"} if changed else ()), changed)


def read_handover(path: Path, passphrase: str) -> Handover:
    """Read, decrypt and verify the whole file; nothing is written."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise HandoverError(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or type(error).__name__)
        ) from None
    return decode(open_envelope(data, passphrase))


def _copy_id(handover: Handover, original: str) -> str:
    return str(uuid.uuid5(_COPY_NAMESPACE, f"{handover.export_id}:{original}"))


def _status(vault: Vault, handover: Handover, bundle: ClientBundle) -> Status:
    transfer = vault.transfer
    mine = transfer.client_row(bundle.client["id"])
    if mine is None:
        return Status.NEW
    if transfer.client_row(_copy_id(handover, bundle.client["id"])) is not None:
        return Status.UNCHANGED  # kept both on an earlier import of this file
    if mine["data"] != bundle.client["data"]:
        return Status.CONFLICT
    for record in bundle.records:
        stored = transfer.record_row(record["id"])
        if stored is None or stored["data"] != record["data"]:
            return Status.CONFLICT
    return Status.UNCHANGED


def summarize(vault: Vault, handover: Handover) -> ImportSummary:
    plans = [
        ClientPlan(
            id=b.client["id"],
            name=b.name,
            phase=str(b.client["data"].get("phase", "")),
            meetings=b.count("meeting"),
            records=len(b.records),
            status=_status(vault, handover, b),
        )
        for b in handover.clients
    ]
    known = sum(1 for e in handover.employers if vault.transfer.record_row(e["id"]) is not None)
    return ImportSummary(
        export_id=handover.export_id,
        app_version=handover.app_version,
        created_at=handover.created_at,
        coach=str(handover.coach.get("name", "")),
        organisation=str(handover.coach.get("organisation", "")),
        clients=plans,
        employers_new=len(handover.employers) - known,
        employers_known=known,
    )


def _record(row: Row) -> Record:
    return from_json(RECORD_TYPES[row["kind"]], row["data"])


def _main_date(row: Row) -> str | None:
    day = _record(row).main_date()
    return day.isoformat() if day else None


def _insert_bundle(vault: Vault, bundle: ClientBundle) -> None:
    transfer = vault.transfer
    transfer.insert_client(bundle.client)
    for record in bundle.records:
        if transfer.record_row(record["id"]) is None:
            transfer.insert_record(record, _main_date(record))
    for revision in bundle.revisions:
        transfer.insert_revision(revision)


def _take_theirs(vault: Vault, bundle: ClientBundle) -> None:
    """Their current versions become the current ones; mine stay in the revision history."""
    transfer, repo = vault.transfer, vault.repo
    if transfer.client_row(bundle.client["id"])["data"] != bundle.client["data"]:  # type: ignore[index]
        repo.save_in_transaction(from_json(Client, bundle.client["data"]))
    inserted = set()
    for record in bundle.records:
        stored = transfer.record_row(record["id"])
        if stored is None:
            transfer.insert_record(record, _main_date(record))
            inserted.add(record["id"])
        elif stored["data"] != record["data"]:
            repo.save_in_transaction(_record(record))
    for revision in bundle.revisions:
        if revision["record_id"] in inserted:
            transfer.insert_revision(revision)


def _remapped(handover: Handover, bundle: ClientBundle) -> ClientBundle:
    """The bundle as a separate client: new ids for the client and its records, references updated."""
    ids = {bundle.client["id"]: _copy_id(handover, bundle.client["id"])}
    ids |= {r["id"]: _copy_id(handover, r["id"]) for r in bundle.records}

    def data(value: dict[str, Any]) -> dict[str, Any]:
        return {k: ids.get(v, v) if isinstance(v, str) and k.endswith("id") else v for k, v in value.items()}

    client = bundle.client | {"id": ids[bundle.client["id"]], "data": data(bundle.client["data"])}
    records = [r | {"id": ids[r["id"]], "client_id": client["id"], "data": data(r["data"])} for r in bundle.records]
    revisions = [
        r | {"record_id": ids[r["record_id"]], "client_id": client["id"], "data": data(r["data"])}
        for r in bundle.revisions
    ]
    return ClientBundle(client, records, revisions)


def merge(
    vault: Vault,
    handover: Handover,
    policy: ConflictPolicy = ConflictPolicy.KEEP_MINE,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the verified handover into the vault in one transaction."""
    result = ImportResult()
    plans = summarize(vault, handover).clients
    with vault.transaction():
        for employer in handover.employers:
            if vault.transfer.record_row(employer["id"]) is None:
                vault.transfer.insert_record(employer, None)
                for revision in handover.employer_revisions:
                    if revision["record_id"] == employer["id"]:
                        vault.transfer.insert_revision(revision)
                result.employers_added += 1
        for done, (bundle, plan) in enumerate(zip(handover.clients, plans, strict=True), 1):
            if plan.status is Status.NEW:
                _insert_bundle(vault, bundle)
                result.added += 1
                result.client_ids.add(plan.id)
            elif plan.status is Status.UNCHANGED:
                result.unchanged += 1
            elif policy is ConflictPolicy.KEEP_MINE:
                result.kept_mine += 1
            elif policy is ConflictPolicy.TAKE_THEIRS:
                _take_theirs(vault, bundle)
                result.replaced += 1
                result.client_ids.add(plan.id)
            else:
                copy = _remapped(handover, bundle)
                _insert_bundle(vault, copy)
                result.copied += 1
                result.client_ids.add(copy.client["id"])
            if progress:
                progress(done, len(plans))
    return result
