"""Layout fit for paper, read back from the PDFs: what every page carries, signatures on the same sheet as
what is signed, no empty trailing page, space after tables, tick boxes for coded choices."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.forms.test_truth import consented
from tests.helpers.factories import client
from tests.helpers.pdf import flat, pages, pieces
from tyokykyapp.domain import ClientFile, ClosureReason, ConsentParty, Meeting, Plan, PlanStep
from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
from tyokykyapp.forms.closure import RECORD_ONLY
from tyokykyapp.forms.render import MODULES, NO_BLANK, FormKind, render_form
from tyokykyapp.i18n import using_language

COACH = CoachDetails(
    name="Riikka Räsänen",
    organisation="Helsingin kaupunki, Kaupunginkanslia, Elinkeino-osasto, Työllisyyspalvelut, Työhönvalmennus",
    phone="09 310 12345",
    email="riikka.rasanen@hel.fi",
)
ORGANISATION = OrganisationDetails(secrecy_basis="JulkL 24.1 § 25 k")
BLANK = [k for k in FormKind if k not in NO_BLANK]
# Each signed form and the last words before its signatures.
SIGNED = {
    FormKind.CONSENT: "Olen saanut kopion tästä suostumuksesta.",
    FormKind.AGREEMENT: "Olen saanut tietosuojaselosteen.",
    FormKind.PLAN: "Muut suunnitelmat",
    FormKind.SUPPORT_PLAN: "Kenelle soitetaan, kun jokin muuttuu",
    FormKind.CLOSURE: "Jos haluat palata palveluun",
}
FURNITURE = ("Helsingin kaupunki", "Riikka Räsänen · 09", "Asiakas:", "sivu ", "TK-", "SALASSA")


def _body(page: str) -> list[str]:
    """The lines of a page other than the letterhead, name line and footer."""
    return [line for line in page.splitlines() if line.strip() and not line.startswith(FURNITURE)]


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("kind", BLANK)
def test_blank_forms_have_a_name_line_and_the_form_code_on_every_page_and_no_empty_page(
    kind: FormKind, large_print: bool
) -> None:
    text = pages(render_form(kind, coach=COACH, large_print=large_print))
    for page in text:
        assert "Asiakas:" in page and MODULES[kind].CODE in page
        assert "SALASSA PIDETTÄVÄ" not in page
        assert _body(page), "an empty page"


@pytest.mark.parametrize("kind", [k for k in FormKind if k is not FormKind.RECOVERY_SHEET])
def test_filled_forms_are_marked_confidential_with_the_code_on_every_page(kind: FormKind) -> None:
    file = consented()
    file.meetings.append(Meeting(client_id=file.client.id, on=date(2026, 2, 3), agreed_next_steps="Soitan."))
    text = pages(render_form(kind, coach=COACH, organisation=ORGANISATION, file=file, lang="fi"))
    for page in text:
        assert "SALASSA PIDETTÄVÄ · JulkL 24.1 § 25 k" in page and MODULES[kind].CODE in page
        assert "Minna Lehtonen" in page and _body(page)


def test_the_page_number_is_in_the_same_regular_type_on_blank_and_filled_forms() -> None:
    for printed in (
        render_form(FormKind.CONSENT, coach=COACH),
        render_form(FormKind.CONSENT, coach=COACH, file=consented()),
    ):
        numbers = [p for p in pieces(printed) if p.text.startswith("sivu ")]
        assert numbers and not any(p.bold for p in numbers)
        assert len({p.size for p in numbers}) == 1


def _many_parties() -> ClientFile:
    file = consented(purpose="Yhteistyö Kelan kanssa. " * 600)
    file.consents[0].parties += [ConsentParty(name=f"Palvelu {n}", role="sosiaalityö") for n in range(25)]
    return file


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("kind", list(SIGNED))
def test_signatures_are_on_the_same_page_as_the_end_of_what_is_signed(kind: FormKind, large_print: bool) -> None:
    files = [None, consented()] + ([_many_parties()] if kind is FormKind.CONSENT else [])
    for file in files:
        printed = render_form(kind, coach=COACH, file=file, large_print=large_print)
        text = [" ".join(page.split()) for page in pages(printed)]
        signed = [page for page in text if "Paikka ja aika" in page]
        assert len(signed) == 1, kind
        assert SIGNED[kind] in signed[0]
        assert signed[0] is text[-1]


def test_the_standard_filled_consent_fits_on_one_page() -> None:
    assert len(pages(render_form(FormKind.CONSENT, coach=COACH, file=consented(), lang="fi"))) == 1


def test_a_table_has_room_after_it() -> None:
    c = client()
    file = ClientFile(client=c)
    file.plans.append(
        Plan(
            client_id=c.id,
            made_on=date(2026, 1, 5),
            steps=[PlanStep(description="Viimeinen askel")],
            meeting_frequency="Kerran viikossa",
        )
    )
    drawn = pieces(render_form(FormKind.PLAN, coach=COACH, file=file))
    last_row = next(p for p in drawn if p.text.startswith("Viimeinen askel"))
    after = next(p for p in drawn if p.text.startswith("Kuinka usein tapaamme"))
    # Baseline to baseline: the row's padding and descent, the line's ascent, and a body size of space.
    assert last_row.y - after.y > 26


def test_coded_choices_are_tick_boxes_on_blank_forms() -> None:
    closure = flat(render_form(FormKind.CLOSURE, coach=COACH))
    with using_language("fi"):
        for reason in ClosureReason:
            assert (f"☐ {reason.label}" in closure) is (reason not in RECORD_ONLY), reason
    consent = flat(render_form(FormKind.CONSENT, coach=COACH))
    for party in ("Kela", "Työllisyyspalvelut", "Mielenterveyspalvelut", "Työterveyshuolto", "Muu, kuka:"):
        assert f"☐ {party}" in consent
    assert "Ammattilainen (nimi)" in consent and "Mitä tietoja saa vaihtaa" in consent
    assert "☐ palvelun päättymiseen asti ☐ tai ____.____.20____ asti" in consent
    support = flat(render_form(FormKind.SUPPORT_PLAN, coach=COACH))
    assert "☐ Työsuhde ☐ Työkokeilu" in support and "☐ Ei palkkatukea." in support


def test_blank_forms_are_drawn_lines_and_boxes_not_underscores() -> None:
    for kind in (FormKind.AGREEMENT, FormKind.PROFILE, FormKind.MEETING_SUMMARY):
        assert "___" not in flat(render_form(kind, coach=COACH)), kind


def test_the_document_says_its_language() -> None:
    import io

    from pypdf import PdfReader

    for lang in ("fi", "sv", "en"):
        pdf = render_form(FormKind.AGREEMENT, coach=COACH, lang=lang).pdf
        assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == lang
