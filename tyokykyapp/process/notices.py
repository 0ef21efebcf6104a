"""What the coach should know about a record just logged, checked against the client's consent. These advise
and never refuse: the contact has already happened, and the coach decides what to do about it."""

from __future__ import annotations

from datetime import date

from tyokykyapp.domain import (
    ClientFile,
    ConsentParty,
    ContactPurpose,
    DisclosureChoice,
    EmployerContact,
    NetworkContact,
    Record,
)
from tyokykyapp.i18n import _

JOB_DEVELOPMENT = ContactPurpose.JOB_DEVELOPMENT


# The records checked against the consent when they are saved.
NOTICED_KINDS = (EmployerContact, NetworkContact)


def record_notices(file: ClientFile, record: Record, today: date) -> list[str]:
    """Notices about `record` as saved in the client's `file` (a network contact is checked against the
    consent in force `today`)."""
    # Job development does not present the client; a contact on their behalf (or of no stated purpose) may.
    if isinstance(record, EmployerContact) and record.client_id and record.contact_purpose is not JOB_DEVELOPMENT:
        return _employer_contact(file, record.on)
    if isinstance(record, NetworkContact):
        return _network_contact(file, record, today)
    return []


def _employer_contact(file: ClientFile, on: date) -> list[str]:
    consent = file.consent_in_force(on)
    if consent is None:
        return [_("No written consent was in force: ask the client before telling employers about them.")]
    if consent.employer_disclosure is DisclosureChoice.NO:
        return [_("The client asked the coach to stay invisible to employers: check that this contact kept to it.")]
    if consent.employer_disclosure is None:
        return [_("The client's choice about telling employers has not been discussed yet: ask the client.")]
    return []


def _matches(party: ConsentParty, contact: NetworkContact) -> bool:
    """A consent party names the contact when one's name, role or organisation contains the other's (the
    consent says "Kela", the contact is the Kela benefit adviser)."""
    theirs = [t.casefold().strip() for t in (party.name, party.role) if t.strip()]
    ours = [t.casefold().strip() for t in (contact.name, contact.organisation, contact.role) if t.strip()]
    return any(a in b or b in a for a in theirs for b in ours)


def _network_contact(file: ClientFile, contact: NetworkContact, today: date) -> list[str]:
    who = contact.name or contact.role
    consent = file.consent_in_force(today)
    if consent is None:
        return [
            _("No written consent in force: ask the client before exchanging information with {who}.").format(who=who)
        ]
    parties = [p for p in consent.parties if _matches(p, contact)]
    if not parties:
        return [_("The consent does not name {who}: ask the client before exchanging information.").format(who=who)]
    if not any(p.allowed for p in parties):
        return [_("The client has not allowed exchanging information with {who}.").format(who=who)]
    return []
