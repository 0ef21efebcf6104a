"""A service episode (palvelujakso): one stretch of the service from entry to closure, with the referral and
the client's situation at entry. A closed client who comes back starts a new episode; the old one stays as
it was, so every "during the period" figure counts episodes rather than people's latest start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tyokykyapp.domain.base import ClientRecord
from tyokykyapp.domain.dates import DateRange
from tyokykyapp.domain.enums import DecisionBasis, IncomeSource, ReferralSource
from tyokykyapp.domain.errors import ValidationError
from tyokykyapp.domain.fields import fld
from tyokykyapp.i18n import N_, _

EVENT = DateRange.EVENT


@dataclass(kw_only=True)
class Referral:
    source: ReferralSource | None = fld(N_("Referred by"), default=None)
    referrer: str = fld(N_("Referrer"), default="")
    referred_on: date | None = fld(N_("Referred on"), default=None, dates=EVENT)


@dataclass(kw_only=True)
class Episode(ClientRecord):
    KIND = "episode"
    TITLE = N_("Service episode")
    # Set by the move that starts the episode (a new client, or re-opening a closed one); it can be corrected
    # only while the client is still at intake (services/clients.py: save_episode).
    started_on: date = fld(N_("Entered the service on"), dates=EVENT)
    referral: Referral = fld(N_("Referral"), factory=Referral)
    unemployed_since: date | None = fld(N_("Unemployed since"), default=None, dates=EVENT)
    main_income: IncomeSource | None = fld(N_("Main income at entry"), default=None)
    work_activity: bool = fld(N_("In rehabilitative work activity at entry"), default=False)
    typ_client: bool = fld(N_("TYP client at entry"), default=False)
    social_worker: str = fld(N_("Named social-welfare worker"), default="", searchable=True)
    service_decision_basis: DecisionBasis | None = fld(N_("Service decision made under"), default=None)
    service_decision_on: date | None = fld(N_("Service decision made on"), default=None, dates=EVENT)

    def main_date(self) -> date | None:
        return self.started_on

    def check(self) -> None:
        if self.service_decision_on is not None and self.service_decision_basis is None:
            raise ValidationError("service_decision_basis", _("Choose the law the service decision was made under."))
