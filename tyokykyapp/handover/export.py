"""Exporting clients into one handover file: everything about them, their revision history, and the
employers they refer to. The file is written under a temporary name and renamed when complete."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tyokykyapp.domain import Client, NotFound, Phase
from tyokykyapp.domain.codec import to_json
from tyokykyapp.handover.envelope import seal
from tyokykyapp.handover.payload import APP_VERSION, ClientBundle, Handover, encode, now_utc
from tyokykyapp.i18n import _
from tyokykyapp.services.changes import Changes
from tyokykyapp.services.clients import mark_handed_over
from tyokykyapp.services.coach import coach_details
from tyokykyapp.vault import Vault, check_passphrase
from tyokykyapp.vault.files import write_atomically
from tyokykyapp.vault.keyslots import KdfParams, calibrated_params

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    clients: int
    records: int
    changes: Changes
    handover: Handover


def select_clients(vault: Vault, client_ids: list[str] | None = None, phase: Phase | None = None) -> list[str]:
    """The clients to hand over: the ones named, or those in a phase, or all (clients in the bin excluded).
    An empty list names no one: it is never taken to mean everyone."""
    if client_ids is not None:
        for client_id in client_ids:
            vault.repo.get(Client, client_id)
        return list(dict.fromkeys(client_ids))
    return [s.id for s in vault.repo.clients(phase=phase)]


def handover_size(vault: Vault, client_ids: list[str]) -> tuple[int, int]:
    """How many clients and records a handover of `client_ids` holds (what the coach confirms)."""
    return len(client_ids), vault.transfer.count_records(client_ids)


def build_handover(
    vault: Vault, client_ids: list[str], progress: Progress | None = None, recipient: str | None = None
) -> Handover:
    transfer = vault.transfer
    bundles, employer_ids = [], set()
    for done, client_id in enumerate(client_ids, 1):
        client_row = transfer.client_row(client_id)
        if client_row is None:
            raise NotFound(_("No such client: {id}").format(id=client_id))
        records = transfer.record_rows(client_id)
        revisions = transfer.revision_rows([client_id, *[r["id"] for r in records]])
        employer_ids |= {r["data"].get("employer_id") for r in records} - {None, ""}
        bundles.append(ClientBundle(client_row, records, revisions))
        if progress:
            progress(done, len(client_ids))
    employers = [row for row in (transfer.record_row(e) for e in sorted(employer_ids)) if row is not None]
    return Handover(
        export_id=str(uuid.uuid4()),
        app_version=APP_VERSION,
        created_at=now_utc(),
        coach=to_json(coach_details(vault)),
        clients=bundles,
        employers=employers,
        employer_revisions=transfer.revision_rows([e["id"] for e in employers]),
        recipient=recipient or None,
    )


def export_clients(
    vault: Vault,
    client_ids: list[str],
    out: Path,
    passphrase: str,
    *,
    mark_handed_over_to: str | None = None,
    recipient: str | None = None,
    kdf: KdfParams | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the handover file; with `mark_handed_over_to`, mark the clients handed over in the same step: the
    file is written inside the marking's transaction and removed if the marking cannot be saved, so either
    both happen or neither. `recipient` (default: `mark_handed_over_to`) is named in the file."""
    check_passphrase(passphrase)
    handover = build_handover(vault, client_ids, progress, recipient or mark_handed_over_to)
    sealed = seal(encode(handover), passphrase, kdf or calibrated_params())
    changes = Changes()
    if mark_handed_over_to is None:
        write_atomically(out, sealed)
    else:
        try:
            with vault.transaction():  # the marking joins this transaction: committed only with the file
                changes = mark_handed_over(vault, client_ids, mark_handed_over_to)
                write_atomically(out, sealed)
        except BaseException:
            with contextlib.suppress(OSError):
                if out.read_bytes() == sealed:
                    out.unlink()
            raise
    records = sum(len(b.records) for b in handover.clients)
    return ExportResult(out, len(handover.clients), records, changes, handover)
