"""Core services: the operations the GUI and the CLI call. Each validates, writes in one transaction
and returns the Changes it made."""

from tyokykyapp.services.changes import Changes
from tyokykyapp.services.clients import add_client, delete_client, purge_client, restore_client, update_client
from tyokykyapp.services.coach import CoachDetails, coach_details, set_coach_details
from tyokykyapp.services.due import due_list
from tyokykyapp.services.phases import advance_phase, change_level
from tyokykyapp.services.records import (
    delete_record,
    restore_record,
    save_record,
    tick_checklist_item,
    untick_checklist_item,
)

__all__ = [
    "Changes",
    "CoachDetails",
    "add_client",
    "advance_phase",
    "change_level",
    "coach_details",
    "delete_client",
    "delete_record",
    "due_list",
    "purge_client",
    "restore_client",
    "restore_record",
    "save_record",
    "set_coach_details",
    "tick_checklist_item",
    "untick_checklist_item",
    "update_client",
]
