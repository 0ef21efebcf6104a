"""What an operation changed, so the GUI refreshes only the screens it concerns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    client_ids: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    # The list of clients, their phases or the bin changed (list and Today screens refresh).
    caseload: bool = False
    # What the coach should know about what was done (it was done all the same), e.g. an employer contact for
    # a client who asked the coach to stay invisible to employers. Shown once, in plain words.
    notices: tuple[str, ...] = ()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.client_ids | other.client_ids,
            self.kinds | other.kinds,
            self.caseload or other.caseload,
            self.notices + other.notices,
        )

    @classmethod
    def of(cls, client_id: str | None, *kinds: str, caseload: bool = False, notices: Sequence[str] = ()) -> Changes:
        return cls(frozenset({client_id} if client_id else ()), frozenset(kinds), caseload, tuple(notices))
