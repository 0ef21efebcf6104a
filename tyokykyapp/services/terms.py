"""How the organisation runs the service (ServiceTerms), kept in the vault's settings."""

from __future__ import annotations

from tyokykyapp.domain import ServiceTerms
from tyokykyapp.domain.codec import from_json, to_json
from tyokykyapp.domain.fields import check_fields
from tyokykyapp.services.changes import Changes
from tyokykyapp.vault import Vault

_KEY = "service_terms"


def service_terms(vault: Vault) -> ServiceTerms:
    stored = vault.repo.setting(_KEY)
    return from_json(ServiceTerms, stored) if stored else ServiceTerms()


def set_service_terms(vault: Vault, terms: ServiceTerms) -> Changes:
    """Keep the terms; the due list follows a new pay-subsidy lead time at once (kept results are keyed by it)."""
    check_fields(terms)
    vault.repo.set_setting(_KEY, to_json(terms))
    return Changes.of(None, _KEY, caseload=True)
