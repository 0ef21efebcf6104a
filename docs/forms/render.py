"""Render every printed form to PNG, to look at and for the documentation.

    .venv/bin/python docs/forms/render.py              the pictures docs/forms.md shows, into docs/forms/
    .venv/bin/python docs/forms/render.py --all --out DIR [--dpi 60]
                                                        every blank and filled form, fi/sv/en and large print

The filled forms are made from a synthetic client (nobody real) with every record a form prints, plus the
cases that print differently: a withdrawn consent, a closure for a client who died. Needs `pdftoppm`
(poppler-utils). Run it after changing a form and look at every page.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tyokykyapp.domain import (  # noqa: E402
    Agreement,
    Client,
    ClientFile,
    Closure,
    ClosureDestination,
    ClosureReason,
    Consent,
    ConsentParty,
    DisclosureChoice,
    Employment,
    EmploymentKind,
    KykyviisariResult,
    Language,
    Meeting,
    Plan,
    PlanStep,
    SupportPlan,
    VocationalProfile,
    WorkHistoryEntry,
)
from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails  # noqa: E402
from tyokykyapp.domain.records import PlanRelation  # noqa: E402
from tyokykyapp.forms.recovery_sheet import recovery_sheet_pdf  # noqa: E402
from tyokykyapp.forms.render import NO_BLANK, FormKind, render_form  # noqa: E402

COACH = CoachDetails(
    name="Riikka Räsänen",
    organisation="Helsingin kaupunki, Kaupunginkanslia, Elinkeino-osasto, Työllisyyspalvelut, Työhönvalmennus "
    "ja yksilöllinen tuki (IPS)",
    phone="09 310 12345",
    email="riikka.rasanen@hel.fi",
)
ORGANISATION = OrganisationDetails(
    address="PL 1, 00099 Helsingin kaupunki",
    contact="helsinki.kirjaamo@hel.fi, 09 310 13700",
    data_protection_officer="Tietosuojavastaava, tietosuoja@hel.fi",
    secrecy_basis="JulkL 24.1 § 25 k",
)
TODAY = date(2026, 11, 23)
LANGUAGES = ("fi", "sv", "en")


def sample_file() -> ClientFile:
    """A client in the support phase with every record the forms print."""
    c = Client(
        family_name="Heikkinen",
        given_names="Katja Marjatta",
        identity_code="080366-1234",
        phone="040 765 4321",
        preferred_language=Language.FI,
        started_on=date(2025, 9, 2),
    )
    c.date_of_birth = date(1966, 3, 8)
    f = ClientFile(client=c)
    f.consents.append(
        Consent(
            client_id=c.id,
            given_on=date(2025, 9, 9),
            purpose="Työnhaun ja työssä jaksamisen tukeminen yhdessä Kelan ja työllisyyspalvelujen kanssa.",
            parties=[
                ConsentParty(name="Kela", what_may_be_exchanged="etuudet ja kuntoutus"),
                ConsentParty(
                    name="Työllisyyspalvelut, Anna Laine",
                    role="työllisyyspalvelut",
                    what_may_be_exchanged="työnhaku ja työllistymissuunnitelma",
                ),
                ConsentParty(name="Terveysasema", role="terveydenhuolto", allowed=False),
            ],
            health_information=True,
            employer_disclosure=DisclosureChoice.AGREED_EACH_TIME,
        )
    )
    f.agreements.append(
        Agreement(
            client_id=c.id,
            signed_on=date(2025, 9, 9),
            how_we_work="Tapaamme kerran viikossa kirjastossa tai puhelimessa. Valmentajan tavoittaa arkisin.",
            coach_does="Auttaa työpaikan etsimisessä ja on yhteydessä työnantajiin sovitusti.",
            client_does="Kertoo toiveistaan ja tulee tapaamisiin tai ilmoittaa esteestä.",
        )
    )
    f.vocational_profiles.append(
        VocationalProfile(
            client_id=c.id,
            updated_on=date(2025, 10, 14),
            work_goals="Haluan töihin keittiöön tai kahvilaan, aluksi osa-aikaisesti.",
            kind_of_work="Keittiö- tai kahvilatyö Itä-Helsingissä",
            hours_and_days="Arkiaamupäivät, 20 tuntia viikossa",
            pay_expectations="TES:n mukainen",
            education="Ravintola-alan perustutkinto (2010)",
            qualifications="Hygieniapassi, B-ajokortti",
            work_history=[
                WorkHistoryEntry(
                    employer="Kahvila Kulma",
                    title="kahvila-apulainen",
                    period="2015–2016",
                    tasks="Asiakaspalvelu, kassa, leipominen ja siivous.",
                    went_well="Asiakaspalvelu ja työkaverit.",
                    was_hard="Kiireiset viikonloput.",
                    why_ended="Määräaikainen työsuhde päättyi.",
                ),
                WorkHistoryEntry(employer="Kesätyöpaikka Oy", title="siivooja", period="kesä 2014"),
            ],
            strengths="Täsmällinen, ystävällinen.",
            interests="Leipominen",
            good_workplace="Rauhallinen, pieni työyhteisö.",
            limitations_and_support="Väsyn pitkissä vuoroissa; tarvitsen selkeät ohjeet.",
            daily_life="Kuljen bussilla. Asun yksin, sisko tukee.",
            benefits_situation="Työttömyysetuus ja asumistuki.",
            work_pays_checked_on=date(2025, 10, 14),
            work_pays_checked_how="Kelan laskuri",
            disclosure_preference="Valmentaja saa kertoa, että saan tukea työnhakuun.",
            job_seeker_registration_checked_on=date(2025, 10, 1),
            cv_updated_on=date(2025, 10, 20),
        )
    )
    f.kykyviisari_results.append(KykyviisariResult(client_id=c.id, done_on=date(2025, 10, 7), work_ability=6))
    f.plans.append(
        Plan(
            client_id=c.id,
            made_on=date(2025, 10, 21),
            goal="Osa-aikatyö keittiössä kevääseen mennessä.",
            steps=[
                PlanStep(
                    description="Päivitetään CV",
                    owner="Katja ja valmentaja",
                    due_on=date(2025, 10, 31),
                    done_on=date(2025, 10, 20),
                ),
                PlanStep(description="Haetaan kolmea työpaikkaa kuussa", owner="Katja", due_on=date(2026, 3, 31)),
            ],
            meeting_frequency="Kerran viikossa",
            review_on=date(2026, 10, 21),
            external_plan="Työllistymissuunnitelma 1.9.2025",
            external_relation=PlanRelation.COMPLEMENTS,
        )
    )
    f.meetings.append(
        Meeting(
            client_id=c.id,
            on=date(2026, 2, 3),
            start_time=time(9, 30),
            notes="Valmentajan oma muistiinpano: ei kuulu asiakkaan kotiin vietävään yhteenvetoon.",
            agreed_next_steps="Katja soittaa Kahvila Aamuun. Valmentaja selvittää palkkatuen.",
            next_meeting_on=date(2026, 2, 10),
            next_meeting_time=time(9, 0),
            next_meeting_place="Itäkeskuksen kirjasto",
        )
    )
    job = Employment(
        client_id=c.id,
        start_on=date(2026, 3, 2),
        kind=EmploymentKind.EMPLOYMENT,
        employer_name="Kahvila Aamu",
        title="kahvilatyöntekijä",
        hours_per_week=20,
        pay_subsidy=True,
        pay_subsidy_until=date(2026, 8, 31),
        employer_knows_about_coaching=True,
    )
    f.employments.append(job)
    f.support_plans.append(
        SupportPlan(
            client_id=c.id,
            made_on=date(2026, 3, 9),
            employment_id=job.id,
            support_at_work="Perehdytys ensimmäisellä viikolla yhdessä esihenkilön kanssa.",
            support_outside_work="Verokortti ja asumistuen muutos.",
            employer_knows_and_gets="Työnantaja tietää työhönvalmennuksesta; valmentaja käy sovitusti.",
            visits_and_calls="Käynti kahden viikon välein, puhelu tarvittaessa.",
            adjustments="Aluksi 4 tuntia päivässä.",
            who_to_call="Riikka Räsänen, 09 310 12345",
            review_on=date(2026, 6, 1),
        )
    )
    f.closures.append(
        Closure(
            client_id=c.id,
            closed_on=date(2026, 10, 30),
            reason=ClosureReason.EMPLOYED,
            destination=ClosureDestination.EMPLOYED,
            achieved="Vakituinen osa-aikatyö Kahvila Aamussa.",
            continuation_path="Ei jatkopalvelua tarpeen.",
            contacts="Työllisyyspalvelut, puh. 09 310 10000",
        )
    )
    return f


def cases() -> dict[str, ClientFile]:
    """The sample, and the records that print differently."""
    normal = sample_file()
    withdrawn = sample_file()
    withdrawn.consents[0].withdrawn_on = date(2026, 6, 1)
    died = sample_file()
    died.closures[0] = replace(
        died.closures[0],
        reason=ClosureReason.DIED,
        destination=ClosureDestination.DIED,
        achieved="",
        continuation_path="",
    )
    return {"filled": normal, "withdrawn": withdrawn, "died": died}


def documents(languages: tuple[str, ...], sizes: tuple[bool, ...]) -> dict[str, bytes]:
    """name -> PDF, for every form, blank and filled, in `languages` and print `sizes`."""
    found: dict[str, bytes] = {}
    files = cases()
    for lang in languages:
        for large in sizes:
            size = "-large" if large else ""
            for kind in FormKind:
                if kind is FormKind.RECOVERY_SHEET:
                    continue
                if kind not in NO_BLANK:
                    blank = render_form(kind, coach=COACH, organisation=ORGANISATION, lang=lang, large_print=large)
                    found[f"{kind.value}-blank-{lang}{size}"] = blank.pdf
                filled = render_form(
                    kind,
                    coach=COACH,
                    organisation=ORGANISATION,
                    file=files["filled"],
                    lang=lang,
                    large_print=large,
                    today=TODAY,
                )
                found[f"{kind.value}-filled-{lang}{size}"] = filled.pdf
            for case, kind in (("withdrawn", FormKind.CONSENT), ("died", FormKind.CLOSURE)):
                printed = render_form(
                    kind, coach=COACH, organisation=ORGANISATION, file=files[case], lang=lang, large_print=large
                )
                found[f"{kind.value}-{case}-{lang}{size}"] = printed.pdf
        sheet = recovery_sheet_pdf(
            "3f2a9c1e-5b7d-4e21-9a0c-7d1e2f3a4b5c",
            datetime(2026, 11, 23, 10),
            "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456",
            COACH,
            lang,
        )
        found[f"recovery_sheet-{lang}"] = sheet.pdf
    return found


# What docs/forms.md shows: the first page of each blank Finnish form, the work-history boxes, and the
# filled forms that print differently (name -> the pages).
DOCS = {
    **{f"{kind.value}-blank-fi": (1, 1) for kind in FormKind if kind not in NO_BLANK},
    "profile-blank-fi": (1, 2),
    "consent-filled-fi": (1, 1),
    "consent-withdrawn-fi": (1, 1),
    "closure-died-fi": (1, 1),
    "privacy_notice-filled-fi": (1, 2),
    "recovery_sheet-fi": (1, 1),
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="every page of every form, fi/sv/en and large print")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--dpi", type=int, default=40)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    found = documents(LANGUAGES, (False, True)) if args.all else documents(("fi",), (False,))
    with tempfile.TemporaryDirectory() as folder:
        for name, pdf in found.items():
            if not args.all and name not in DOCS:
                continue
            source = Path(folder) / f"{name}.pdf"
            source.write_bytes(pdf)
            pages = [] if args.all else ["-f", str(DOCS[name][0]), "-l", str(DOCS[name][1])]
            command = ["pdftoppm", "-png", "-r", str(args.dpi), *pages, str(source), str(args.out / name)]
            subprocess.run(command, check=True)
            print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
