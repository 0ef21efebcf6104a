"""What a form is built from: the language, print size, blank or filled, the coach and the service's terms, and
the client's record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tyokykyapp.domain import ClientFile, Meeting, ServiceTerms
from tyokykyapp.domain.coach import CoachDetails
from tyokykyapp.forms.blocks import Blocks
from tyokykyapp.forms.pdf import Styles, styles


@dataclass
class FormContext:
    coach: CoachDetails
    file: ClientFile | None = None  # None: a blank form
    terms: ServiceTerms = field(default_factory=ServiceTerms)  # how the organisation runs the service
    meeting: Meeting | None = None
    large_print: bool = False
    today: date = field(default_factory=date.today)
    # Extra values for forms that are not about a client (the recovery sheet).
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def blank(self) -> bool:
        return self.file is None

    @property
    def styles(self) -> Styles:
        return styles(self.large_print)

    @property
    def blocks(self) -> Blocks:
        return Blocks(self.styles, self.blank)

    @property
    def client_name(self) -> str:
        return self.file.client.name if self.file else ""

    def header(self) -> str:
        parts = [self.coach.organisation, self.coach.name, self.coach.phone, self.coach.email]
        return " · ".join(p for p in parts if p)
