"""What every stored record has: a UUID, timestamps kept by the vault, and a kind name."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(kw_only=True)
class Record:
    KIND: ClassVar[str]

    id: str = field(default_factory=new_id)
    # Set by the vault when the record is saved; UTC.
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def owner_client_id(self) -> str | None:
        """The client this record belongs to, if any."""
        return None

    def main_date(self) -> date | None:
        """The date the record is filed under (sorting, timelines)."""
        return None

    def check(self) -> None:
        """Raise ValidationError for rules beyond the generic text and number checks."""


@dataclass(kw_only=True)
class ClientRecord(Record):
    client_id: str

    def owner_client_id(self) -> str | None:
        return self.client_id
