"""The record kinds by name, their titles, and the checks every record passes before it is saved."""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum
from typing import Any

from tyokykyapp.domain.base import Record
from tyokykyapp.domain.client import Client
from tyokykyapp.domain.episode import Episode
from tyokykyapp.domain.fields import check_fields, declared
from tyokykyapp.domain.records import (
    Agreement,
    ChecklistTick,
    Closure,
    Consent,
    Employer,
    EmployerContact,
    Employment,
    FollowUp,
    JobApplication,
    KykyviisariResult,
    Meeting,
    NetworkContact,
    PhaseChange,
    Plan,
    SupportPlan,
    VocationalProfile,
    Waiting,
)
from tyokykyapp.i18n import _

RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Client,
        Episode,
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
        Waiting,
        FollowUp,
    )
}


def validate(record: Record) -> None:
    """Every check a record must pass before it is saved, wherever it comes from (the editor, the command
    line, a handover file, a spreadsheet); raises ValidationError naming the field."""
    check_fields(record)
    record.check()


def record_title(kind: str) -> str:
    """What people call a kind of record, translated."""
    return _(RECORD_TYPES[kind].TITLE)


def blank_record(kind: str, client_id: str | None, on: date) -> Record:
    """A new record of `kind` for the client, to be filled in: required dates start on `on`, required
    choices at their first option, everything else empty (never a made-up value such as a 0 score)."""
    cls = RECORD_TYPES[kind]
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING or not f.init:
            continue
        d = declared(cls, f.name)
        if d.spec.ref == "client":
            values[f.name] = client_id
        elif d.kind is date:
            values[f.name] = on
        elif isinstance(d.kind, type) and issubclass(d.kind, Enum) and not d.optional:
            values[f.name] = next(iter(d.kind))
        elif d.optional:
            values[f.name] = None
        else:
            values[f.name] = ""
    if "client_id" not in values and any(f.name == "client_id" for f in dataclasses.fields(cls)):
        values["client_id"] = client_id
    return cls(**values)
