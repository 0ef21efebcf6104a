"""Plain dataclasses and enums of the job-coaching domain. Depends on nothing else in the app."""

from tyokykyapp.domain.base import ClientRecord, Record, new_id
from tyokykyapp.domain.client import Client, Referral
from tyokykyapp.domain.client_file import FILE_LISTS, ClientFile
from tyokykyapp.domain.enums import (
    ClosureReason,
    ConsentMethod,
    DisclosureChoice,
    EmploymentKind,
    Language,
    MaintenanceLevel,
    Phase,
    PlaceType,
    ReferralSource,
)
from tyokykyapp.domain.errors import NotFound, UserError, ValidationError
from tyokykyapp.domain.records import (
    Agreement,
    ApplicationChannel,
    ApplicationOutcome,
    ChecklistTick,
    Closure,
    Consent,
    ConsentParty,
    Employer,
    EmployerContact,
    EmployerPerson,
    Employment,
    JobApplication,
    KykyviisariResult,
    Meeting,
    NetworkContact,
    PhaseChange,
    Plan,
    PlanRelation,
    PlanStep,
    SupportPlan,
    VocationalProfile,
    WorkHistoryEntry,
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


__all__ = [
    "FILE_LISTS",
    "RECORD_TYPES",
    "Agreement",
    "ApplicationChannel",
    "ApplicationOutcome",
    "ChecklistTick",
    "Client",
    "ClientFile",
    "ClientRecord",
    "Closure",
    "ClosureReason",
    "Consent",
    "ConsentMethod",
    "ConsentParty",
    "DisclosureChoice",
    "Employer",
    "EmployerContact",
    "EmployerPerson",
    "Employment",
    "EmploymentKind",
    "JobApplication",
    "KykyviisariResult",
    "Language",
    "MaintenanceLevel",
    "Meeting",
    "NetworkContact",
    "NotFound",
    "Phase",
    "PhaseChange",
    "PlaceType",
    "Plan",
    "PlanRelation",
    "PlanStep",
    "Record",
    "Referral",
    "ReferralSource",
    "SupportPlan",
    "UserError",
    "ValidationError",
    "VocationalProfile",
    "WorkHistoryEntry",
    "check_texts",
    "new_id",
    "validate",
]
