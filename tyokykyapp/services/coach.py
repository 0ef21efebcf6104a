"""The coach's and the organisation's settings kept in the vault: who the coach is (printed on forms, recorded
on moves) and how the service is run (ServiceTerms: printed on the agreement, read by the due list)."""

from __future__ import annotations

from typing import TypeVar

from tyokykyapp.domain import ServiceTerms
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.domain.codec import from_json, to_json
from tyokykyapp.domain.fields import check_fields
from tyokykyapp.domain.text_rules import check_texts
from tyokykyapp.services.changes import Changes
from tyokykyapp.vault import Vault

T = TypeVar("T")
_COACH = "coach"
_TERMS = "service_terms"


def _stored(vault: Vault, key: str, cls: type[T]) -> T:
    stored = vault.repo.setting(key)
    return from_json(cls, stored) if stored else cls()


def coach_details(vault: Vault) -> CoachDetails:
    return _stored(vault, _COACH, CoachDetails)


def set_coach_details(vault: Vault, details: CoachDetails) -> Changes:
    check_texts(details)
    vault.repo.set_setting(_COACH, to_json(details))
    return Changes.of(None, _COACH)


def service_terms(vault: Vault) -> ServiceTerms:
    return _stored(vault, _TERMS, ServiceTerms)


def set_service_terms(vault: Vault, terms: ServiceTerms) -> Changes:
    """Keep the terms; the due list follows a new pay-subsidy lead time at once (kept results are keyed by it)."""
    check_fields(terms)
    vault.repo.set_setting(_TERMS, to_json(terms))
    return Changes.of(None, _TERMS, caseload=True)
