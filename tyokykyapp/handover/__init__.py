"""The encrypted handover file: export a coach's clients, verify and import them elsewhere."""

from tyokykyapp.handover.errors import (
    EmptyHandoverFile,
    HandoverDamaged,
    HandoverError,
    HandoverTooNew,
    NotAHandoverFile,
    WrongHandoverPassphrase,
)
from tyokykyapp.handover.export import ExportResult, export_clients, handover_size, select_clients
from tyokykyapp.handover.importer import (
    ConflictPolicy,
    ImportResult,
    ImportSummary,
    Status,
    merge,
    read_handover,
    summarize,
)
from tyokykyapp.handover.passphrase import generate_handover_passphrase

__all__ = [
    "ConflictPolicy",
    "EmptyHandoverFile",
    "ExportResult",
    "HandoverDamaged",
    "HandoverError",
    "HandoverTooNew",
    "ImportResult",
    "ImportSummary",
    "NotAHandoverFile",
    "Status",
    "WrongHandoverPassphrase",
    "export_clients",
    "generate_handover_passphrase",
    "handover_size",
    "merge",
    "read_handover",
    "select_clients",
    "summarize",
]
