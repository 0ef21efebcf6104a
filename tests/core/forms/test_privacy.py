"""The privacy notice meets GDPR art. 13 with the organisation's own details, and the access report is the
copy art. 15 asks for or says plainly what it leaves out."""

from __future__ import annotations

import pytest

from tests.core.forms.test_truth import consented
from tests.helpers.pdf import flat
from tyokykyapp.domain import UserError
from tyokykyapp.domain.coach import DEFAULT_RETENTION_YEARS, CoachDetails, OrganisationDetails
from tyokykyapp.forms.privacy_notice import COMPLAINTS
from tyokykyapp.forms.render import FormKind, render_form

COACH = CoachDetails(name="Riikka Räsänen", organisation="Vaasan kaupunki", phone="040 123 4567", email="r@vaasa.fi")
ORGANISATION = OrganisationDetails(
    address="PL 3, 65101 Vaasa",
    contact="kirjaamo@vaasa.fi",
    data_protection_officer="Tietosuojavastaava, tietosuoja@vaasa.fi",
    retention_years=12,
)


def notice(lang: str = "fi", **values: object) -> str:
    return flat(render_form(FormKind.PRIVACY_NOTICE, coach=COACH, file=consented(), lang=lang, **values))  # type: ignore[arg-type]


def test_the_notice_names_the_controller_its_dpo_and_the_retention_set_for_the_organisation() -> None:
    text = notice(organisation=ORGANISATION)
    for expected in (
        "Rekisterinpitäjä (kuka vastaa tiedoistasi)",
        "Organisaatio: Vaasan kaupunki",
        "Osoite: PL 3, 65101 Vaasa",
        "Puhelin tai sähköposti: kirjaamo@vaasa.fi",
        "Tietosuojavastaava: Tietosuojavastaava, tietosuoja@vaasa.fi",
        "Tietojasi säilytetään 12 vuotta palvelun päättymisestä",
        "Lisätietoja antaa: Riikka Räsänen · 040 123 4567 · r@vaasa.fi",
        "Asiakas: Minna Lehtonen",
        "Versio TK-TIETO 1/2026",
    ):
        assert expected in text, expected


def test_the_notice_has_every_item_of_article_13() -> None:
    text = notice("en", organisation=ORGANISATION)
    for expected in (
        "To plan and carry out your job coaching",  # purposes
        "GDPR art. 6(1)(e)",  # legal basis
        "art. 9(2)(h)",  # health data
        "information about your health and work ability",  # categories
        "personal identity code",
        "Where the information comes from",  # sources (art. 14)
        "Authorities that have a right to the information by law",  # recipients
        "The next job coach",  # the handover
        "not transferred outside the EU or the EEA",
        "restrict its use",
        "object to its processing",
        "withdraw a consent at any time; this does not affect what was done before",
        "No decisions about you are made automatically",
        "Do you have to give your information?",
        COMPLAINTS,
    ):
        assert expected in text, expected


def test_the_notice_never_claims_only_the_coach_can_read_the_records() -> None:
    text = notice("en", organisation=ORGANISATION)
    assert "Nobody can read" not in text
    assert "The organisation keeps a recovery key in a safe" in text


def test_the_legal_basis_and_retention_the_organisation_set_are_printed() -> None:
    own = OrganisationDetails(legal_basis="Sosiaalihuoltolaki 1301/2014, 17 §.", retention_years=1)
    text = notice("en", organisation=own)
    assert "Sosiaalihuoltolaki 1301/2014, 17 §." in text and "GDPR art. 6(1)(e)" not in text
    assert "kept for 1 year after the service ends" in text
    default = notice("en")
    assert f"kept for {DEFAULT_RETENTION_YEARS} years after the service ends" in default


def test_a_filled_notice_needs_the_organisation_and_a_blank_one_gets_lines_to_write_it() -> None:
    with pytest.raises(UserError, match="must name the organisation"):
        render_form(FormKind.PRIVACY_NOTICE, coach=CoachDetails(name="Riikka"), file=consented(), lang="en")
    blank = flat(render_form(FormKind.PRIVACY_NOTICE, coach=CoachDetails(), lang="fi"))
    assert "Organisaatio:" in blank and "organisaatio säilyttää" not in blank
    # The organisation's details are no personal data: a blank notice prints them.
    assert "Osoite: PL 3, 65101 Vaasa" in flat(
        render_form(FormKind.PRIVACY_NOTICE, coach=COACH, organisation=ORGANISATION, lang="fi")
    )


def test_the_access_report_says_what_it_leaves_out_and_carries_the_article_15_information() -> None:
    text = flat(
        render_form(FormKind.ACCESS_REPORT, coach=COACH, organisation=ORGANISATION, file=consented(), lang="en")
    )
    assert "What this report does not include" in text
    assert "Records moved to the bin" in text and "earlier versions of records that were changed" in text
    for expected in (
        "To plan and carry out your job coaching",
        "Where the information comes from",
        "Authorities that have a right to the information by law",
        "kept for 12 years after the service ends",
        "object to its processing",
        COMPLAINTS,
        "Data protection officer: Tietosuojavastaava, tietosuoja@vaasa.fi",
    ):
        assert expected in text, expected
