"""What an operation changed, so the GUI refreshes only the screens it concerns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    client_ids: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    # The list of clients, their phases or the bin changed (list and Today screens refresh).
    caseload: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.client_ids | other.client_ids, self.kinds | other.kinds, self.caseload or other.caseload)

    @classmethod
    def of(cls, client_id: str | None, *kinds: str, caseload: bool = False) -> Changes:
        return cls(frozenset({client_id} if client_id else ()), frozenset(kinds), caseload)
