"""What a form is built from: the language, print size, blank or filled, the coach, the organisation and the
service's terms, and the client's record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from tyokykyapp.domain import ClientFile, Meeting, ServiceTerms
from tyokykyapp.domain.coach import CoachDetails, OrganisationDetails
from tyokykyapp.forms.blocks import Blocks
from tyokykyapp.forms.pdf import Styles, styles
from tyokykyapp.i18n import _


@dataclass
class FormContext:
    coach: CoachDetails
    organisation: OrganisationDetails = field(default_factory=OrganisationDetails)
    file: ClientFile | None = None  # None: a blank form
    terms: ServiceTerms = field(default_factory=ServiceTerms)  # how the organisation runs the service
    meeting: Meeting | None = None
    large_print: bool = False
    today: date = field(default_factory=date.today)
    # Values of a document that is not about a client (the recovery sheet), which exists only filled.
    extra: dict[str, str] = field(default_factory=dict)
    # Names of the records the client's records refer to by id (employers in the register).
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def blank(self) -> bool:
        return self.file is None and not self.extra

    @property
    def styles(self) -> Styles:
        return styles(self.large_print)

    @cached_property
    def blocks(self) -> Blocks:
        """One set of blocks per document: it notes every character printed."""
        return Blocks(self.styles, self.blank)

    @property
    def client_name(self) -> str:
        return self.file.client.name if self.file else ""

    def letterhead(self) -> list[str]:
        """The organisation on the first line; the coach and how to reach them on the second."""
        contact = " · ".join(p for p in (self.coach.name, self.coach.phone, self.coach.email) if p)
        return [line for line in (self.coach.organisation, contact) if line]

    def secrecy_mark(self) -> str:
        """On every filled form: the records are secret (with the paragraph of law, when the organisation
        has set it)."""
        if self.blank:
            return ""
        return " · ".join(p for p in (_("CONFIDENTIAL"), self.organisation.secrecy_basis) if p)
