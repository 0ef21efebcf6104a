"""The coach and organisation details kept in the vault (printed on forms, recorded on moves)."""

from __future__ import annotations

from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
from tyokykyapp.domain.codec import from_json, to_json
from tyokykyapp.domain.fields import check_fields
from tyokykyapp.domain.text_rules import check_email
from tyokykyapp.services.changes import Changes
from tyokykyapp.vault import Vault

_KEY = "coach"
_ORGANISATION_KEY = "organisation"


def coach_details(vault: Vault) -> CoachDetails:
    stored = vault.repo.setting(_KEY)
    return from_json(CoachDetails, stored) if stored else CoachDetails()


def set_coach_details(vault: Vault, details: CoachDetails) -> Changes:
    check_fields(details)
    check_email("email", details.email)
    vault.repo.set_setting(_KEY, to_json(details))
    return Changes.of(None, _KEY)


def organisation_details(vault: Vault) -> OrganisationDetails:
    stored = vault.repo.setting(_ORGANISATION_KEY)
    return from_json(OrganisationDetails, stored) if stored else OrganisationDetails()


def set_organisation_details(vault: Vault, details: OrganisationDetails) -> Changes:
    check_fields(details)
    vault.repo.set_setting(_ORGANISATION_KEY, to_json(details))
    return Changes.of(None, _ORGANISATION_KEY)
