"""The printed forms, read back from the PDF bytes with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import tyokykyapp
from tests.helpers.factories import client
from tyokykyapp.domain import (
    ClientFile,
    Closure,
    ClosureDestination,
    ClosureReason,
    Consent,
    ConsentParty,
    DisclosureChoice,
    Employer,
    Employment,
    Episode,
    Meeting,
    ServiceTerms,
    SupportPlan,
    VocationalProfile,
    WorkHistoryEntry,
)
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.forms.blocks import BOX_EMPTY, BOX_TICKED
from tyokykyapp.forms.render import NO_BLANK, FormKind, PrintedForm, form_title, render_form

COACH = CoachDetails(name="Riikka Räsänen", organisation="Helsingin kaupunki", phone="09 123", email="r@example.fi")
CLIENT_FORMS = [k for k in FormKind if k is not FormKind.RECOVERY_SHEET]
BLANK_FORMS = [k for k in FormKind if k not in NO_BLANK]


def pages(printed: PrintedForm) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(printed.pdf)).pages]


def a_file() -> ClientFile:
    c = client(family_name="Sámi-Áilu Ŋ Šaddá", given_names="Ánde Žaneta", date_of_birth=date(1980, 5, 4))
    file = ClientFile(client=c)
    file.consents.append(
        Consent(
            client_id=c.id,
            given_on=date(2026, 1, 5),
            employer_disclosure=DisclosureChoice.AGREED_EACH_TIME,
            parties=[
                ConsentParty(name="Kela", allowed=True),
                ConsentParty(name="Terveysasema", allowed=False),
                ConsentParty(name="TE-palvelut", allowed=True),
            ],
        )
    )
    file.meetings.append(
        Meeting(
            client_id=c.id,
            on=date(2026, 2, 1),
            notes="Kävimme läpi työtoiveita.",
            agreed_next_steps="Asiakas päivittää CV:n.",
        )
    )
    file.vocational_profiles.append(
        VocationalProfile(
            client_id=c.id,
            updated_on=date(2026, 2, 1),
            work_goals="Keittiötyö",
            work_history=[WorkHistoryEntry(employer="Kahvila", title="apulainen", period="2019")],
        )
    )
    return file


@pytest.mark.parametrize("kind", CLIENT_FORMS)
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_title_in_each_language_and_the_name_on_every_page(kind: FormKind, lang: str) -> None:
    file = a_file()
    text = pages(render_form(kind, coach=COACH, file=file, lang=lang))
    assert form_title(kind, lang) in text[0]
    for page_text in text:
        assert "Ánde Žaneta Sámi-Áilu Ŋ Šaddá" in page_text
        assert "Helsingin kaupunki" in page_text


@pytest.mark.parametrize("kind", CLIENT_FORMS)
def test_every_form_names_the_app_and_its_version_in_the_pdf_metadata(kind: FormKind) -> None:
    metadata = PdfReader(io.BytesIO(render_form(kind, coach=COACH, file=a_file(), lang="fi").pdf)).metadata
    assert metadata is not None and metadata.creator == f"Työkyky {tyokykyapp.__version__}"


def test_titles_differ_between_languages() -> None:
    titles = {lang: form_title(FormKind.CONSENT, lang) for lang in ("fi", "sv", "en")}
    assert titles == {
        "fi": "Suostumus tietojen vaihtamiseen",
        "sv": "Samtycke till utbyte av uppgifter",
        "en": "Consent to exchange information",
    }


@pytest.mark.parametrize("kind", BLANK_FORMS)
def test_blank_forms_have_page_numbers_and_no_personal_data(kind: FormKind) -> None:
    text = pages(render_form(kind, coach=COACH, lang="fi"))
    total = len(text)
    for number, page_text in enumerate(text, 1):
        assert f"sivu {number} / {total}" in page_text
    joined = "\n".join(text)
    assert "Sámi-Áilu" not in joined and "Ánde" not in joined and "Kävimme" not in joined


def test_consent_lists_every_party_with_its_answer() -> None:
    lines = "\n".join(pages(render_form(FormKind.CONSENT, coach=COACH, file=a_file(), lang="en"))).splitlines()
    for name, answer in (("Kela", f"{BOX_TICKED} yes"), ("Terveysasema", f"{BOX_EMPTY} no, refused")):
        assert lines[lines.index(name) - 1] == answer, name
    choice = next(line for line in lines if "Only what is agreed each time" in line)
    assert BOX_TICKED in choice


def test_a_50000_character_note_flows_over_pages_with_every_word() -> None:
    file = a_file()
    words = [f"sana{n:05d}" for n in range(5_000)]
    note = " ".join(words)
    assert len(note) >= 49_999
    file.meetings[0].notes = note
    text = pages(render_form(FormKind.ACCESS_REPORT, coach=COACH, file=file, lang="fi", large_print=True))
    assert len(text) > 3
    found = set(re.findall(r"sana\d{5}", "\n".join(text)))
    assert found == set(words)
    assert all(f"sivu {n} / {len(text)}" in t for n, t in enumerate(text, 1))


def test_long_work_history_row_is_printed_whole() -> None:
    file = a_file()
    file.vocational_profiles[0].work_history[0].tasks = "tehtävä " * 2000
    text = "\n".join(pages(render_form(FormKind.PROFILE, coach=COACH, file=file, lang="fi")))
    assert text.count("tehtävä") == 2000


def test_large_print_uses_bigger_text() -> None:
    normal = render_form(FormKind.AGREEMENT, coach=COACH, lang="fi")
    large = render_form(FormKind.AGREEMENT, coach=COACH, lang="fi", large_print=True)
    assert len(pages(large)) >= len(pages(normal))


def test_recovery_sheet_shows_the_key() -> None:
    key = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456"
    text = "\n".join(
        pages(
            render_form(
                FormKind.RECOVERY_SHEET,
                coach=COACH,
                lang="fi",
                extra={"recovery_key": key, "vault_id": "v-1", "created": "23.11.2026"},
            )
        )
    )
    assert key in text and "Helsingin kaupunki" in text


def test_meeting_summary_needs_a_meeting_and_access_report_a_client() -> None:
    from tyokykyapp.domain import UserError

    file = a_file()
    file.meetings.clear()
    with pytest.raises(UserError, match="no meetings"):
        render_form(FormKind.MEETING_SUMMARY, coach=COACH, file=file)
    with pytest.raises(UserError, match="only filled"):
        render_form(FormKind.ACCESS_REPORT, coach=COACH)


text = st.text(max_size=400)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(family=text, notes=text, party=text)
def test_any_unicode_in_names_and_notes_never_crashes_a_form(family: str, notes: str, party: str) -> None:
    file = a_file()
    file.client.family_name = family
    file.meetings[0].notes = notes
    file.consents[0].parties.append(ConsentParty(name=party))
    for kind in (FormKind.CONSENT, FormKind.MEETING_SUMMARY, FormKind.ACCESS_REPORT, FormKind.PROFILE):
        assert render_form(kind, coach=COACH, file=file, lang="sv").pdf.startswith(b"%PDF")


def test_access_report_reads_like_a_letter_not_a_database() -> None:
    from tyokykyapp.domain import ChecklistTick

    file = a_file()
    file.checklist_ticks.append(
        ChecklistTick(client_id=file.client.id, item="privacy_notice_given", ticked_on=date(2026, 1, 3))
    )
    text = "\n".join(pages(render_form(FormKind.ACCESS_REPORT, coach=COACH, file=file, lang="fi")))
    assert "Sukunimi: Sámi-Áilu Ŋ Šaddá" in text
    assert "Tapaaminen (1)" in text and "Tietosuojaseloste annettu asiakkaalle" in text
    assert "family_name" not in text and "place_type" not in text and "privacy_notice_given" not in text
    assert "Tapaamistapa: Kasvokkain" in text


def test_an_employer_chosen_from_the_register_is_named_on_the_support_plan_and_the_access_report() -> None:
    file = a_file()
    employer = Employer(name="Kiinteistöhuolto Satama Oy")
    job = Employment(client_id=file.client.id, start_on=date(2026, 3, 1), employer_id=employer.id, title="huoltomies")
    file.employments.append(job)
    file.support_plans.append(SupportPlan(client_id=file.client.id, made_on=date(2026, 3, 2), employment_id=job.id))
    names = {employer.id: employer.name}
    for kind in (FormKind.SUPPORT_PLAN, FormKind.ACCESS_REPORT):
        text = " ".join(pages(render_form(kind, coach=COACH, file=file, names=names))).replace("\n", " ")
        assert "Kiinteistöhuolto Satama Oy" in text, kind


def test_the_agreement_states_the_services_period_as_the_organisation_set_it() -> None:
    """A project promises no support after it ends (003): the agreement says until when, or no time limit."""
    unlimited = "\n".join(pages(render_form(FormKind.AGREEMENT, coach=COACH, lang="fi")))
    assert "Palvelulla ei ole kiinteää aikarajaa." in unlimited
    project = ServiceTerms(project_ends_on=date(2027, 12, 31))
    text = "\n".join(pages(render_form(FormKind.AGREEMENT, coach=COACH, lang="fi", terms=project)))
    assert "Palvelu on käytettävissä hankkeen ajan, 31.12.2027 asti." in text
    assert "aikarajaa" not in text


def test_the_closure_prints_the_episode_and_where_the_client_goes() -> None:
    file = a_file()
    first = Episode(client_id=file.client.id, started_on=date(2024, 1, 8))
    file.episodes = [first, Episode(client_id=file.client.id, started_on=date(2026, 1, 5))]
    file.closures.append(
        Closure(
            client_id=file.client.id,
            closed_on=date(2024, 9, 30),
            reason=ClosureReason.SERVICE_ENDED,
            destination=ClosureDestination.OTHER_SERVICE,
            episode_id=first.id,
        )
    )
    text = "\n".join(pages(render_form(FormKind.CLOSURE, coach=COACH, file=file, lang="fi")))
    assert "8.1.2024 – 30.9.2024" in text
    assert "Hanke tai pilotti päättyi" in text and "Muu palvelu" in text
