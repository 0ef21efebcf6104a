"""The due rules' results kept per client (migration 0005): read what still holds today, name the clients
to recompute, and keep what the app recomputed. Triggers invalidate a client on every change to it or its
records; a kept result also ends by itself on the first day the rules could answer differently."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from tyokykyapp.domain import ServiceTerms
from tyokykyapp.process.due import DueItem, DueKind, DueOutlook, listed_from, rules_key
from tyokykyapp.vault.database import Connection, known_errors, transaction
from tyokykyapp.vault.repository import GET_SETTING_SQL, SET_SETTING_SQL

RULES_KEY = "due_rules_version"
_FOREVER = "9999-12-31"  # no end of its own: kept until the client or a record changes
_VALID = "c.valid_from <= :today AND :today < c.valid_until"
KEPT_SQL = (
    "SELECT i.client_id, i.kind, i.due_on FROM due_cache c JOIN due_cache_items i USING (client_id)"
    f" WHERE {_VALID} AND i.listed_from <= :today ORDER BY i.due_on, i.kind, i.client_id"
)
STALE_SQL = f"SELECT client_id FROM due_cache c WHERE NOT ({_VALID})"
_KINDS = {kind.value: kind for kind in DueKind}


class DueCache:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def read(self, today: date, terms: ServiceTerms) -> tuple[list[DueItem], list[str]]:
        """The kept items listed on `today` (most urgent first), and the clients whose results must be
        recomputed (all of them when the rules or the lead-time settings changed since they were kept)."""
        params = {"today": today.isoformat()}
        with known_errors():
            row = self._db.execute(GET_SETTING_SQL, (RULES_KEY,)).fetchone()
            if row is None or row[0] != rules_key(terms):
                return [], [r[0] for r in self._db.execute("SELECT client_id FROM due_cache")]
            rows = self._db.execute(KEPT_SQL, params).fetchall()
            stale = self._db.execute(STALE_SQL, params).fetchall()
        today_text = params["today"]
        items = [
            DueItem(
                client_id=client_id, kind=_KINDS[kind], due_on=date.fromisoformat(due_on), overdue=due_on < today_text
            )
            for client_id, kind, due_on in rows
        ]
        return items, [r[0] for r in stale]

    def keep(self, today: date, recomputed: Collection[str], outlooks: list[DueOutlook], terms: ServiceTerms) -> None:
        """Keep the results of `recomputed` clients; those without an outlook (closed or in the bin) have none."""
        by_client = {o.client_id: o for o in outlooks}
        start = today.isoformat()
        with transaction(self._db):
            self._db.executemany("DELETE FROM due_cache_items WHERE client_id = ?", [(c,) for c in recomputed])
            self._db.executemany(
                "INSERT INTO due_cache_items (client_id, kind, due_on, listed_from) VALUES (?, ?, ?, ?)",
                [
                    (o.client_id, kind.value, due_on.isoformat(), listed_from(kind, due_on, terms).isoformat())
                    for o in outlooks
                    for kind, due_on in o.candidates
                ],
            )
            self._db.executemany(
                "UPDATE due_cache SET valid_from = ?, valid_until = ? WHERE client_id = ?",
                [(start, _until(by_client.get(c)), c) for c in recomputed],
            )
            self._db.execute(SET_SETTING_SQL, (RULES_KEY, rules_key(terms)))


def _until(outlook: DueOutlook | None) -> str:
    return outlook.valid_until.isoformat() if outlook is not None and outlook.valid_until else _FOREVER
