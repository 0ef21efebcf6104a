"""The six-phase process rules: transitions, checklists, what is due. Pure functions over domain records."""

from tyokykyapp.process.checklists import CHECKLISTS, ChecklistItem, checklist, checklist_keys
from tyokykyapp.process.due import DueFacts, DueItem, DueKind, JobFacts, due_items, facts_from_file
from tyokykyapp.process.transitions import (
    ALLOWED_MOVES,
    Move,
    StateBefore,
    TransitionRefused,
    check_level_change,
    check_move,
    check_redate,
    check_undo,
    latest_move,
)

__all__ = [
    "ALLOWED_MOVES",
    "CHECKLISTS",
    "ChecklistItem",
    "DueFacts",
    "DueItem",
    "DueKind",
    "JobFacts",
    "Move",
    "StateBefore",
    "TransitionRefused",
    "check_level_change",
    "check_move",
    "check_redate",
    "check_undo",
    "checklist",
    "checklist_keys",
    "due_items",
    "facts_from_file",
    "latest_move",
]
