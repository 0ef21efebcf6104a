"""The client and their referral."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

from tyokykyapp.domain.base import Record
from tyokykyapp.domain.enums import Language, MaintenanceLevel, Phase, ReferralSource
from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.domain.identity_code import birth_date_of, normalise_identity_code
from tyokykyapp.i18n import _


@dataclass(kw_only=True)
class Referral:
    source: ReferralSource | None = None
    referrer: str = ""
    referred_on: date | None = None


@dataclass(kw_only=True)
class Client(Record):
    KIND = "client"

    family_name: str
    given_names: str
    date_of_birth: date | None = None
    identity_code: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    preferred_language: Language = Language.FI
    other_language: str = ""
    interpreter_needed: bool = False
    prefers_paper: bool = False
    referral: Referral = field(default_factory=Referral)
    notes: str = ""
    # Set when the client's records were handed over to another coach: this copy is then read-only.
    handed_over_on: date | None = None
    handed_over_to: str = ""
    # Process state: written only by the phase services, which also record a PhaseChange.
    phase: Phase = Phase.INTAKE
    maintenance_level: MaintenanceLevel | None = None
    phase_since: date = field(default_factory=date.today)
    started_on: date = field(default_factory=date.today)

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
        if not self.family_name.strip() or not self.given_names.strip():
            raise ValidationError("name", _("The client needs a first name and a family name."))
        if self.identity_code:
            born = birth_date_of(self.identity_code)
            self.identity_code = normalise_identity_code(self.identity_code)
            if self.date_of_birth is not None and self.date_of_birth != born:
                raise ValidationError("identity_code", _("The identity code and the date of birth do not match."))
            self.date_of_birth = born
        if self.date_of_birth is not None and self.date_of_birth > date.today():
            raise ValidationError("date_of_birth", _("The date of birth is in the future."))
        if self.email and "@" not in self.email:
            raise ValidationError("email", _("The e-mail address needs an @ sign."))
        if (self.phase is Phase.MAINTENANCE) != (self.maintenance_level is not None):
            raise ValidationError("maintenance_level", _("Only a client in maintenance has a support level."))


# Finnish and Swedish alphabetical order ends ... x y z å ä ö; other accents sort with their base letter.
_SORT_TAIL = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})


def sort_key(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).casefold().translate(_SORT_TAIL)
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
