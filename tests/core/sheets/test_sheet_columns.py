"""Headers recognised in Finnish, Swedish and English from the one table, and the document generated from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tyokykyapp.i18n import set_language
from tyokykyapp.sheets import codes
from tyokykyapp.sheets.columns import COLUMNS, SheetKind, UnknownField, is_jobs_sheet, parse_overrides, recognise
from tyokykyapp.sheets.reference import reference_markdown
from tyokykyapp.sheets.text import folded

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "headers",
    [
        [
            "SUKUNIMI",
            "etunimi",
            "Aloituspäivä",
            "Syntymäaika",
            "Hetu",
            "Lähettäjä",
            "Vaihe",
            "Päättymispäivä",
            "Jatkopolku",
        ],
        [
            "Efternamn",
            "Förnamn",
            "Startdatum",
            "Födelsedatum",
            "Personbeteckning",
            "Remitterande",
            "Fas",
            "Slutdatum",
            "Orsak till avslut",
        ],
        [
            "Family name",
            "First names",
            "Entry date",
            "Date of birth",
            "Identity code",
            "Referred by",
            "Phase",
            "Exit date",
            "Destination",
        ],
    ],
)
def test_client_headers_are_recognised_in_each_language(headers: list[str]) -> None:
    mapping = recognise(headers, SheetKind.CLIENTS)
    assert mapping.columns == {
        "family_name": 0,
        "given_names": 1,
        "started_on": 2,
        "date_of_birth": 3,
        "identity_code": 4,
        "referral": 5,
        "phase": 6,
        "closed_on": 7,
        "closure": 8,
    }
    assert mapping.missing(SheetKind.CLIENTS) == []


def test_case_accents_and_punctuation_do_not_matter() -> None:
    mapping = recognise(["  paattymispaiva ", "ALOITUS-PÄIVÄ", "nimi:"], SheetKind.CLIENTS)
    assert mapping.columns == {"closed_on": 0, "started_on": 1, "name": 2}


def test_unknown_columns_are_listed_and_required_ones_named() -> None:
    set_language("fi")
    mapping = recognise(["Nimi", "Kengännumero", ""], SheetKind.CLIENTS)
    assert mapping.ignored == ("Kengännumero",)
    assert mapping.missing(SheetKind.CLIENTS) == ["Palvelu alkoi"]
    assert recognise(["Aloituspäivä"], SheetKind.CLIENTS).missing(SheetKind.CLIENTS) == ["Nimi"]


def test_map_overrides_recognition_and_can_ignore_a_column() -> None:
    overrides = parse_overrides(["Asiakas X=name", "Aloituspäivä=", "Tulopäivä=started_on"], SheetKind)
    mapping = recognise(["Asiakas X", "Aloituspäivä", "Tulopäivä"], SheetKind.CLIENTS, overrides)
    assert mapping.columns == {"name": 0, "started_on": 2}
    assert mapping.ignored == ("Aloituspäivä",)
    with pytest.raises(UnknownField):
        parse_overrides(["Nimi=shoe_size"], SheetKind)
    with pytest.raises(UnknownField):
        parse_overrides(["no equals sign"], SheetKind)


def test_no_header_means_two_columns_of_one_sheet() -> None:
    for kind, columns in COLUMNS.items():
        seen: dict[str, str] = {}
        for column in columns:
            for header in column.headers:
                assert seen.setdefault(header, column.key) == column.key, (kind, header)


def test_jobs_sheets_are_known_by_their_names() -> None:
    assert all(is_jobs_sheet(n) for n in ("Työsuhteet", "ANSTÄLLNINGAR", "jobs"))
    assert not is_jobs_sheet("Asiakkaat")


def test_coded_values_match_labels_in_every_language_and_everyday_words() -> None:
    from tyokykyapp.domain import ClosureDestination, EmploymentKind, Phase, ReferralSource

    assert codes.match_exact(Phase, codes.PHASE_WORDS, "Työnhaku") is Phase.JOB_SEARCH
    assert codes.match_exact(Phase, codes.PHASE_WORDS, "ylläpito") is Phase.MAINTENANCE
    assert codes.match_exact(Phase, codes.PHASE_WORDS, "Stödfas") is Phase.SUPPORT
    assert codes.match_exact(Phase, codes.PHASE_WORDS, "Initial mapping") is Phase.MAPPING
    assert codes.match_exact(Phase, codes.PHASE_WORDS, "tuki ja jotain") is None
    assert codes.match_within(ReferralSource, codes.REFERRAL_WORDS, "TYP Itä-Helsinki") is ReferralSource.TYP
    assert (
        codes.match_within(ReferralSource, codes.REFERRAL_WORDS, "Kuntouttava työtoiminta, Kallio")
        is ReferralSource.WORK_ACTIVITY
    )
    assert codes.match_within(ReferralSource, codes.REFERRAL_WORDS, "Naapurin Pertti") is None
    assert (
        codes.match_within(ClosureDestination, codes.DESTINATION_WORDS, "työkokeilu") is ClosureDestination.WORK_TRIAL
    )
    assert codes.match_within(EmploymentKind, codes.KIND_WORDS, "Palkkatuettu työ") is EmploymentKind.EMPLOYMENT
    assert codes.mentions(codes.PAY_SUBSIDY_WORDS, "Palkkatuettu työ")


def test_the_document_lists_exactly_what_the_code_recognises() -> None:
    doc = (ROOT / "docs" / "spreadsheet-import.md").read_text(encoding="utf-8")
    assert doc == reference_markdown(), "run: python -m tyokykyapp.sheets.reference > docs/spreadsheet-import.md"
    for columns in COLUMNS.values():
        for column in columns:
            assert all(folded(s) in column.headers for s in column.synonyms)
            assert all(s in doc for s in column.synonyms)
