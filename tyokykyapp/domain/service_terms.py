"""How the organisation runs the service: settings kept in the vault, printed on the agreement and read by the
due rules. Projects are time-limited (Helsinki: "asiakkaille ei luvattu jatkuvaa tukea ... pilotin rajallisen
ajan vuoksi"), and how early a pay-subsidy continuation must be applied for depends on the local employment
area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tyokykyapp.domain.dates import DateRange
from tyokykyapp.domain.fields import fld
from tyokykyapp.i18n import N_

PAY_SUBSIDY_LEAD_DAYS = 60


@dataclass(kw_only=True)
class ServiceTerms:
    # None: the service has no fixed time limit (IPS); a date: a project that runs until then.
    project_ends_on: date | None = fld(
        N_("The service is a project that ends on (empty: no fixed time limit)"), default=None, dates=DateRange.PLAN
    )
    pay_subsidy_lead_days: int = fld(
        N_("Remind of a pay-subsidy renewal this many days before it ends"),
        default=PAY_SUBSIDY_LEAD_DAYS,
        numbers=(14, 180),
    )
