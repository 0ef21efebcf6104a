"""The coach's and the organisation's details, printed on forms and recorded on moves.

The coach's details travel with a handover file; the organisation's details as the controller of the
client records (GDPR art. 13: contact, data protection officer, legal basis, retention) are set once per
vault and printed on the privacy notice, the access report and every filled form's secrecy mark."""

from __future__ import annotations

from dataclasses import dataclass

from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.i18n import N_, _

# Social welfare client records of the service task for people of working age are kept 10 years after
# the matter is closed (Act 703/2023 on the processing of client data in healthcare and social welfare).
# The organisation's archive plan decides the real period; this is only the value a new vault starts with.
DEFAULT_RETENTION_YEARS = 10
MAX_RETENTION_YEARS = 120


@dataclass(kw_only=True)
class CoachDetails:
    name: str = ""
    organisation: str = ""  # the organisation's name: the controller named in every header
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(kw_only=True)
class OrganisationDetails:
    """The organisation as the controller (rekisterinpitäjä) of the client records; its name is
    `CoachDetails.organisation`, printed in every header."""

    address: str = ""
    contact: str = ""  # the controller's phone or e-mail (registry office)
    data_protection_officer: str = ""  # name and contact of the DPO
    # Empty: the privacy notice prints the usual basis of a public job-coaching service.
    legal_basis: str = ""
    # The paragraph of law that makes the records secret, printed beside the mark (e.g. "JulkL 24.1 § 25 k").
    secrecy_basis: str = ""
    # Years the records are kept after the service ends, from the organisation's archive plan.
    retention_years: int = DEFAULT_RETENTION_YEARS

    def check(self) -> None:
        if not 1 <= self.retention_years <= MAX_RETENTION_YEARS:
            raise ValidationError(
                "retention_years",
                _("The retention period must be between 1 and {limit} years.").format(limit=MAX_RETENTION_YEARS),
            )


# What each detail is called in Settings and on the command line.
COACH_LABELS = {
    "name": N_("Your name"),
    "organisation": N_("Organisation"),
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "address": N_("Address"),
}
ORGANISATION_LABELS = {
    "address": N_("Organisation's address"),
    "contact": N_("Organisation's phone or e-mail"),
    "data_protection_officer": N_("Data protection officer (name and contact)"),
    "legal_basis": N_("Legal basis of the processing (empty: the usual basis of a public service)"),
    "secrecy_basis": N_("Legal basis of secrecy (e.g. JulkL 24.1 § 25 k)"),
    "retention_years": N_("Years the records are kept after the service ends"),
}
