"""Importing a handover file: verify the whole file first, show what is inside, then merge in one
transaction. A client already in the vault (same UUID) is never overwritten silently: the coach chooses
to keep theirs, take the file's, or keep both. Importing the same file again changes nothing.

A record id of the file matches a record of the vault only when both belong to the same client and are of the
same kind. An id the vault already uses for anything else (another client's record, a record of another kind,
a client) is given a fresh id, with every reference to it in the file changed too, and the summary says how
many: ids come from another vault, and two vaults can share them (the demo caseload of one day, a crafted
file), so they never decide whose record something is.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from tyokykyapp.domain import RECORD_TYPES, Client, Record
from tyokykyapp.domain.codec import from_json
from tyokykyapp.domain.fields import declared_fields
from tyokykyapp.handover.envelope import open_envelope
from tyokykyapp.handover.errors import HandoverError, HandoverTooLarge
from tyokykyapp.handover.payload import MAX_FILE, ClientBundle, Handover, decode
from tyokykyapp.i18n import _, ngettext
from tyokykyapp.services.changes import Changes
from tyokykyapp.vault import Vault
from tyokykyapp.vault.transfer import Row

Progress = Callable[[int, int], None]
# Copies made by "keep both" get ids derived from the file and the original, so a second import of the
# same file finds them and changes nothing.
_COPY_NAMESPACE = uuid.UUID("5f0c7f0e-6f2b-4a53-9f6e-1a7f3b8c2d41")
# Fresh ids for ids the vault already uses otherwise: derived from the owner, the kind and the original id,
# so importing the same client again (from this file or a later one) finds the same fresh id.
_FRESH_NAMESPACE = uuid.UUID("0b7e2d4c-3f1a-4e8b-9c6d-5a2f8e1b7c30")


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
    renamed: int = 0  # records whose id this vault already used otherwise: they get fresh ids
    replaces_newer: bool = False  # taking theirs would replace something changed here after the file's copy


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
    recipient: str | None = None
    age_days: int = 0
    employers_renamed: int = 0

    @property
    def renamed(self) -> int:
        return sum(c.renamed for c in self.clients) + self.employers_renamed

    @property
    def replaces_newer(self) -> list[ClientPlan]:
        return [c for c in self.clients if c.replaces_newer]

    def to_json(self) -> dict[str, Any]:
        return {
            "export_id": self.export_id,
            "app_version": self.app_version,
            "created_at": self.created_at,
            "age_days": self.age_days,
            "coach": self.coach,
            "organisation": self.organisation,
            "recipient": self.recipient,
            "clients": [
                {
                    "id": c.id,
                    "name": c.name,
                    "phase": c.phase,
                    "meetings": c.meetings,
                    "records": c.records,
                    "status": c.status.value,
                    "renamed": c.renamed,
                    "replaces_newer": c.replaces_newer,
                }
                for c in self.clients
            ],
            "new_clients": sum(1 for c in self.clients if c.status is Status.NEW),
            "conflicts": sum(1 for c in self.clients if c.status is Status.CONFLICT),
            "unchanged": sum(1 for c in self.clients if c.status is Status.UNCHANGED),
            "employers_new": self.employers_new,
            "employers_known": self.employers_known,
            "renamed": self.renamed,
        }

    def warnings(self) -> list[str]:
        """What the coach should know before merging, one sentence each."""
        found = []
        if self.renamed:
            found.append(
                ngettext(
                    "{n} record in the file has an id this vault already uses for another record; it is added"
                    " with a new id.",
                    "{n} records in the file have ids this vault already uses for other records; they are added"
                    " with new ids.",
                    self.renamed,
                ).format(n=self.renamed)
            )
        newer = self.replaces_newer
        if newer:
            found.append(
                ngettext(
                    "{n} client here was changed after the file's copy was saved: taking theirs would replace"
                    " newer records with older ones.",
                    "{n} clients here were changed after the file's copies were saved: taking theirs would"
                    " replace newer records with older ones.",
                    len(newer),
                ).format(n=len(newer))
            )
        return found


@dataclass
class ImportResult:
    added: int = 0
    replaced: int = 0
    copied: int = 0
    kept_mine: int = 0
    unchanged: int = 0
    employers_added: int = 0
    renamed: int = 0
    client_ids: set[str] = field(default_factory=set)

    def describe(self) -> str:
        return _("Added {added}, replaced {replaced}, kept both {copied}, kept mine {kept}, unchanged {same}.").format(
            added=self.added, replaced=self.replaced, copied=self.copied, kept=self.kept_mine, same=self.unchanged
        )

    def to_json(self) -> dict[str, int]:
        return {
            "added": self.added,
            "replaced": self.replaced,
            "copied": self.copied,
            "kept_mine": self.kept_mine,
            "unchanged": self.unchanged,
            "employers_added": self.employers_added,
            "renamed": self.renamed,
        }

    @property
    def changes(self) -> Changes:
        changed = bool(self.added or self.replaced or self.copied or self.employers_added)
        return Changes(frozenset(self.client_ids), frozenset({"client", "employer"} if changed else ()), changed)


def read_handover(path: Path, passphrase: str) -> Handover:
    """Read, decrypt and verify the whole file; nothing is written. The size is bounded before reading."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_FILE:
                raise HandoverTooLarge()
            data = handle.read(MAX_FILE + 1)
    except OSError as error:
        raise HandoverError(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or type(error).__name__)
        ) from None
    if len(data) > MAX_FILE:
        raise HandoverTooLarge()
    return decode(open_envelope(data, passphrase))


# --- ids -------------------------------------------------------------------------------------------


def _copy_id(handover: Handover, original: str) -> str:
    return str(uuid.uuid5(_COPY_NAMESPACE, f"{handover.export_id}:{original}"))


def _renamed_row(row: Row, ids: dict[str, str]) -> Row:
    """`row` with every id in `ids` replaced: its own, its client's, and the references in its data."""

    # A client row has no kind column; every other row names its kind (checked before anything is renamed).
    cls = RECORD_TYPES[row.get("kind", "client")]
    references = {"id"} | {d.name for d in declared_fields(cls) if d.spec.ref is not None}

    def data(value: dict[str, Any]) -> dict[str, Any]:
        return {k: ids.get(v, v) if isinstance(v, str) and k in references else v for k, v in value.items()}

    renamed = {
        k: ids.get(v, v) if k in ("id", "record_id", "client_id") and isinstance(v, str) else v for k, v in row.items()
    }
    renamed["data"] = data(row["data"])
    return renamed


def _renamed_bundle(bundle: ClientBundle, ids: dict[str, str]) -> ClientBundle:
    if not ids:
        return bundle
    return ClientBundle(
        _renamed_row(bundle.client, ids),
        [_renamed_row(r, ids) for r in bundle.records],
        [_renamed_row(r, ids) for r in bundle.revisions],
    )


class _Ids:
    """Which ids of the file the vault already uses otherwise, and the fresh ids they get."""

    def __init__(self, vault: Vault) -> None:
        self._owners = vault.transfer

    def fresh(self, original: str, kind: str, client_id: str | None) -> str:
        """`original` if it is free or names the same kind of record of the same client here, else a fresh id
        (derived, so the same record finds the same fresh id on the next import)."""
        candidate, attempt = original, 0
        while True:
            owner = self._owners.owner_of(candidate)
            if owner is None or owner == (kind, client_id):
                return candidate
            attempt += 1
            candidate = str(uuid.uuid5(_FRESH_NAMESPACE, f"{client_id}:{kind}:{original}:{attempt}"))


def _resolved(vault: Vault, handover: Handover) -> tuple[Handover, list[int], int]:
    """The handover with every id the vault uses otherwise replaced; how many per client and of employers."""
    ids = _Ids(vault)
    employer_ids = {e["id"]: ids.fresh(e["id"], "employer", None) for e in handover.employers}
    employer_ids = {old: new for old, new in employer_ids.items() if old != new}
    bundles, renamed = [], []
    for bundle in handover.clients:
        original = bundle.client["id"]
        mapping = dict(employer_ids)
        client_id = ids.fresh(original, Client.KIND, original)
        if client_id != original:
            mapping[original] = client_id
        count = int(client_id != original)
        for record in bundle.records:
            fresh = ids.fresh(record["id"], record["kind"], client_id)
            if fresh != record["id"]:
                mapping[record["id"]] = fresh
                count += 1
        bundles.append(_renamed_bundle(bundle, mapping))
        renamed.append(count)
    resolved = replace(
        handover,
        clients=bundles,
        employers=[_renamed_row(e, employer_ids) for e in handover.employers],
        employer_revisions=[_renamed_row(r, employer_ids) for r in handover.employer_revisions],
    )
    return resolved, renamed, len(employer_ids)


# --- what is inside ---------------------------------------------------------------------------------


def _newer_here(stored: Row, theirs: Row) -> bool:
    return stored["data"] != theirs["data"] and datetime.fromisoformat(stored["updated_at"]) > datetime.fromisoformat(
        theirs["updated_at"]
    )


def _status(vault: Vault, handover: Handover, bundle: ClientBundle) -> tuple[Status, bool]:
    """The client's status, and whether taking theirs would replace something changed here later."""
    transfer = vault.transfer
    mine = transfer.client_row(bundle.client["id"])
    if mine is None:
        return Status.NEW, False
    if transfer.client_row(_copy_id(handover, bundle.client["id"])) is not None:
        return Status.UNCHANGED, False  # kept both on an earlier import of this file
    status, newer = Status.UNCHANGED, _newer_here(mine, bundle.client)
    if mine["data"] != bundle.client["data"]:
        status = Status.CONFLICT
    for record in bundle.records:
        stored = transfer.record_row(record["id"])
        if stored is None or stored["data"] != record["data"]:
            status = Status.CONFLICT
        newer = newer or (stored is not None and _newer_here(stored, record))
    return status, newer


def _plans(vault: Vault, handover: Handover, renamed: list[int]) -> list[ClientPlan]:
    plans = []
    for bundle, count in zip(handover.clients, renamed, strict=True):
        status, newer = _status(vault, handover, bundle)
        plans.append(
            ClientPlan(
                id=bundle.client["id"],
                name=bundle.name,
                phase=str(bundle.client["data"].get("phase", "")),
                meetings=bundle.count("meeting"),
                records=len(bundle.records),
                status=status,
                renamed=count,
                replaces_newer=newer and status is Status.CONFLICT,
            )
        )
    return plans


def _age_days(created_at: str) -> int:
    return max(0, (datetime.now(UTC) - datetime.fromisoformat(created_at)).days)


def summarize(vault: Vault, handover: Handover) -> ImportSummary:
    resolved, renamed, employers_renamed = _resolved(vault, handover)
    known = sum(1 for e in resolved.employers if vault.transfer.record_row(e["id"]) is not None)
    return ImportSummary(
        export_id=handover.export_id,
        app_version=handover.app_version,
        created_at=handover.created_at,
        coach=str(handover.coach.get("name", "")),
        organisation=str(handover.coach.get("organisation", "")),
        clients=_plans(vault, resolved, renamed),
        employers_new=len(handover.employers) - known,
        employers_known=known,
        recipient=handover.recipient,
        age_days=_age_days(handover.created_at),
        employers_renamed=employers_renamed,
    )


# --- writing ----------------------------------------------------------------------------------------


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
    """Their current versions become the current ones; mine stay in the revision history. Every record id here
    is of this client and kind, or new (see `_resolved`)."""
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


def _copy(handover: Handover, bundle: ClientBundle) -> ClientBundle:
    """The bundle as a separate client: new ids for the client and its records, references updated."""
    originals: Iterable[str] = [bundle.client["id"], *(r["id"] for r in bundle.records)]
    return _renamed_bundle(bundle, {original: _copy_id(handover, original) for original in originals})


def merge(
    vault: Vault,
    handover: Handover,
    policy: ConflictPolicy = ConflictPolicy.KEEP_MINE,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the verified handover into the vault in one transaction."""
    result = ImportResult()
    resolved, renamed, employers_renamed = _resolved(vault, handover)
    plans = _plans(vault, resolved, renamed)
    with vault.transaction():
        for employer in resolved.employers:
            if vault.transfer.record_row(employer["id"]) is None:
                vault.transfer.insert_record(employer, None)
                for revision in resolved.employer_revisions:
                    if revision["record_id"] == employer["id"]:
                        vault.transfer.insert_revision(revision)
                result.employers_added += 1
        result.renamed = employers_renamed
        for done, (bundle, plan) in enumerate(zip(resolved.clients, plans, strict=True), 1):
            if plan.status is Status.NEW:
                _insert_bundle(vault, bundle)
                result.added += 1
                result.renamed += plan.renamed
                result.client_ids.add(plan.id)
            elif plan.status is Status.UNCHANGED:
                result.unchanged += 1
            elif policy is ConflictPolicy.KEEP_MINE:
                result.kept_mine += 1
            elif policy is ConflictPolicy.TAKE_THEIRS:
                _take_theirs(vault, bundle)
                result.replaced += 1
                result.renamed += plan.renamed
                result.client_ids.add(plan.id)
            else:
                copy = _copy(handover, bundle)
                _insert_bundle(vault, copy)
                result.copied += 1
                result.client_ids.add(copy.client["id"])
            if progress:
                progress(done, len(plans))
    return result
