"""The record kinds by name, and the checks every record passes before it is saved."""

from __future__ import annotations

from tyokykyapp.domain.base import Record
from tyokykyapp.domain.client import Client
from tyokykyapp.domain.records import (
    Agreement,
    ChecklistTick,
    Closure,
    Consent,
    Employer,
    EmployerContact,
    Employment,
    JobApplication,
    KykyviisariResult,
    Meeting,
    NetworkContact,
    PhaseChange,
    Plan,
    SupportPlan,
    VocationalProfile,
)
from tyokykyapp.domain.text_rules import check_texts

RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Client,
        NetworkContact,
        Consent,
        Agreement,
        VocationalProfile,
        Plan,
        Meeting,
        Employer,
        EmployerContact,
        JobApplication,
        Employment,
        SupportPlan,
        PhaseChange,
        Closure,
        KykyviisariResult,
        ChecklistTick,
    )
}


def validate(record: Record) -> None:
    """Every check a record must pass before it is saved; raises ValidationError."""
    check_texts(record)
    record.check()
