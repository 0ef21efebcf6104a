"""Saving, deleting and restoring records; ticking checklist items."""

from __future__ import annotations

from datetime import date

from tyokykyapp.domain import ChecklistTick, Client, Record, ValidationError
from tyokykyapp.i18n import _
from tyokykyapp.process import checklist_keys
from tyokykyapp.services.changes import Changes
from tyokykyapp.services.guard import ensure_editable
from tyokykyapp.vault import Vault


def save_record(vault: Vault, record: Record) -> Changes:
    """Add or update any record except a client's phase (that goes through the phase operations)."""
    if isinstance(record, Client):
        raise TypeError("clients are saved with save_client")
    ensure_editable(vault, record.owner_client_id())
    vault.repo.save(record)
    return Changes.of(record.owner_client_id(), record.KIND, caseload=record.KIND == "employer")


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
