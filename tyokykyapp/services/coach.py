"""The coach's and the organisation's settings kept in the vault: the coach and organisation details (printed on
forms, recorded on moves) and the service terms (project end, pay-subsidy lead)."""

from __future__ import annotations

from typing import TypeVar

from tyokykyapp.domain import ServiceTerms
from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
from tyokykyapp.domain.codec import from_json, to_json
from tyokykyapp.domain.fields import check_fields
from tyokykyapp.domain.text_rules import check_email
from tyokykyapp.services.changes import Changes
from tyokykyapp.vault import Vault

T = TypeVar("T")
_COACH = "coach"
_ORGANISATION = "organisation"
_TERMS = "service_terms"


def _stored(vault: Vault, key: str, cls: type[T]) -> T:
    stored = vault.repo.setting(key)
    return from_json(cls, stored) if stored else cls()


def _keep(vault: Vault, key: str, value: object, *, caseload: bool = False) -> Changes:
    check_fields(value)
    vault.repo.set_setting(key, to_json(value))
    return Changes.of(None, key, caseload=caseload)


def coach_details(vault: Vault) -> CoachDetails:
    return _stored(vault, _COACH, CoachDetails)


def set_coach_details(vault: Vault, details: CoachDetails) -> Changes:
    check_email("email", details.email)
    return _keep(vault, _COACH, details)


def organisation_details(vault: Vault) -> OrganisationDetails:
    return _stored(vault, _ORGANISATION, OrganisationDetails)


def set_organisation_details(vault: Vault, details: OrganisationDetails) -> Changes:
    return _keep(vault, _ORGANISATION, details)


def service_terms(vault: Vault) -> ServiceTerms:
    return _stored(vault, _TERMS, ServiceTerms)


def set_service_terms(vault: Vault, terms: ServiceTerms) -> Changes:
    """Keep the terms; the due list follows a new pay-subsidy lead time at once (kept results are keyed by it)."""
    return _keep(vault, _TERMS, terms, caseload=True)
