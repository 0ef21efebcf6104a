"""The client: who they are and how to reach them, and where they are in the process."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from tyokykyapp.domain.base import Record
from tyokykyapp.domain.dates import DateRange, today
from tyokykyapp.domain.enums import Language, MaintenanceLevel, Phase
from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.domain.fields import fld
from tyokykyapp.domain.identity_code import birth_date_of, normalise_identity_code
from tyokykyapp.domain.text_rules import check_email
from tyokykyapp.i18n import N_, _


@dataclass(kw_only=True)
class Client(Record):
    KIND = "client"
    TITLE = N_("Client")

    family_name: str = fld(N_("Family name"), required=True, searchable=True)
    given_names: str = fld(N_("First names"), required=True, searchable=True)
    date_of_birth: date | None = fld(N_("Date of birth"), default=None, dates=DateRange.BIRTH)
    identity_code: str = fld(N_("Personal identity code"), default="")
    phone: str = fld(N_("Phone"), default="")
    email: str = fld(N_("E-mail"), default="")
    address: str = fld(N_("Address"), default="", long=True)
    preferred_language: Language = fld(N_("Preferred language"), default=Language.FI)
    other_language: str = fld(N_("Other language"), default="")
    interpreter_needed: bool = fld(N_("Needs an interpreter"), default=False)
    prefers_paper: bool = fld(N_("Prefers paper"), default=False)
    notes: str = fld(N_("Notes"), default="", long=True, searchable=True)
    # Set when the client's records were handed over to another coach: this copy is then read-only.
    handed_over_on: date | None = fld(N_("Handed over on"), default=None, editable=False, dates=DateRange.EVENT)
    handed_over_to: str = fld(N_("Handed over to"), default="", editable=False)
    # Process state: written only by the phase services, which also record a PhaseChange.
    phase: Phase = fld(N_("Phase"), default=Phase.INTAKE, editable=False)
    maintenance_level: MaintenanceLevel | None = fld(N_("Support level"), default=None, editable=False)
    phase_since: date = fld(N_("In this phase since"), factory=today, editable=False, dates=DateRange.EVENT)
    # The current service episode's entry date (each episode keeps its own: domain/episode.py).
    started_on: date = fld(N_("Service started on"), factory=today, editable=False, dates=DateRange.EVENT)

    @property
    def name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()

    @property
    def sort_name(self) -> str:
        return sort_key(f"{self.family_name} {self.given_names}")

    def owner_client_id(self) -> str | None:
        return self.id

    def main_date(self) -> date | None:
        return self.started_on

    def check(self) -> None:
        if self.identity_code:
            born = birth_date_of(self.identity_code)
            self.identity_code = normalise_identity_code(self.identity_code)
            if self.date_of_birth is not None and self.date_of_birth != born:
                raise ValidationError("identity_code", _("The identity code and the date of birth do not match."))
            self.date_of_birth = born
        check_email("email", self.email)
        if (self.phase is Phase.MAINTENANCE) != (self.maintenance_level is not None):
            raise ValidationError("maintenance_level", _("Only a client in maintenance has a support level."))


# Finnish and Swedish alphabetical order ends ... x y z å ä ö; other accents sort with their base letter.
_SORT_TAIL = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def sort_key(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold().translate(_SORT_TAIL)
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
