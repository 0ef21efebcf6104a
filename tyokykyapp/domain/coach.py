"""The coach's and the organisation's details, printed on forms and recorded on moves."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(kw_only=True)
class CoachDetails:
    name: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
