"""The columns a spreadsheet import recognises, by their headers in Finnish, Swedish and English.

This table is the one place the headers live: the importer reads it, the export writes the same labels
(so an exported sheet imports back), and docs/spreadsheet-import.md is generated from it
(`python -m tyokykyapp.sheets.reference`; a test keeps the two equal).

A header matches a column when, compared without case, accents or punctuation (`text.folded`), it equals
the column's label in any of the three languages or one of its synonyms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache

from tyokykyapp.domain import Client, Closure, Employment, Episode, Referral
from tyokykyapp.domain.fields import declared
from tyokykyapp.i18n import LANGUAGES, N_, _
from tyokykyapp.i18n.catalog import translations
from tyokykyapp.sheets.text import folded


class SheetKind(Enum):
    CLIENTS = "clients"
    JOBS = "jobs"


@dataclass(frozen=True)
class Column:
    key: str  # what --map names ("Asiakas=name")
    label: str  # English msgid: the header an export writes, recognised in every language
    synonyms: tuple[str, ...]  # further headers people write, in any of the languages
    required: bool = False

    @property
    def headers(self) -> frozenset[str]:
        return _headers(self)


def _label(cls: type, name: str) -> str:
    return declared(cls, name).spec.label


@cache
def _headers(column: Column) -> frozenset[str]:
    labels = {translations(lang).gettext(column.label) for lang in LANGUAGES}
    return frozenset(folded(text) for text in (*labels, *column.synonyms))


# Who the client is: on the client sheet, and on the job sheet to say whose job it is.
_PERSON = (
    Column(
        "name",
        N_("Name"),
        ("Nimi", "Koko nimi", "Asiakas", "Asiakkaan nimi", "Namn", "Klient", "Full name", "Client"),
    ),
    Column("family_name", _label(Client, "family_name"), ("Sukunimi", "Efternamn", "Surname", "Last name")),
    Column(
        "given_names",
        _label(Client, "given_names"),
        ("Etunimi", "Etunimet", "Förnamn", "First name", "Given name", "Given names"),
    ),
    Column(
        "date_of_birth",
        _label(Client, "date_of_birth"),
        ("Syntymäaika", "Syntymäpäivä", "Syntynyt", "Födelsedatum", "Född", "Birth date", "DOB", "Born"),
    ),
    Column(
        "identity_code",
        _label(Client, "identity_code"),
        ("Henkilötunnus", "Hetu", "Htun", "Personbeteckning", "Personnummer", "Identity code", "Henkilotunnus"),
    ),
)

CLIENT_COLUMNS: tuple[Column, ...] = (
    *_PERSON,
    Column(
        "started_on",
        _label(Client, "started_on"),
        (
            "Aloituspäivä",
            "Alkamispäivä",
            "Tullut palveluun",
            "Palvelu alkoi",
            "Aloitus",
            "Aloitettu",
            _label(Episode, "started_on"),
            "Startdatum",
            "Inskriven",
            "Kom till tjänsten",
            "Entry date",
            "Start date",
            "Started",
        ),
        required=True,
    ),
    Column("phone", _label(Client, "phone"), ("Puhelin", "Puhelinnumero", "Puh", "GSM", "Telefon", "Mobile")),
    Column("email", _label(Client, "email"), ("Sähköposti", "S-posti", "Email", "E-post", "Mail")),
    Column(
        "referral",
        _label(Referral, "source"),
        (
            "Lähettäjä",
            "Ohjaava taho",
            "Lähettävä taho",
            "Ohjautunut",
            "Ohjaaja",
            "Lähete",
            "Remitterande",
            "Hänvisad av",
            "Remiss från",
            "Referral",
            "Referral source",
            "Referrer",
        ),
    ),
    Column("phase", _label(Client, "phase"), ("Vaihe", "Prosessin vaihe", "Fas", "Stage", "Status")),
    Column(
        "support_level",
        _label(Client, "maintenance_level"),
        ("Tuen taso", "Tukitaso", "Ylläpidon taso", "Stödnivå", "Level of support"),
    ),
    Column(
        "phase_since",
        _label(Client, "phase_since"),
        ("Vaiheessa alkaen", "Vaihe alkoi", "I fasen sedan", "Phase since", "In phase since"),
    ),
    Column(
        "closed_on",
        _label(Closure, "closed_on"),
        (
            "Päättymispäivä",
            "Päättyi",
            "Lopetuspäivä",
            "Palvelu päättyi",
            "Slutdatum",
            "Avslutad",
            "Exit date",
            "End date",
            "Closed on",
        ),
    ),
    Column(
        "closure",
        _label(Closure, "destination"),
        (
            "Päättymisen syy",
            "Jatkopolku",
            "Lopetuksen syy",
            "Mihin siirtyi",
            "Orsak till avslut",
            "Fortsatt väg",
            "Closure reason",
            "Reason for closure",
            "Destination",
            _label(Closure, "continuation_path"),
        ),
    ),
    Column("notes", _label(Client, "notes"), ("Muistiinpanot", "Huomiot", "Lisätiedot", "Anteckningar", "Comments")),
)

JOB_COLUMNS: tuple[Column, ...] = (
    *_PERSON,
    Column(
        "kind",
        _label(Employment, "kind"),
        ("Laji", "Tyyppi", "Työn laji", "Typ", "Slag", "Anställningsform", "Type"),
    ),
    Column(
        "start_on",
        _label(Employment, "start_on"),
        ("Alkoi", "Alkamispäivä", "Aloituspäivä", "Alku", "Började", "Startdatum", "Start", "Started"),
        required=True,
    ),
    Column(
        "end_on",
        _label(Employment, "end_on"),
        ("Päättyi", "Päättymispäivä", "Loppu", "Slutade", "Slutdatum", "End", "Ended"),
    ),
    Column(
        "employer",
        _label(Employment, "employer_id"),
        ("Työnantaja", "Työpaikka", "Yritys", "Arbetsgivare", "Arbetsplats", "Company", "Workplace"),
    ),
    Column(
        "title",
        _label(Employment, "title"),
        ("Tehtävä", "Ammatti", "Tehtävänimike", "Nimike", "Uppgift", "Yrke", "Befattning", "Occupation", "Position"),
    ),
    Column("sector", _label(Employment, "sector"), ("Ala", "Toimiala", "Bransch", "Sector", "Industry")),
    Column(
        "hours_per_week",
        _label(Employment, "hours_per_week"),
        ("Tunnit viikossa", "Tuntia viikossa", "Viikkotunnit", "Tunnit", "Timmar per vecka", "Hours a week", "Hours"),
    ),
)

COLUMNS = {SheetKind.CLIENTS: CLIENT_COLUMNS, SheetKind.JOBS: JOB_COLUMNS}

# The names a workbook's sheet of jobs goes by (compared folded, like headers).
JOB_SHEET_NAMES = (
    "Työsuhteet",
    "Työt",
    "Työpaikat",
    "Työllistymiset",
    "Anställningar",
    "Jobb",
    "Jobs",
    "Employments",
    _label(Employment, "kind"),
)


def is_jobs_sheet(name: str) -> bool:
    return folded(name) in {folded(n) for n in JOB_SHEET_NAMES}


@dataclass(frozen=True)
class Mapping:
    """Which sheet column (0-based) holds which column key; what was not recognised."""

    columns: dict[str, int]
    ignored: tuple[str, ...]  # headers of the columns left out

    def missing(self, kind: SheetKind) -> list[str]:
        """The required columns not found, as people read their headers."""
        keys = set(self.columns)
        missing = [_(c.label) for c in COLUMNS[kind] if c.required and c.key not in keys]
        if "name" not in keys and not {"family_name", "given_names"} <= keys:
            missing.insert(0, _("Name"))
        return missing


class UnknownField(ValueError):
    """A --map names a field that does not exist."""


def known_keys(kind: SheetKind) -> list[str]:
    return [c.key for c in COLUMNS[kind]]


def recognise(headers: Sequence[object], kind: SheetKind, overrides: dict[str, str] | None = None) -> Mapping:
    """Match a header row to the columns of `kind`. `overrides` maps a header as written to a column key
    ("" ignores the column); a header it names wins over recognition. The first column of a key counts."""
    forced = {folded(header): key for header, key in (overrides or {}).items()}
    columns: dict[str, int] = {}
    ignored: list[str] = []
    lookup = {header: column.key for column in COLUMNS[kind] for header in column.headers}
    for index, raw in enumerate(headers):
        text = "" if raw is None else str(raw).strip()
        if not text:
            continue
        key = forced.get(folded(text), lookup.get(folded(text)))
        if key and key not in columns:
            columns[key] = index
        else:
            ignored.append(text)
    return Mapping(columns, tuple(ignored))


def parse_overrides(pairs: Iterable[str], kinds: Iterable[SheetKind]) -> dict[str, str]:
    """`--map "COLUMN=field"` arguments as {header: key}; UnknownField names a field no sheet has."""
    valid = {key for kind in kinds for key in known_keys(kind)}
    result: dict[str, str] = {}
    for pair in pairs:
        header, sep, key = pair.rpartition("=")
        key = key.strip()
        if not sep or not header.strip() or (key and key not in valid):
            raise UnknownField(pair)
        result[header.strip()] = key
    return result
