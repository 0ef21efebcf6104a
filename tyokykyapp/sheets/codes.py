"""Free text in a spreadsheet cell matched to the app's coded values: phases, support levels, referral
sources, where a client went, kinds of job, sectors.

A value matches a code when, compared folded (`text.folded`), it equals the code's label in Finnish,
Swedish or English, its stored value, or one of the everyday words below; for the open vocabularies
(referral, destination, kind, sector) it also matches when one of those words appears in it as whole words
("TYP Itä-Helsinki" is TYP), the longest such word deciding. docs/spreadsheet-import.md lists the words.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TypeVar

from tyokykyapp.domain import (
    ClosureDestination,
    ClosureReason,
    EmploymentKind,
    MaintenanceLevel,
    Phase,
    ReferralSource,
    Sector,
)
from tyokykyapp.domain.enums import Labelled
from tyokykyapp.i18n import LANGUAGES
from tyokykyapp.i18n.catalog import translations
from tyokykyapp.sheets.text import folded

E = TypeVar("E", bound=Labelled)

PHASE_WORDS: dict[Phase, tuple[str, ...]] = {
    Phase.INTAKE: ("palveluun hakeutuminen", "hakeutuminen", "aloitus", "uusi", "jono", "intag", "ny", "new"),
    Phase.MAPPING: ("alkukartoitus", "kartoitus", "kartläggning", "mapping", "assessment"),
    Phase.JOB_SEARCH: ("työnhaku", "työnetsintä", "työn etsintä", "työnhakuvaihe", "arbetssökande", "jobbsökning"),
    Phase.SUPPORT: ("tuki", "tukivaihe", "työssä", "työsuhteen aikainen tuki", "stöd", "stödfas", "in work"),
    Phase.MAINTENANCE: ("ylläpito", "ylläpitovaihe", "seuranta", "upprätthållande", "follow up"),
    Phase.CLOSED: ("päättynyt", "päättyi", "lopetettu", "palvelun päättyminen", "avslutad", "ended"),
}

LEVEL_WORDS: dict[MaintenanceLevel, tuple[str, ...]] = {
    MaintenanceLevel.ACTIVE: ("aktiivinen", "aktiivinen tuki", "aktivt", "active"),
    MaintenanceLevel.SUFFICIENT: ("riittävä", "riittävä tuki", "tillräckligt", "sufficient"),
    MaintenanceLevel.LIGHT: ("kevyt", "kevyt tuki", "lätt", "lätt stöd", "light"),
}

REFERRAL_WORDS: dict[ReferralSource, tuple[str, ...]] = {
    ReferralSource.WORK_ACTIVITY: ("kuntouttava työtoiminta", "kuntouttava", "työtoiminta", "arbetsverksamhet"),
    ReferralSource.ADULT_SOCIAL_WORK: ("aikuissosiaalityö", "sosiaalityö", "sosiaalitoimi", "socialarbete"),
    ReferralSource.DISABILITY_SOCIAL_WORK: ("vammaissosiaalityö", "vammaispalvelut", "handikappservice"),
    ReferralSource.EMPLOYMENT_SERVICES: ("te toimisto", "te palvelut", "työllisyyspalvelut", "työllisyysalue"),
    ReferralSource.TYP: ("typ", "monialainen yhteispalvelu", "sektorsövergripande"),
    ReferralSource.KELA: ("kela", "fpa"),
    ReferralSource.WORK_ABILITY_ASSESSMENT: ("työkykyselvitys", "arbetsförmågeutredning"),
    ReferralSource.WORK_ABILITY_COORDINATOR: ("työkykykoordinaattori", "arbetsförmågekoordinator"),
    ReferralSource.PSYCHOSIS_SERVICES: ("psykoosi", "psykoosipalvelut", "psykos"),
    ReferralSource.SOCIAL_REHABILITATION: ("sosiaalinen kuntoutus", "social rehabilitering"),
    ReferralSource.NGO: ("järjestö", "yhdistys", "förening", "organisation"),
    ReferralSource.OTHER_PROJECT: ("hanke", "projekti", "projekt", "project"),
    ReferralSource.SELF: ("itse", "oma yhteydenotto", "itse hakeutunut", "själv", "self"),
}

DESTINATION_WORDS: dict[ClosureDestination, tuple[str, ...]] = {
    ClosureDestination.EMPLOYED: ("työllistyi", "työ", "töihin", "työsuhde", "anställd", "arbete", "job"),
    ClosureDestination.WORK_TRIAL: ("työkokeilu", "arbetsprövning"),
    ClosureDestination.WORK_ACTIVITY: ("kuntouttava työtoiminta", "työtoiminta", "arbetsverksamhet"),
    ClosureDestination.STUDIES: ("opiskelu", "opinnot", "koulutus", "studier", "utbildning", "school"),
    ClosureDestination.KELA_REHABILITATION: ("kuntoutus", "sairausloma", "rehabilitering", "sjukledighet"),
    ClosureDestination.PENSION: ("eläke", "pension"),
    ClosureDestination.OTHER_SERVICE: ("muu palvelu", "toinen palvelu", "annan tjänst", "other service"),
    ClosureDestination.DROPPED_OUT_HEALTH: ("terveys", "terveyssyyt", "hälsa"),
    ClosureDestination.DROPPED_OUT_NOT_REACHED: ("ei tavoitettu", "ei tavoiteta", "nåddes inte", "not reached"),
    ClosureDestination.DROPPED_OUT_OWN_DECISION: ("keskeytti", "oma päätös", "eget beslut", "own decision"),
    ClosureDestination.DIED: ("kuoli", "kuollut", "avled", "died"),
}

# Where a client went implies the closure's reason; a closure needs one (domain/records.py: Closure).
REASON_OF_DESTINATION: dict[ClosureDestination, ClosureReason] = {
    ClosureDestination.EMPLOYED: ClosureReason.EMPLOYED,
    ClosureDestination.WORK_TRIAL: ClosureReason.OTHER_SERVICE,
    ClosureDestination.WORK_ACTIVITY: ClosureReason.OTHER_SERVICE,
    ClosureDestination.STUDIES: ClosureReason.STUDIES,
    ClosureDestination.KELA_REHABILITATION: ClosureReason.HEALTH,
    ClosureDestination.PENSION: ClosureReason.HEALTH,
    ClosureDestination.OTHER_SERVICE: ClosureReason.OTHER_SERVICE,
    ClosureDestination.DROPPED_OUT_HEALTH: ClosureReason.HEALTH,
    ClosureDestination.DROPPED_OUT_NOT_REACHED: ClosureReason.NOT_REACHED,
    ClosureDestination.DROPPED_OUT_OWN_DECISION: ClosureReason.OWN_DECISION,
    ClosureDestination.DIED: ClosureReason.DIED,
    ClosureDestination.OTHER: ClosureReason.OTHER,
}

KIND_WORDS: dict[EmploymentKind, tuple[str, ...]] = {
    EmploymentKind.EMPLOYMENT: ("työsuhde", "työ", "palkkatyö", "anställning", "arbete", "job", "employment"),
    EmploymentKind.WORK_TRIAL: ("työkokeilu", "arbetsprövning", "work trial"),
    EmploymentKind.WORK_ACTIVITY: ("työtoiminta", "kuntouttava työtoiminta", "arbetsverksamhet"),
    EmploymentKind.GIG: ("täsmätyö", "keikkatyö", "keikka", "alihankinta", "gig"),
    EmploymentKind.EDUCATION: ("koulutus", "opiskelu", "opinnot", "utbildning", "studier", "education"),
    EmploymentKind.REHABILITATION: ("kuntoutus", "kelan kuntoutus", "rehabilitering", "rehabilitation"),
    EmploymentKind.OTHER: ("muu", "annat", "other"),
}

# Pay-subsidised work is employment with the pay subsidy ticked.
PAY_SUBSIDY_WORDS = ("palkkatuki", "palkkatuettu", "palkkatuettu työ", "lönesubvention", "lönestöd", "pay subsidy")

SECTOR_WORDS: dict[Sector, tuple[str, ...]] = {
    Sector.AGRICULTURE: ("maatalous", "metsätalous", "jordbruk"),
    Sector.MANUFACTURING: ("teollisuus", "tehdas", "industri"),
    Sector.CONSTRUCTION: ("rakentaminen", "rakennusala", "byggande", "bygg"),
    Sector.TRADE: ("kauppa", "vähittäiskauppa", "myymälä", "handel", "butik", "retail"),
    Sector.TRANSPORT: ("kuljetus", "logistiikka", "varasto", "transport", "lager"),
    Sector.ACCOMMODATION_AND_FOOD: ("ravintola", "kahvila", "hotelli", "majoitus", "restaurang", "restaurant"),
    Sector.INFORMATION: ("it ala", "ohjelmistot", "viestintä"),
    Sector.ADMINISTRATIVE_AND_SUPPORT: ("siivous", "kiinteistöpalvelu", "städning", "cleaning"),
    Sector.PUBLIC_ADMINISTRATION: ("julkinen hallinto", "kunta", "kommun"),
    Sector.EDUCATION: ("opetus", "koulu", "undervisning"),
    Sector.HEALTH_AND_SOCIAL_WORK: ("sote", "hoiva", "sosiaaliala", "terveydenhuolto", "vård", "care"),
    Sector.ARTS_AND_RECREATION: ("kulttuuri", "liikunta", "kultur"),
    Sector.OTHER_SERVICES: ("muut palvelut", "övriga tjänster"),
}


def labels_of(code: Labelled) -> list[str]:
    """The code's label in each of the app's languages."""
    return [translations(lang).gettext(type(code)._labels()[code.value]) for lang in LANGUAGES]


@cache
def _exact(words: tuple[tuple[Labelled, tuple[str, ...]], ...], codes: tuple[Labelled, ...]) -> dict[str, Labelled]:
    table: dict[str, Labelled] = {}
    for code in codes:
        for text in (*labels_of(code), code.value):
            table.setdefault(folded(text), code)
    for code, synonyms in words:
        for text in synonyms:
            table.setdefault(folded(text), code)
    return table


def _table(cls: type[E], words: Mapping[E, tuple[str, ...]]) -> dict[str, Labelled]:
    return _exact(tuple(words.items()), tuple(cls))


def match_exact(cls: type[E], words: Mapping[E, tuple[str, ...]], text: str) -> E | None:
    """The code whose label, value or word equals `text`."""
    found = _table(cls, words).get(folded(text))
    return found if isinstance(found, cls) else None


def match_within(cls: type[E], words: Mapping[E, tuple[str, ...]], text: str) -> E | None:
    """As match_exact, else the code with the longest label or word found in `text` as whole words."""
    exact = match_exact(cls, words, text)
    if exact is not None:
        return exact
    padded = f" {folded(text)} "
    best: tuple[int, E] | None = None
    for word, code in _table(cls, words).items():
        if len(word) >= 3 and f" {word} " in padded and isinstance(code, cls) and (best is None or len(word) > best[0]):
            best = (len(word), code)
    return best[1] if best else None


def mentions(words: tuple[str, ...], text: str) -> bool:
    padded = f" {folded(text)} "
    return any(f" {folded(word)} " in padded for word in words)
