"""The coach's and the organisation's details, printed on forms and recorded on moves.

The coach's details travel with a handover file; the organisation's details as the controller of the
client records (GDPR art. 13: contact, data protection officer, legal basis, retention) are set once per
vault and printed on the privacy notice, the access report and every filled form's secrecy mark."""

from __future__ import annotations

from dataclasses import dataclass

from tyokykyapp.domain.fields import fld
from tyokykyapp.i18n import N_

# Social welfare client records of the service task for people of working age are kept 10 years after
# the matter is closed (Act 703/2023 on the processing of client data in healthcare and social welfare).
# The organisation's archive plan decides the real period; this is only the value a new vault starts with.
DEFAULT_RETENTION_YEARS = 10
MAX_RETENTION_YEARS = 120


@dataclass(kw_only=True)
class CoachDetails:
    name: str = fld(N_("Your name"), default="")
    # The organisation's name: the controller named in every header.
    organisation: str = fld(N_("Organisation"), default="")
    phone: str = fld(N_("Phone"), default="")
    email: str = fld(N_("E-mail"), default="")
    address: str = fld(N_("Address"), default="")


@dataclass(kw_only=True)
class OrganisationDetails:
    """The organisation as the controller (rekisterinpitäjä) of the client records; its name is
    `CoachDetails.organisation`, printed in every header."""

    address: str = fld(N_("Organisation's address"), default="")
    # The controller's phone or e-mail (registry office).
    contact: str = fld(N_("Organisation's phone or e-mail"), default="")
    data_protection_officer: str = fld(N_("Data protection officer (name and contact)"), default="")
    # Empty: the privacy notice prints the usual basis of a public job-coaching service.
    legal_basis: str = fld(N_("Legal basis of the processing (empty: the usual basis of a public service)"), default="")
    # The paragraph of law that makes the records secret, printed beside the mark (e.g. "JulkL 24.1 § 25 k").
    secrecy_basis: str = fld(N_("Legal basis of secrecy (e.g. JulkL 24.1 § 25 k)"), default="")
    # Years the records are kept after the service ends, from the organisation's archive plan.
    retention_years: int = fld(
        N_("Years the records are kept after the service ends"),
        default=DEFAULT_RETENTION_YEARS,
        numbers=(1, MAX_RETENTION_YEARS),
    )
