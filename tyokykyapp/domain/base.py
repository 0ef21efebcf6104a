"""What every stored record has: a UUID, timestamps kept by the vault, a kind name and a title."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from tyokykyapp.domain.fields import fld
from tyokykyapp.i18n import N_


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(kw_only=True)
class Record:
    KIND: ClassVar[str]
    # What people call this kind of record (English msgid; translated where shown).
    TITLE: ClassVar[str]

    id: str = fld(N_("Identifier"), factory=new_id, printed=False, editable=False)
    # Set by the vault when the record is saved; UTC.
    created_at: datetime | None = fld(N_("Created"), default=None, printed=False, editable=False)
    updated_at: datetime | None = fld(N_("Updated"), default=None, printed=False, editable=False)

    def owner_client_id(self) -> str | None:
        """The client this record belongs to, if any."""
        return None

    def main_date(self) -> date | None:
        """The date the record is filed under (sorting, timelines)."""
        return None

    def check(self) -> None:
        """Raise ValidationError for rules that involve more than one field (each field's own rules are
        in its declaration and checked by `fields.check_fields`)."""


@dataclass(kw_only=True)
class ClientRecord(Record):
    client_id: str = fld(N_("Client"), printed=False, editable=False, ref="client")

    def owner_client_id(self) -> str | None:
        return self.client_id
