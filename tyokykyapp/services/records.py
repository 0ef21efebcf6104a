"""Saving, deleting and restoring records; ticking checklist items."""

from __future__ import annotations

from datetime import date

from tyokykyapp.domain import ChecklistTick, Client, Closure, Episode, Record, ValidationError
from tyokykyapp.domain.dates import today
from tyokykyapp.i18n import _
from tyokykyapp.process import checklist_keys
from tyokykyapp.process.notices import NOTICED_KINDS, record_notices
from tyokykyapp.process.transitions import closure_missing
from tyokykyapp.services.changes import Changes
from tyokykyapp.services.clients import save_episode
from tyokykyapp.services.guard import ensure_editable
from tyokykyapp.vault import Vault


def save_record(vault: Vault, record: Record) -> Changes:
    """Add or update any record except a client's phase (that goes through the phase operations). A closure
    keeps to what the records show; what the coach should know about the record comes back as notices."""
    if isinstance(record, Client):
        raise TypeError("clients are saved with add_client or update_client")
    client_id = record.owner_client_id()
    ensure_editable(vault, client_id)
    if isinstance(record, Episode):
        return save_episode(vault, record)
    if isinstance(record, Closure):
        file = vault.repo.client_file(record.client_id)
        since = file.episode_started(record)
        missing = closure_missing(file, record.closed_on, record.reason, record.destination, since=since)
        if missing:
            raise ValidationError("destination", _("The closure needs: {missing}.").format(missing="; ".join(missing)))
    vault.repo.save(record)
    notices = []
    if client_id is not None and isinstance(record, NOTICED_KINDS):
        notices = record_notices(vault.repo.client_file(client_id), record, today())
    return Changes.of(client_id, record.KIND, caseload=record.KIND == "employer", notices=notices)


def delete_record(vault: Vault, record: Record) -> Changes:
    """Soft delete: the record is hidden but kept, and restore_record brings it back."""
    ensure_editable(vault, record.owner_client_id())
    vault.repo.delete_record(record.id)
    return Changes.of(record.owner_client_id(), record.KIND)


def restore_record(vault: Vault, record: Record) -> Changes:
    ensure_editable(vault, record.owner_client_id())
    vault.repo.restore_record(record.id)
    return Changes.of(record.owner_client_id(), record.KIND)


def tick_checklist_item(vault: Vault, client_id: str, item: str, on: date, note: str = "") -> Changes:
    ensure_editable(vault, client_id)
    if item not in checklist_keys():
        raise ValidationError("item", _("Unknown checklist item: {item}").format(item=item))
    vault.repo.save(ChecklistTick(client_id=client_id, item=item, ticked_on=on, note=note))
    return Changes.of(client_id, ChecklistTick.KIND)


def untick_checklist_item(vault: Vault, client_id: str, item: str) -> Changes:
    ensure_editable(vault, client_id)
    for tick in vault.repo.client_file(client_id).checklist_ticks:
        if tick.item == item:
            vault.repo.delete_record(tick.id)
    return Changes.of(client_id, ChecklistTick.KIND)
