"""What is printed is true: a withdrawn consent, a refused party, a closure for a client who died or could
not be reached, what a take-home summary shows, and the dates that were recorded."""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.helpers.factories import client
from tests.helpers.pdf import flat, text_of
from tyokykyapp.domain import (
    ClientFile,
    Closure,
    ClosureReason,
    Consent,
    ConsentParty,
    Employment,
    EmploymentKind,
    Meeting,
    Plan,
    PlanStep,
    SupportPlan,
    VocationalProfile,
)
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.forms.closure import RECORD_ONLY
from tyokykyapp.forms.render import FormKind, render_form

COACH = CoachDetails(name="Riikka Räsänen", organisation="Vaasan kaupunki", phone="040 123 4567")


def a_file() -> ClientFile:
    c = client(family_name="Lehtonen", given_names="Minna", date_of_birth=date(1966, 3, 8), started_on=date(2025, 9, 2))
    return ClientFile(client=c)


def consented(**values: object) -> ClientFile:
    file = a_file()
    file.consents.append(
        Consent(
            client_id=file.client.id,
            given_on=date(2026, 1, 12),
            parties=[
                ConsentParty(name="Kela", what_may_be_exchanged="etuudet ja kuntoutus"),
                ConsentParty(name="Terveysasema", role="terveydenhuolto", allowed=False),
            ],
            health_information=True,
            **values,  # type: ignore[arg-type]
        )
    )
    return file


def test_a_withdrawn_consent_prints_as_withdrawn_and_cannot_be_signed() -> None:
    file = consented(withdrawn_on=date(2026, 6, 1))
    text = flat(render_form(FormKind.CONSENT, coach=COACH, file=file, lang="fi"))
    assert "PERUTTU 1.6.2026" in text
    assert "Tämä suostumus ei enää anna lupaa tietojen vaihtamiseen." in text
    assert "Peruttu: 1.6.2026" in text and "Voimassa: 12.1.2026 – 1.6.2026" in text
    assert "allekirjoitus" not in text.lower()
    in_force = render_form(FormKind.CONSENT, coach=COACH, file=consented(), lang="fi")
    assert "PERUTTU" not in text_of(in_force) and "Asiakkaan allekirjoitus" in text_of(in_force)


@pytest.mark.parametrize("kind", [FormKind.CONSENT, FormKind.ACCESS_REPORT])
def test_a_refused_party_is_printed_as_refused(kind: FormKind) -> None:
    text = text_of(render_form(kind, coach=COACH, file=consented(), lang="fi"))
    lines = text.splitlines()
    refused = lines.index("Terveysasema")
    assert lines[refused - 1].endswith("ei, kielletty")
    allowed = lines.index("Kela")
    assert lines[allowed - 1].endswith("kyllä")


def test_the_access_report_shows_a_withdrawn_consent() -> None:
    text = text_of(render_form(FormKind.ACCESS_REPORT, coach=COACH, file=consented(withdrawn_on=date(2026, 6, 1))))
    assert "PERUTTU 1.6.2026" in text


def closed(reason: ClosureReason) -> ClientFile:
    file = a_file()
    file.closures.append(
        Closure(client_id=file.client.id, closed_on=date(2026, 10, 30), reason=reason, notes="Tieto omaiselta.")
    )
    return file


@pytest.mark.parametrize("reason", sorted(RECORD_ONLY))
def test_the_closure_for_a_client_who_died_or_was_not_reached_is_a_record_for_the_file(reason: ClosureReason) -> None:
    printed = render_form(FormKind.CLOSURE, coach=COACH, file=closed(reason), lang="fi", today=date(2026, 11, 2))
    text = flat(printed)
    assert "Palvelun päättyminen: merkintä asiakirjoihin" in text
    assert reason.label in text or "Päättymisen syy" in text
    assert "Kirjaaja: Riikka Räsänen" in text and "Kirjattu: 2.11.2026" in text
    assert "Palvelun aika: 2.9.2025 – 30.10.2026" in text
    assert "tervetullut" not in text and "palata" not in text
    assert "Asiakkaan allekirjoitus" not in text and "Työhönvalmentajan allekirjoitus" in text


def test_a_died_closure_names_the_reason() -> None:
    text = flat(render_form(FormKind.CLOSURE, coach=COACH, file=closed(ClosureReason.DIED), lang="fi"))
    assert "Päättymisen syy: Kuollut" in text


def test_a_closure_the_client_takes_part_in_is_a_letter_to_sign() -> None:
    text = flat(render_form(FormKind.CLOSURE, coach=COACH, file=closed(ClosureReason.STUDIES), lang="fi"))
    assert "Jos haluat palata palveluun" in text and "Asiakkaan allekirjoitus" in text
    assert "Tieto omaiselta" not in text  # the coach's notes are not in the client's letter


def test_the_take_home_meeting_summary_has_only_what_was_agreed() -> None:
    file = a_file()
    file.meetings.append(
        Meeting(
            client_id=file.client.id,
            on=date(2026, 2, 3),
            notes="Valmentajan sisäinen havainto.",
            agreed_next_steps="Minna soittaa Kahvila Aamuun.",
            next_meeting_on=date(2026, 2, 10),
            next_meeting_time=time(9, 5),
        )
    )
    text = flat(render_form(FormKind.MEETING_SUMMARY, coach=COACH, file=file, lang="fi"))
    assert text.startswith("Tapaamisen yhteenveto")
    assert "Minna soittaa Kahvila Aamuun." in text and "Tapaamisen päivämäärä: 3.2.2026" in text
    assert "Päivämäärä: 10.2.2026" in text and "Kellonaika: 9.05" in text
    assert "sisäinen havainto" not in text
    assert "8.3.1966" not in text and "Syntymäaika" not in text


def test_recorded_dates_are_printed() -> None:
    file = a_file()
    cid = file.client.id
    file.vocational_profiles.append(VocationalProfile(client_id=cid, updated_on=date(2025, 10, 14)))
    file.plans.append(
        Plan(
            client_id=cid,
            made_on=date(2025, 10, 21),
            steps=[PlanStep(description="Päivitetään CV", due_on=date(2025, 10, 31), done_on=date(2025, 10, 20))],
        )
    )
    job = Employment(client_id=cid, start_on=date(2026, 3, 2), kind=EmploymentKind.WORK_TRIAL, employer_name="Aamu")
    file.employments.append(job)
    file.support_plans.append(
        SupportPlan(client_id=cid, made_on=date(2026, 3, 9), employment_id=job.id, review_on=date(2026, 6, 1))
    )
    profile = flat(render_form(FormKind.PROFILE, coach=COACH, file=file, lang="fi"))
    assert "Päivitetty: 14.10.2025" in profile
    plan = flat(render_form(FormKind.PLAN, coach=COACH, file=file, lang="fi"))
    assert "Laadittu: 21.10.2025" in plan and "31.10.2025" in plan and "20.10.2025" in plan
    support = flat(render_form(FormKind.SUPPORT_PLAN, coach=COACH, file=file, lang="fi"))
    assert "Laadittu: 9.3.2026" in support and "Suunnitelman seuraava tarkistus: 1.6.2026" in support
    assert "Laji: Työkokeilu" in support and "Ei palkkatukea." in support
    assert "Työnantaja tietää työhönvalmennuksesta: ei" in support


def test_dates_have_no_leading_zeros() -> None:
    text = flat(render_form(FormKind.CONSENT, coach=COACH, file=consented(), lang="fi"))
    assert "Syntymäaika: 8.3.1966" in text and "Voimassa: 12.1.2026 – palvelun päättymiseen asti" in text
    assert "08.03" not in text
