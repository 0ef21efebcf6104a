from __future__ import annotations

from datetime import date

import pytest

from tests.helpers.factories import client, signed_consent
from tyokykyapp.domain import (
    ConsentParty,
    ContactPurpose,
    DisclosureChoice,
    Employer,
    EmployerContact,
    Meeting,
    NetworkContact,
    ValidationError,
)
from tyokykyapp.process import checklist
from tyokykyapp.services import (
    add_client,
    delete_client,
    delete_record,
    purge_client,
    restore_client,
    restore_record,
    save_record,
    tick_checklist_item,
    untick_checklist_item,
)
from tyokykyapp.vault import Vault

D = date(2026, 3, 1)


def test_save_delete_restore_record_report_their_changes(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=D)
    m = Meeting(client_id=c.id, on=D)
    assert save_record(vault, m).kinds == {"meeting"}
    assert delete_record(vault, m).client_ids == {c.id}
    assert vault.repo.client_file(c.id).meetings == []
    restore_record(vault, m)
    assert len(vault.repo.client_file(c.id).meetings) == 1
    with pytest.raises(TypeError):
        save_record(vault, c)


def test_ticking_records_the_date_and_unticking_removes_it(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=D)
    tick_checklist_item(vault, c.id, "privacy_notice_given", D)
    item = next(i for i in checklist(vault.repo.client_file(c.id), c.phase, D) if i.key == "privacy_notice_given")
    assert item.done and item.done_on == D
    untick_checklist_item(vault, c.id, "privacy_notice_given")
    item = next(i for i in checklist(vault.repo.client_file(c.id), c.phase, D) if i.key == "privacy_notice_given")
    assert not item.done
    with pytest.raises(ValidationError, match="Unknown checklist item"):
        tick_checklist_item(vault, c.id, "no_such_item", D)


def test_client_bin(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=D)
    delete_client(vault, c.id)
    assert vault.repo.is_deleted(c.id)
    restore_client(vault, c.id)
    assert not vault.repo.is_deleted(c.id)
    delete_client(vault, c.id)
    assert purge_client(vault, c.id).caseload
    assert vault.repo.clients(deleted=True) == []


def test_an_employer_contact_is_checked_against_the_clients_choice(vault: Vault) -> None:
    """Probe: nothing checked a contact against the client's wish that the coach stay invisible to employers."""
    c = client()
    add_client(vault, c, on=date(2026, 1, 1))
    employer = vault.repo.save(Employer(name="Kahvila Kulma Oy"))
    contact = EmployerContact(employer_id=employer.id, on=date(2026, 2, 2), client_id=c.id)
    assert save_record(vault, contact).notices == (
        "No written consent was in force: ask the client before telling employers about them.",
    )
    consent = signed_consent(c.id, date(2026, 1, 5))
    save_record(vault, consent)
    assert save_record(vault, contact).notices == (
        "The client's choice about telling employers has not been discussed yet: ask the client.",
    )
    consent.employer_disclosure = DisclosureChoice.NO
    save_record(vault, consent)
    assert save_record(vault, contact).notices == (
        "The client asked the coach to stay invisible to employers: check that this contact kept to it.",
    )
    contact.contact_purpose = ContactPurpose.JOB_DEVELOPMENT  # the client was not presented
    assert save_record(vault, contact).notices == ()
    consent.employer_disclosure = DisclosureChoice.YES
    save_record(vault, consent)
    contact.contact_purpose = ContactPurpose.FOR_CLIENT
    assert save_record(vault, contact).notices == ()


def test_a_network_contact_is_checked_against_the_consents_parties(vault: Vault) -> None:
    c = client()
    add_client(vault, c, on=date(2026, 1, 1))
    consent = signed_consent(c.id, date(2026, 1, 5))  # names Kela
    consent.parties.append(ConsentParty(name="Terveysasema", role="terveydenhuolto", allowed=False))
    save_record(vault, consent)
    adviser = NetworkContact(client_id=c.id, role="Kelan etuusneuvoja", organisation="Kela")
    assert save_record(vault, adviser).notices == ()
    nurse = NetworkContact(client_id=c.id, role="terveydenhoitaja", organisation="Terveysasema")
    assert save_record(vault, nurse).notices == (
        "The client has not allowed exchanging information with terveydenhoitaja.",
    )
    worker = NetworkContact(client_id=c.id, role="sosiaalityöntekijä", name="Outi Ojala")
    assert save_record(vault, worker).notices == (
        "The consent does not name Outi Ojala: ask the client before exchanging information.",
    )
